import type { Messages } from '../../../i18n/index.js';
import type { KeyHelp } from '../../keys/key-help.js';

/** The keys of the audit log screen, for the help overlay and the footer. It only reads: nothing here changes anything. */
export function auditKeys(messages: Messages): KeyHelp[] {
  const k = messages.screens.audit.keys;
  return [
    { command: 'filter.start', description: k.filter, footer: true },
    { commands: ['nav.up', 'nav.down'], description: k.move, footer: true },
    { commands: ['nav.pageUp', 'nav.pageDown'], description: messages.keys.page },
    { commands: ['nav.home', 'nav.end'], description: k.top },
    { command: 'app.reload', description: k.reload },
  ];
}
