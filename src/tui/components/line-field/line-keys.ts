import type { KeyEvent } from '../../hooks/use-keymap.js';
import type { LineEdit } from './line-edit.js';

/**
 * The editing a key does in a one-line field, or undefined when the key is not an edit (Tab,
 * Enter, Esc, a Ctrl key the field does not use: those are the form's or the screen's).
 */
export function lineEditOf(e: KeyEvent): LineEdit | undefined {
  const { key, input } = e;
  if (e.paste !== undefined) return { type: 'insert', text: e.paste };
  if (key.backspace) return { type: 'backspace' };
  if (key.delete) return { type: 'delete' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  if (key.ctrl && !key.meta) {
    switch (input) {
      case 'a':
        return { type: 'home' };
      case 'e':
        return { type: 'end' };
      case 'u':
        return { type: 'kill-to-start' };
      case 'k':
        return { type: 'kill-to-end' };
      case 'w':
        return { type: 'kill-word' };
      case 'd':
        return { type: 'delete' };
      default:
        return undefined;
    }
  }
  if (e.printable) return { type: 'insert', text: input };
  return undefined;
}
