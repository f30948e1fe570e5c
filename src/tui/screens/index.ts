import { lazy } from 'react';
import type { ScreenDefinition } from './types.js';
import { dialplanKeys } from './dialplan/keys.js';
import { marketplaceKeys } from './marketplace/keys.js';
import { modulesKeyHelp } from './modules/key-help.js';
import { sessionKeys } from './sessions/keys.js';

export type { KeyHelp, ScreenDefinition, ScreenProps } from './types.js';

/**
 * The console's screens, in tab order; number keys 1-4 follow this order. Each screen loads
 * on first show, so the first frame pays only for the first screen.
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
    component: lazy(() => import('./marketplace/marketplace-screen.js').then((module) => ({ default: module.MarketplaceScreen }))),
    keys: (m) => marketplaceKeys(m, 'registered'),
  },
  {
    id: 'modules',
    title: (m) => m.screens.modules.title,
    shortTitle: (m) => m.screens.modules.shortTitle,
    component: lazy(() => import('./modules/modules-screen.js').then((module) => ({ default: module.ModulesScreen }))),
    keys: (m) => modulesKeyHelp(m, { kind: 'list', list: 'installed' }),
  },
  {
    id: 'dialplan',
    title: (m) => m.screens.dialplan.title,
    shortTitle: (m) => m.screens.dialplan.shortTitle,
    component: lazy(() => import('./dialplan/dialplan-screen.js').then((module) => ({ default: module.DialplanScreen }))),
    keys: (m) => dialplanKeys(m, 'list'),
  },
  {
    id: 'sessions',
    title: (m) => m.screens.sessions.title,
    shortTitle: (m) => m.screens.sessions.shortTitle,
    component: lazy(() => import('./sessions/sessions-screen.js').then((module) => ({ default: module.SessionsScreen }))),
    keys: (m) => sessionKeys(m, { mode: 'list', row: 'binding' }),
  },
];
