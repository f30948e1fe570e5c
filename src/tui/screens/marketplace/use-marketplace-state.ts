import { useReducer } from 'react';

/** What the screen shows: the license (or the way to get one), a form, or the diagnostics. */
export type MarketplaceView = 'overview' | 'register' | 'key' | 'coupon' | 'diagnostics';

/** Something the last action left for the person to read, until the next one. */
export type Notice = { kind: 'error'; error: unknown } | { kind: 'warning'; text: string };

/** The licensing service could not be reached. */
export interface Offline {
  url: string;
  /** The ConnectionError's message (what failed: refused, timed out, not found). */
  reason: string;
}

export interface MarketplaceState {
  view: MarketplaceView;
  /** The whole key while revealed; null while masked (the default). */
  revealedKey: string | null;
  notice: Notice | null;
  /** An action of the overview running (reveal, copy, reset): its busy-line text. */
  busy: string | null;
  /** Set by an action that met a ConnectionError; cleared when the license reads again. */
  offline: Offline | null;
  /** Bumped to run the diagnostics again. */
  diagnosticsRun: number;
}

export type MarketplaceAction =
  | { type: 'open'; view: MarketplaceView }
  | { type: 'back' }
  | { type: 'revealed'; key: string }
  | { type: 'hide' }
  | { type: 'busy'; what: string }
  | { type: 'done'; notice?: Notice }
  | { type: 'connection-lost'; offline: Offline }
  | { type: 'connection-ok' }
  | { type: 'run-diagnostics' };

export function marketplaceReducer(state: MarketplaceState, action: MarketplaceAction): MarketplaceState {
  switch (action.type) {
    case 'open':
      // Whatever opens, the key goes back under its mask.
      return { ...state, view: action.view, revealedKey: null, notice: null };
    case 'back':
      return { ...state, view: 'overview' };
    case 'revealed':
      return { ...state, revealedKey: action.key, busy: null, notice: null };
    case 'hide':
      return { ...state, revealedKey: null };
    case 'busy':
      return { ...state, busy: action.what, notice: null };
    case 'done':
      return { ...state, busy: null, notice: action.notice ?? null };
    case 'connection-lost':
      return { ...state, busy: null, offline: action.offline };
    case 'connection-ok':
      return state.offline ? { ...state, offline: null } : state;
    case 'run-diagnostics':
      return { ...state, view: 'diagnostics', revealedKey: null, diagnosticsRun: state.diagnosticsRun + 1 };
  }
}

export function useMarketplaceState() {
  return useReducer(marketplaceReducer, { view: 'overview', revealedKey: null, notice: null, busy: null, offline: null, diagnosticsRun: 0 });
}
