import { useMemo, useRef, useState } from 'react';
import { KeyPriority, useKeyLayer, type KeyEvent } from '../../hooks/use-keymap.js';
import { nextSortOrder, sortableColumns, sortRows, type SortableColumn, type SortGroups, type SortOrder } from './table-sort.js';

export interface TableSortOptions<Row> {
  /** `s` opens the menu only while active (the list is the view on top). Default true. */
  isActive?: boolean;
  /** The sort before any key. Default none: the rows in the order given. */
  initial?: SortOrder;
  /** Rows that stay together (a host and its bindings); see `SortGroups`. */
  groups?: SortGroups<Row>;
}

/** The sort menu while it is open: the columns one can sort by and the highlighted one. */
export interface SortMenu {
  columns: { index: number; title: string }[];
  /** Index into `columns`. */
  cursor: number;
}

/** What `<Table sort={...}>` draws: the arrow in the header, the menu over the body. */
export interface TableSortView {
  order: SortOrder | undefined;
  menu: SortMenu | undefined;
}

export interface TableSort<Row> extends TableSortView {
  /** The rows in the chosen order: give these to the Table (and to `useRowUnderCursor`). */
  rows: readonly Row[];
}

interface SortState {
  order: SortOrder | undefined;
  /** The highlighted line of the open menu; undefined: closed. */
  menuCursor: number | undefined;
}

/**
 * Sorting by column for a Table, the same on every list of the console: `s` opens a menu of
 * the columns over the table body; ↑/↓ and Enter, or the column's digit, picks one; picking the
 * sorted column again reverses it; Esc (or `s`) closes it and changes nothing. The Table shows
 * the column and the direction in its header (▲/▼, `^`/`v` with `--ascii`) and keeps the
 * cursor on the same row, since rows are found by key.
 *
 *   const filter = useFilter(all, { text, isActive });
 *   const sort = useTableSort(filter.rows, columns, { isActive });
 *   <Table rows={sort.rows} sort={sort} columns={columns} ... />
 *
 * Columns say how they sort with `sort` ('text' | 'number' | 'version' | 'date' | false) and
 * `sortValue`; list `{ command: 'table.sort', description: messages.lists.sort.key }` in the
 * screen's keys for the help and the footer.
 */
export function useTableSort<Row>(rows: readonly Row[], columns: readonly SortableColumn<Row>[], { isActive = true, initial, groups }: TableSortOptions<Row> = {}): TableSort<Row> {
  const [state, setState] = useState<SortState>({ order: initial, menuCursor: undefined });
  // Keys of one read arrive before React has drawn the last one: they read and write here.
  const live = useRef(state);
  const choices = useMemo(() => sortableColumns(columns), [columns]);
  const update = (next: SortState) => {
    live.current = next;
    setState(next);
  };

  const pick = (choice: number) => {
    const column = choices[choice];
    if (column === undefined) return;
    update({ order: nextSortOrder(live.current.order, column.index), menuCursor: undefined });
  };

  const onKey = (e: KeyEvent): boolean => {
    const { order, menuCursor } = live.current;
    if (menuCursor === undefined) {
      if (!e.is('table.sort') || choices.length === 0) return false;
      const at = choices.findIndex((c) => c.index === order?.column);
      update({ order, menuCursor: Math.max(0, at) });
      return true;
    }
    // The menu is open: it takes every key but the help.
    const last = choices.length - 1;
    if (e.is('basic.back') || e.is('table.sort')) update({ order, menuCursor: undefined });
    else if (e.is('nav.up')) update({ order, menuCursor: menuCursor > 0 ? menuCursor - 1 : last });
    else if (e.is('nav.down')) update({ order, menuCursor: menuCursor < last ? menuCursor + 1 : 0 });
    else if (e.is('nav.home')) update({ order, menuCursor: 0 });
    else if (e.is('nav.end')) update({ order, menuCursor: last });
    else if (e.is('basic.confirm')) pick(menuCursor);
    else if (e.digit !== undefined && e.digit >= 1) pick(e.digit - 1);
    else if (e.is('app.help')) return false;
    return true;
  };

  // Closed: `s` among the table's keys. Open: above the screen and the table, taking every key
  // but `?` (so the screen's letters do nothing, and the help still opens).
  useKeyLayer(onKey, { priority: KeyPriority.widget, isActive });
  useKeyLayer(onKey, { priority: KeyPriority.overlay, isActive: isActive && state.menuCursor !== undefined });

  const sorted = useMemo(() => sortRows(rows, columns, state.order, groups), [rows, columns, state.order, groups]);
  const menu = state.menuCursor === undefined || !isActive ? undefined : { columns: choices, cursor: state.menuCursor };
  return { rows: sorted, order: state.order, menu };
}
