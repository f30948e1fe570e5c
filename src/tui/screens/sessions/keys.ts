import type { Messages } from '../../../i18n/index.js';
import { sortKeyHelp } from '../../components/table/index.js';
import { addKeyBindings } from '../../keys/bindings.js';
import type { KeyHelp } from '../types.js';

addKeyBindings({
  'sessions.drop': [{ input: 'd' }],
  'sessions.info': [{ input: 'i' }],
  'sessions.refresh': [{ input: 'r' }],
  'sessions.login': [{ input: 'l' }],
});

/** Seconds between automatic refreshes while the screen is shown. */
export const REFRESH_SECONDS = 30;

/** What the keys act on now: decides the help and footer lines. */
export interface SessionKeysState {
  mode: 'list' | 'login';
  /** The row under the cursor, when there is one. */
  row?: 'host' | 'binding' | undefined;
  /** The PBX has no key: Esc leaves the login form for the page that says where to register. */
  noKey?: boolean;
  /** Bindings are on screen (so `/` has something to filter). Default true. */
  hasList?: boolean;
  /** A narrow terminal: shorter footer words, so that `? help` and `q quit` still fit. */
  compact?: boolean;
}

/** Narrower than this, the footer uses its short words. */
export const COMPACT_FOOTER_WIDTH = 80;

/** Every key of the screen for `?`, the short ones marked for the footer. */
export function sessionKeys(messages: Messages, state: SessionKeysState = { mode: 'list' }): KeyHelp[] {
  const k = messages.screens.sessions.keys;
  if (state.mode === 'login') {
    return [
      { command: 'basic.confirm', description: k.submit, footer: true },
      { command: 'basic.back', description: state.noKey ? k.closeForm : k.cancel, footer: true },
    ];
  }
  const rowKeys: KeyHelp[] =
    state.row === undefined
      ? []
      : [
          { command: 'sessions.drop', description: state.compact ? k.drop : state.row === 'host' ? k.dropHost : k.dropBinding, footer: true, changes: true },
          // The footer's short word always: so that `s sort` fits 80 columns beside "drop binding".
          { command: 'sessions.info', description: state.compact ? k.infoShort : k.info, footerDescription: k.infoShort, footer: true },
        ];
  return [
    ...rowKeys,
    { command: 'sessions.refresh', description: k.refresh, footer: true },
    { command: 'sessions.login', description: k.login, footer: true },
    ...(state.hasList === false ? [] : [{ command: 'filter.start', description: k.filter, footer: !state.compact } satisfies KeyHelp, sortKeyHelp(messages, !state.compact)]),
    { commands: ['nav.up', 'nav.down'], description: k.move },
    { keys: 'PgUp/PgDn', description: messages.keys.page },
    { keys: 'Home/End g/G', description: messages.keys.homeEnd },
    { command: 'basic.confirm', description: k.infoLong },
    { command: 'basic.back', description: k.close },
  ];
}
