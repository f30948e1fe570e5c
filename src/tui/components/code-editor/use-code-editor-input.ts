import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { isMultiKeyChunk, splitChunk } from './input-chunks.js';
import { INDENT } from './keys.js';
import type { CodeEditorHandle } from './use-code-editor-state.js';

export interface CodeEditorInputOptions {
  /** Only an active editor hears keys. */
  isActive: boolean;
  /** Esc / Shift-Tab; without it those keys fall through to the screen. */
  onLeave?: (() => void) | undefined;
}

/**
 * The only part of the editor that reads keys, as a text-entry layer: printable keys, Enter,
 * Tab, Backspace and movement are the editor's; Esc leaves; other Ctrl keys fall through.
 */
export function useCodeEditorInput({ dispatch }: Pick<CodeEditorHandle, 'dispatch'>, { isActive, onLeave }: CodeEditorInputOptions): void {
  const forwardDelete = useForwardDeleteDetector(isActive);
  useKeyLayer(
    (e) => {
      const { key } = e;
      if (e.is('codeEditor.leave')) {
        if (!onLeave) return false;
        onLeave();
      } else if (key.return) dispatch({ type: 'newline' });
      else if (key.backspace) dispatch({ type: 'backspace' });
      else if (key.delete) dispatch({ type: forwardDelete() ? 'delete' : 'backspace' });
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
      else if (e.printable && !isMultiKeyChunk(e.input)) dispatch({ type: 'insert-text', text: e.input });
      else if (isMultiKeyChunk(e.input) && !key.ctrl && !(key.meta && !key.escape)) {
        for (const part of splitChunk(e.input)) {
          if (part.kind === 'text') dispatch({ type: 'insert-text', text: part.text });
          else dispatch(part.key === 'return' ? { type: 'newline' } : part.key === 'tab' ? { type: 'insert-text', text: INDENT } : { type: 'backspace' });
        }
      } else return false;
      return true;
    },
    { priority: KeyPriority.field, isActive },
  );
}

/**
 * Ink reports Backspace (DEL, 0x7f) and the Delete key (ESC [3~) both as `key.delete`. The raw
 * input tells them apart: it is read here, before Ink's key handlers run, so the editor can
 * delete forward on Delete and backward on Backspace.
 */
export function useForwardDeleteDetector(isActive: boolean): () => boolean {
  const { internal_eventEmitter: events } = useStdin();
  const last = useRef('');
  useEffect(() => {
    if (!isActive || !events) return undefined;
    const remember = (input: unknown) => {
      last.current = typeof input === 'string' ? input : String(input);
    };
    events.prependListener('input', remember);
    return () => {
      events.removeListener('input', remember);
    };
  }, [events, isActive]);
  return () => /\[3(;\d+)?~$/.test(last.current);
}
