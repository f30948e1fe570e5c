import { lazy } from 'react';
import type { ScreenDefinition } from './types.js';

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
    keys: () => [],
  },
  {
    id: 'modules',
    title: (m) => m.screens.modules.title,
    shortTitle: (m) => m.screens.modules.shortTitle,
    component: lazy(() => import('./modules/modules-screen.js').then((module) => ({ default: module.ModulesScreen }))),
    keys: () => [],
  },
  {
    id: 'dialplan',
    title: (m) => m.screens.dialplan.title,
    shortTitle: (m) => m.screens.dialplan.shortTitle,
    component: lazy(() => import('./dialplan/dialplan-screen.js').then((module) => ({ default: module.DialplanScreen }))),
    keys: () => [],
  },
  {
    id: 'sessions',
    title: (m) => m.screens.sessions.title,
    shortTitle: (m) => m.screens.sessions.shortTitle,
    component: lazy(() => import('./sessions/sessions-screen.js').then((module) => ({ default: module.SessionsScreen }))),
    keys: () => [],
  },
];
