import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';

export interface FormInputHandlers {
  next: () => void;
  previous: () => void;
  /** Enter: next field, or submit on the last one. */
  enter: () => void;
  /** Esc; undefined lets Esc fall through to the screen ("back"). */
  cancel: (() => void) | undefined;
}

/**
 * The form's keys, above the screen: Tab/↓ next field, Shift-Tab/↑ previous, Enter next or
 * submit, Esc cancel. Typing and editing keys are swallowed here, so `q` or `?` typed into a
 * field never reach the frame; the text input itself (ink-text-input) edits the value.
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
      } else if (!(e.printable || e.key.backspace || e.key.delete || e.key.leftArrow || e.key.rightArrow || e.key.home || e.key.end)) return false;
      return true;
    },
    { priority: KeyPriority.field, isActive },
  );
}
