import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { addKeyBindings } from '../../keys/bindings.js';
import { lineEditOf, type LineEdit } from '../line-field/index.js';

addKeyBindings({
  // Show or hide a masked value (a license key) while typing it.
  'form.reveal': [{ input: 't', ctrl: true }],
});

export interface FormInputHandlers {
  next: () => void;
  previous: () => void;
  /** Enter: next field, or submit on the last one. */
  enter: () => void;
  /** Esc; undefined lets Esc fall through to the screen ("back"). */
  cancel: (() => void) | undefined;
  /** A key or paste that edits the focused field. */
  edit: (edit: LineEdit) => void;
  /** Ctrl-T: show or hide masked fields. */
  toggleReveal: () => void;
}

/**
 * The form's keys, above the screen: Tab/↓ next field, Shift-Tab/↑ previous, Enter next or
 * submit, Esc cancel. Typing and editing keys are swallowed here, so `q` or `?` typed into a
 * field never reach the frame. Editing keys (typing, a paste, Backspace, Delete, arrows,
 * Home/End, Ctrl-A/E/U/K/W) edit the focused field like a shell line.
 */
export function useFormInput(handlers: FormInputHandlers, { isActive, busy }: { isActive: boolean; busy: boolean }): void {
  useKeyLayer(
    (e) => {
      if (busy) return true;
      if (e.is('form.nextField')) handlers.next();
      else if (e.is('form.previousField')) handlers.previous();
      else if (e.is('basic.confirm')) handlers.enter();
      else if (e.is('basic.back')) {
        if (!handlers.cancel) return false;
        handlers.cancel();
      } else if (e.is('form.reveal')) handlers.toggleReveal();
      else {
        const edit = lineEditOf(e);
        if (!edit) return false;
        handlers.edit(edit);
      }
      return true;
    },
    { priority: KeyPriority.field, isActive, text: true },
  );
}
