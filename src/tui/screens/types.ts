import type { ComponentType } from 'react';
import type { Messages } from '../../i18n/index.js';
import type { KeyHelp } from '../keys/key-help.js';

export type { KeyHelp } from '../keys/key-help.js';

/** What the frame gives a screen. */
export interface ScreenProps {
  /** Cells available. */
  width: number;
  /** Lines available (the body between the tabs and the status line). */
  height: number;
}

export interface ScreenDefinition {
  /** Stable id: 'marketplace', 'modules', 'dialplan', 'sessions'. */
  id: string;
  /** Tab title. */
  title: (messages: Messages) => string;
  /** Tab title when the full titles do not fit. */
  shortTitle: (messages: Messages) => string;
  /** The screen (it may suspend while its code loads: the frame wraps it in Suspense). */
  component: ComponentType<ScreenProps>;
  /** Load the screen's code now; the console calls it for every screen after its first frame. */
  preload?: () => Promise<unknown>;
  /**
   * Every key of the screen for the help overlay; those with `footer: true` also go in the
   * footer. A screen whose keys change with its state calls `useScreenKeys()` instead.
   */
  keys: (messages: Messages) => KeyHelp[];
}
