import { useReducer } from 'react';

/**
 * The table's state is two numbers: which item the cursor is on and the first item shown.
 * Rendering slices `items[offset, offset + visible)`, so 10,000 rows cost as much as 20.
 */
export interface TableState {
  /** Index into the items (a row, never a group header); -1 when there are no rows. */
  cursor: number;
  /** Index of the first item shown. */
  offset: number;
  /** Key of the row under the cursor, to find it again when the rows change. */
  key: string | undefined;
}

/** What the reducer needs to know about the items; passed with each action. */
export interface TableView {
  /** Number of items (rows and group headers). */
  count: number;
  /** How many item lines fit. */
  visible: number;
  /** Is item i a row (the cursor may rest on it) rather than a group header? */
  isRow: (index: number) => boolean;
  /** Key of item i. */
  keyAt: (index: number) => string | undefined;
  /** Index of the item with this key, or -1. */
  indexOf: (key: string) => number;
}

export type TableAction =
  | { type: 'move'; by: number; view: TableView }
  | { type: 'first'; view: TableView }
  | { type: 'last'; view: TableView }
  | { type: 'place'; index: number; view: TableView }
  /** The rows or the space changed: stay on the same row if it is still there. */
  | { type: 'sync'; view: TableView };

/** The nearest row to `index`, looking in `direction` first, then the other way. */
function nearestRow(index: number, direction: 1 | -1, view: TableView): number {
  if (view.count === 0) return -1;
  const start = Math.min(Math.max(index, 0), view.count - 1);
  for (let i = start; i >= 0 && i < view.count; i += direction) if (view.isRow(i)) return i;
  for (let i = start; i >= 0 && i < view.count; i -= direction) if (view.isRow(i)) return i;
  return -1;
}

/** Scroll so the cursor is visible; keep a group header just above the cursor in view. */
function scrolled(cursor: number, offset: number, view: TableView): number {
  const visible = Math.max(1, view.visible);
  const maxOffset = Math.max(0, view.count - visible);
  if (cursor < 0) return Math.min(offset, maxOffset);
  let next = offset;
  if (cursor < next) next = cursor > 0 && !view.isRow(cursor - 1) ? cursor - 1 : cursor;
  if (cursor >= next + visible) next = cursor - visible + 1;
  return Math.max(0, Math.min(next, maxOffset));
}

export function tableReducer(state: TableState, action: TableAction): TableState {
  const { view } = action;
  let cursor: number;
  switch (action.type) {
    case 'move': {
      // By key: a key of the same read may come before the rows reordered (sorted) were synced.
      const at = state.key === undefined ? -1 : view.indexOf(state.key);
      const from = at >= 0 ? at : state.cursor < 0 ? 0 : state.cursor;
      cursor = nearestRow(from + action.by, action.by < 0 ? -1 : 1, view);
      break;
    }
    case 'first':
      cursor = nearestRow(0, 1, view);
      break;
    case 'last':
      cursor = nearestRow(view.count - 1, -1, view);
      break;
    case 'place':
      cursor = nearestRow(action.index, 1, view);
      break;
    case 'sync': {
      const found = state.key === undefined ? -1 : view.indexOf(state.key);
      cursor = nearestRow(found >= 0 ? found : Math.min(Math.max(state.cursor, 0), view.count - 1), 1, view);
      break;
    }
  }
  const offset = action.type === 'first' ? 0 : scrolled(cursor, state.offset, view);
  const key = cursor >= 0 ? view.keyAt(cursor) : undefined;
  return cursor === state.cursor && offset === state.offset && key === state.key ? state : { cursor, offset, key };
}

/** The state before any key: the cursor on the first row (past a group header). */
export function initialTableState(view: TableView): TableState {
  return tableReducer({ cursor: -1, offset: 0, key: undefined }, { type: 'first', view });
}

export function useTableState(view: TableView) {
  return useReducer(tableReducer, view, initialTableState);
}
