import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { INDENT } from './keys.js';
import type { CodeEditorHandle } from './use-code-editor-state.js';

export interface CodeEditorInputOptions {
  /** Only an active editor hears keys. */
  isActive: boolean;
  /** Esc / Shift-Tab; without it those keys fall through to the screen. */
  onLeave?: (() => void) | undefined;
}

// Controls other than line breaks and tabs never enter the code (a paste may carry them).
// eslint-disable-next-line no-control-regex
const PASTED_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Pasted text as it may enter the code: line breaks as `\n`, no other controls. */
export function pastedCode(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(PASTED_CONTROLS, '');
}

/**
 * The only part of the editor that reads keys, as a text-entry layer: printable keys, a paste,
 * Enter, Tab, Backspace, Delete and movement are the editor's; Esc leaves; other Ctrl keys fall
 * through. The console's key decoder has already split every read into single keys.
 */
export function useCodeEditorInput({ dispatch }: Pick<CodeEditorHandle, 'dispatch'>, { isActive, onLeave }: CodeEditorInputOptions): void {
  useKeyLayer(
    (e) => {
      const { key } = e;
      // Typed Tabs indent as the Tab key does; a real paste keeps its tabs.
      if (e.paste !== undefined) dispatch({ type: 'insert-text', text: pastedCode(e.typed ? e.paste.replace(/\t/g, INDENT) : e.paste) });
      else if (e.is('codeEditor.leave')) {
        if (!onLeave) return false;
        onLeave();
      } else if (key.return) dispatch({ type: 'newline' });
      else if (key.backspace) dispatch({ type: 'backspace' });
      else if (key.delete) dispatch({ type: 'delete' });
      else if (key.upArrow) dispatch({ type: 'move-up' });
      else if (key.downArrow) dispatch({ type: 'move-down' });
      else if (key.leftArrow) dispatch({ type: 'move-left' });
      else if (key.rightArrow) dispatch({ type: 'move-right' });
      else if (key.home) dispatch({ type: 'home' });
      else if (key.end) dispatch({ type: 'end' });
      else if (key.pageUp) dispatch({ type: 'page-up' });
      else if (key.pageDown) dispatch({ type: 'page-down' });
      else if (e.is('codeEditor.insertLine')) dispatch({ type: 'insert-line' });
      else if (e.is('codeEditor.deleteLine')) dispatch({ type: 'delete-line' });
      else if (e.is('codeEditor.indent')) dispatch({ type: 'insert-text', text: INDENT });
      else if (e.printable) dispatch({ type: 'insert-text', text: e.input });
      else return false;
      return true;
    },
    { priority: KeyPriority.field, isActive, text: 'lines' },
  );
}
