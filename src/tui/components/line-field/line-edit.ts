/**
 * One line of text edited at a cursor, like a shell's line: insert, Backspace, Delete,
 * Left/Right, Home/End and the readline kills (Ctrl-U to the start, Ctrl-K to the end, Ctrl-W
 * the word before). The cursor counts code points. Control characters never enter the value:
 * line breaks and tabs typed or pasted become spaces, other controls are dropped.
 */

export type LineEdit =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'kill-to-start' }
  | { type: 'kill-to-end' }
  | { type: 'kill-word' };

export interface LineState {
  value: string;
  cursor: number;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Typed or pasted text as it may enter a one-line value. */
export function lineText(text: string): string {
  return text.replace(/\r\n?|\n|\t/g, ' ').replace(CONTROLS, '');
}

export function editLine(value: string, cursor: number, edit: LineEdit): LineState {
  const chars = Array.from(value);
  const at = Math.min(Math.max(0, cursor), chars.length);
  const join = (before: string[], after: string[], next: number) => ({ value: [...before, ...after].join(''), cursor: next });
  switch (edit.type) {
    case 'insert': {
      const text = Array.from(lineText(edit.text));
      return join([...chars.slice(0, at), ...text], chars.slice(at), at + text.length);
    }
    case 'backspace':
      return at === 0 ? { value, cursor: at } : join(chars.slice(0, at - 1), chars.slice(at), at - 1);
    case 'delete':
      return at >= chars.length ? { value, cursor: at } : join(chars.slice(0, at), chars.slice(at + 1), at);
    case 'left':
      return { value, cursor: Math.max(0, at - 1) };
    case 'right':
      return { value, cursor: Math.min(chars.length, at + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: chars.length };
    case 'kill-to-start':
      return join([], chars.slice(at), 0);
    case 'kill-to-end':
      return join(chars.slice(0, at), [], at);
    case 'kill-word': {
      // Like readline's unix-word-rubout: spaces before the cursor, then the word.
      let start = at;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return join(chars.slice(0, start), chars.slice(at), start);
    }
  }
}
