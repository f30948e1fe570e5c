import type { Messages } from '../../../i18n/index.js';
import type { KeyHelp } from '../../keys/key-help.js';

/** The `s` line of a sortable list's keys: "s sort" in the footer, what it does in the help. */
export function sortKeyHelp(messages: Messages, footer = true): KeyHelp {
  return { command: 'table.sort', description: messages.lists.sort.keyLong, footerDescription: messages.lists.sort.key, footer };
}
