import { useReducer } from 'react';

/** The two lists of the screen. */
export type ModuleList = 'installed' | 'marketplace';

/** What the screen shows; the lists are the bottom of the stack, the rest open over them. */
export type ModulesView =
  | { kind: 'list'; list: ModuleList }
  | { kind: 'details'; id: string }
  | { kind: 'releases'; id: string }
  | { kind: 'install-file' };

export type ViewAction =
  | { type: 'open'; view: Exclude<ModulesView, { kind: 'list' }> }
  /** Close the top view; on a list, go from the marketplace back to the installed list. */
  | { type: 'back' }
  | { type: 'show-list'; list: ModuleList };

export interface ViewStack {
  /** The list under everything (kept mounted with its cursor and filter). */
  list: ModuleList;
  /** Views open over the list, the top one last. */
  open: ReadonlyArray<Exclude<ModulesView, { kind: 'list' }>>;
}

export function viewReducer(state: ViewStack, action: ViewAction): ViewStack {
  switch (action.type) {
    case 'open':
      // Opening what is already on top (Enter twice) does not stack it again.
      if (JSON.stringify(state.open.at(-1)) === JSON.stringify(action.view)) return state;
      return { ...state, open: [...state.open, action.view] };
    case 'back':
      if (state.open.length > 0) return { ...state, open: state.open.slice(0, -1) };
      return state.list === 'marketplace' ? { list: 'installed', open: [] } : state;
    case 'show-list':
      return { list: action.list, open: [] };
  }
}

/** The view on top. */
export function currentView(state: ViewStack): ModulesView {
  return state.open.at(-1) ?? { kind: 'list', list: state.list };
}

export function useViewStack(initial: ModuleList = 'installed') {
  return useReducer(viewReducer, { list: initial, open: [] });
}
