import type { Messages } from '../../../i18n/index.js';
import { addKeyBindings } from '../../keys/bindings.js';
import type { KeyHelp } from '../../keys/key-help.js';

addKeyBindings({
  'marketplace.enterKey': [{ input: 'e' }],
  'marketplace.reveal': [{ input: 'r' }],
  'marketplace.copy': [{ input: 'c' }],
  'marketplace.coupon': [{ input: 'a' }],
  'marketplace.reset': [{ input: 'x' }],
  'marketplace.diagnostics': [{ input: 'd' }],
  'marketplace.reload': [{ input: 'u' }],
  'marketplace.capture': [{ input: 't' }],
});

/** What the screen shows: which keys are live. */
export type KeysMode = 'registered' | 'unregistered' | 'form' | 'diagnostics' | 'loading';

/**
 * The keys of the screen in a mode, for the help overlay and the footer. `seatMissing`: this
 * PBX does not hold a seat it should; the key that takes it back goes first in the footer.
 */
export function marketplaceKeys(messages: Messages, mode: KeysMode, seatMissing = false): KeyHelp[] {
  const k = messages.screens.marketplace.keys;
  switch (mode) {
    case 'registered':
      return [
        { command: 'marketplace.capture', description: seatMissing ? messages.seats.keys.captureShort : messages.seats.keys.capture, footer: seatMissing },
        { command: 'marketplace.reveal', description: k.reveal, footer: true },
        { command: 'marketplace.copy', description: k.copy, footer: true },
        { command: 'marketplace.coupon', description: k.coupon, footer: true, changes: true },
        { command: 'marketplace.reset', description: k.reset, changes: true },
        { command: 'marketplace.diagnostics', description: k.diagnostics },
        { command: 'marketplace.reload', description: k.reload },
        { command: 'nav.down', description: k.scrollDown },
        { command: 'nav.up', description: k.scrollUp },
        { commands: ['nav.pageUp', 'nav.pageDown'], description: k.scrollPage },
      ];
    case 'unregistered':
      return [
        { command: 'basic.confirm', description: k.register, footer: true, changes: true },
        { command: 'marketplace.enterKey', description: k.enterKey, footer: true, changes: true },
        { command: 'marketplace.diagnostics', description: k.diagnostics },
        { command: 'marketplace.reload', description: k.reload },
      ];
    case 'form':
      return [
        { command: 'form.nextField', description: k.formMove },
        { command: 'basic.confirm', description: k.formSubmit },
        { command: 'basic.back', description: k.back, footer: true },
      ];
    case 'diagnostics':
      return [
        { command: 'marketplace.reload', description: k.runAgain, footer: true },
        { command: 'basic.back', description: k.back, footer: true },
      ];
    case 'loading':
      return [
        { command: 'marketplace.diagnostics', description: k.diagnostics },
        { command: 'marketplace.reload', description: k.reload },
      ];
  }
}
