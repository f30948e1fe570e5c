import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import type { ConfirmChoice } from './use-confirm-state.js';

export interface ConfirmInputHandlers {
  answer: (choice: ConfirmChoice) => void;
  /** Enter: the highlighted answer. */
  accept: () => void;
  switchChoice: () => void;
  toggleOption: (() => void) | undefined;
}

/**
 * The dialog's keys; it is modal, so nothing below hears a key while it is open.
 * y confirms; n and Esc cancel; Enter takes the highlighted answer; ←/→/Tab switch it;
 * Space toggles the option.
 */
export function useConfirmInput(handlers: ConfirmInputHandlers, isActive: boolean): void {
  useKeyLayer(
    (e) => {
      if (e.is('confirm.yes')) handlers.answer('confirm');
      else if (e.is('confirm.no') || e.is('basic.back')) handlers.answer('cancel');
      else if (e.is('basic.confirm')) handlers.accept();
      else if (e.is('nav.left') || e.is('nav.right') || e.is('screen.next') || e.is('screen.previous')) handlers.switchChoice();
      else if (e.is('basic.toggle') && handlers.toggleOption) handlers.toggleOption();
      return true;
    },
    { priority: KeyPriority.overlay, modal: true, isActive },
  );
}
