import { createElement, type ComponentType } from 'react';
import type { ScreenDefinition, ScreenProps } from './types.js';
import { auditKeys } from './audit/keys.js';
import { dialplanKeys } from './dialplan/keys.js';
import { marketplaceKeys } from './marketplace/keys.js';
import { modulesKeyHelp } from './modules/key-help.js';
import { sessionKeys } from './sessions/keys.js';

export type { KeyHelp, ScreenDefinition, ScreenProps } from './types.js';

/**
 * Like React.lazy, but loaded ahead of time by `preload()`: once the code is there the screen
 * draws in the same frame as the key that opened it (React.lazy would still suspend once).
 */
function lazyScreen(load: () => Promise<ComponentType<ScreenProps>>): Pick<ScreenDefinition, 'component' | 'preload'> {
  let loaded: ComponentType<ScreenProps> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));
  function Screen(props: ScreenProps) {
    if (!loaded) throw preload();
    return createElement(loaded, props);
  }
  return { component: Screen, preload };
}

/**
 * The console's screens, in tab order; number keys 1-5 follow this order. Each screen's code
 * loads on first show or when the console preloads it right after its first frame (`preload`),
 * so the first frame pays only for the first screen and a first visit pays for nothing.
 *
 * To build a screen: replace the component in its folder (keep the export name), fill `keys`
 * with its help entries (texts in `messages.screens.<id>`), and register letter commands
 * with `addKeyBindings` in the screen's folder.
 */
export const screens: readonly ScreenDefinition[] = [
  {
    id: 'marketplace',
    title: (m) => m.screens.marketplace.title,
    shortTitle: (m) => m.screens.marketplace.shortTitle,
    ...lazyScreen(() => import('./marketplace/marketplace-screen.js').then((module) => module.MarketplaceScreen)),
    keys: (m) => marketplaceKeys(m, 'registered'),
  },
  {
    id: 'modules',
    title: (m) => m.screens.modules.title,
    shortTitle: (m) => m.screens.modules.shortTitle,
    ...lazyScreen(() => import('./modules/modules-screen.js').then((module) => module.ModulesScreen)),
    keys: (m) => modulesKeyHelp(m, { kind: 'list', list: 'installed' }),
  },
  {
    id: 'dialplan',
    title: (m) => m.screens.dialplan.title,
    shortTitle: (m) => m.screens.dialplan.shortTitle,
    ...lazyScreen(() => import('./dialplan/dialplan-screen.js').then((module) => module.DialplanScreen)),
    keys: (m) => dialplanKeys(m, 'list'),
  },
  {
    id: 'sessions',
    title: (m) => m.screens.sessions.title,
    shortTitle: (m) => m.screens.sessions.shortTitle,
    ...lazyScreen(() => import('./sessions/sessions-screen.js').then((module) => module.SessionsScreen)),
    keys: (m) => sessionKeys(m, { mode: 'list', row: 'binding' }),
  },
  {
    // Who changed what, for every screen's actions and the command line's: a tab of its own, so
    // it is one key (5) from anywhere and named in the tab line.
    id: 'audit',
    title: (m) => m.screens.audit.title,
    shortTitle: (m) => m.screens.audit.shortTitle,
    ...lazyScreen(() => import('./audit/audit-screen.js').then((module) => module.AuditScreen)),
    keys: auditKeys,
  },
];
