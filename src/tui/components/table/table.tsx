import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme, type ThemeText } from '../../theme.js';
import { fitText, textWidth, truncateText } from '../../text-fit.js';
import { layoutColumns } from './layout-columns.js';
import { SortMenuLines } from './sort-menu.js';
import type { SortKind } from './table-sort.js';
import { tableItems, type TableItem } from './table-items.js';
import { useTableInput } from './use-table-input.js';
import { tableReducer, useTableState, type TableAction, type TableView } from './use-table-state.js';
import type { TableSortView } from './use-table-sort.js';

export interface TableColumn<Row> {
  /** Header text. */
  title: string;
  /**
   * The cell's text for a row (one line; newlines become spaces). `width` is the cell's room
   * when drawn (absent when sorting or filtering): a cell may leave out a part that would only
   * show cut.
   */
  value: (row: Row, width?: number) => string;
  /** Fixed width in cells. Without it the column is flexible. */
  width?: number;
  /** A flexible column's share of the leftover width. Default 1. */
  flex?: number;
  /** A flexible column gets no narrower than this; then columns on the right are cut. Default 4. */
  minWidth?: number;
  /** Default 'left'. */
  align?: 'left' | 'right';
  /** A style for the cell (ignored on the cursor row, which is inverse as a whole). */
  tone?: (row: Row) => keyof ThemeText | undefined;
  /** How the column sorts (see `useTableSort`); `false`: not offered in the sort menu. Default 'text'. */
  sort?: SortKind | false;
  /** What it sorts by when the cell's text is not it: bytes for "1.2 MiB", an ISO date. Default the cell's text. */
  sortValue?: (row: Row) => string | number | boolean;
}

export interface TableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** A stable key per row; the cursor stays on the same key when rows change. */
  rowKey: (row: Row) => string;
  /** Cells available, gutter included. */
  width: number;
  /** Lines available: column header + rows (+ a position line when it scrolls). */
  height: number;
  /** Group rows under header lines; rows must already be ordered by group. */
  groupBy?: (row: Row) => string;
  /** Shown instead of rows when there are none. Default `messages.table.empty`. */
  emptyText?: string;
  /** Only an active table hears keys. Default true. */
  isActive?: boolean;
  /** Enter on a row. */
  onSelect?: (row: Row) => void;
  /** Called with the row under the cursor whenever it changes (undefined: no rows). */
  onCursorChange?: (row: Row | undefined) => void;
  /** From `useTableSort`: the sorted column's arrow in the header, and the sort menu while open. */
  sort?: TableSortView;
  /**
   * Put the cursor on the row with this key (a row just created or copied): each new object is
   * one request, carried out as soon as the row is among the rows.
   */
  reveal?: { key: string };
}

const GUTTER = 2;

/**
 * A keyboard table: one Text line per visible item, no Box per cell, so that it stays cheap
 * with 10,000 rows. Arrows / j k move, PgUp/PgDn page, Home/End (g/G) jump, Enter selects.
 * Sorting by column is `useTableSort` (`s` opens a menu of the columns) with its result given
 * as `rows` and `sort`; the cursor stays on the same row whatever the order.
 */
export function Table<Row>({ columns, rows, rowKey, width, height, groupBy, emptyText, isActive = true, onSelect, onCursorChange, sort, reveal }: TableProps<Row>) {
  const theme = useTheme();
  const messages = useMessages();
  const items = useMemo(() => tableItems(rows, rowKey, groupBy), [rows, rowKey, groupBy]);
  const bodyLines = Math.max(1, height - 1);
  const scrolls = items.length > bodyLines;
  const visible = scrolls ? Math.max(1, bodyLines - 1) : bodyLines;
  const view: TableView = useMemo(() => {
    let index: Map<string, number> | undefined;
    return {
      count: items.length,
      visible,
      isRow: (i) => items[i]?.kind === 'row',
      keyAt: (i) => items[i]?.key,
      indexOf: (key) => {
        // Built on first use: only when the rows changed under the cursor.
        index ??= new Map(items.map((item, i) => [item.key, i]));
        return index.get(key) ?? -1;
      },
    };
  }, [items, visible]);
  const [stored, dispatch] = useTableState(view);
  // Drawn from where the cursor's row is now: the rows may have been reordered (sorted) or
  // filtered in this very render, before the sync effect below has stored it.
  const state = useMemo(() => tableReducer(stored, { type: 'sync', view }), [stored, view]);

  // Rows changed (reload, filter) or the space did: keep the cursor on the same row.
  useEffect(() => {
    dispatch({ type: 'sync', view });
  }, [view, dispatch]);

  // A row to show (just created): as soon as it is among the rows, once per request.
  const revealing = useRef<{ key: string } | undefined>(undefined);
  const revealed = useRef<{ key: string } | undefined>(undefined);
  if (reveal !== revealed.current) {
    revealed.current = reveal;
    revealing.current = reveal;
  }
  useEffect(() => {
    const wanted = revealing.current;
    if (wanted === undefined) return;
    const index = view.indexOf(wanted.key);
    if (index < 0) return;
    revealing.current = undefined;
    dispatch({ type: 'place', index, view });
  }, [reveal, view, dispatch]);

  const current = state.cursor >= 0 && state.cursor < items.length ? items[state.cursor] : undefined;
  const currentRow = current?.kind === 'row' ? current.row : undefined;
  const onCursorChangeRef = useRef(onCursorChange);
  onCursorChangeRef.current = onCursorChange;
  const currentKey = current?.key;
  const reported = useRef<string | undefined>(undefined);
  const reportedOnce = useRef(false);
  useEffect(() => {
    if (reported.current === currentKey && currentKey !== undefined && reportedOnce.current) return;
    reportedOnce.current = true;
    reported.current = currentKey;
    onCursorChangeRef.current?.(currentRow);
    // Report when the row under the cursor is a different one, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey]);

  // Several keys can arrive in one read ("j Space" marks the next row): a move is reported
  // to the owner at once, not after the next render, so the key after it sees the new row.
  const latest = useRef(state);
  latest.current = state;
  const itemAt = (cursor: number) => (cursor >= 0 && cursor < items.length ? items[cursor] : undefined);
  const act = (action: TableAction) => {
    latest.current = tableReducer(latest.current, action);
    dispatch(action);
    const item = itemAt(latest.current.cursor);
    if (item?.key !== reported.current) {
      reported.current = item?.key;
      onCursorChangeRef.current?.(item?.kind === 'row' ? item.row : undefined);
    }
  };
  useTableInput(
    visible,
    {
      move: (by) => act({ type: 'move', by, view }),
      first: () => act({ type: 'first', view }),
      last: () => act({ type: 'last', view }),
      select: () => {
        const item = itemAt(latest.current.cursor);
        if (item?.kind === 'row') onSelect?.(item.row);
      },
    },
    isActive,
  );

  const inner = Math.max(1, width - GUTTER);
  const sortedColumn = sort?.order?.column;
  // A narrow fixed column that is sorted widens for its arrow rather than cutting its title.
  const specs = sortedColumn === undefined ? columns : columns.map((c, i) => (i === sortedColumn && c.width !== undefined && c.width > 0 ? { ...c, width: Math.max(c.width, textWidth(c.title) + 2) } : c));
  const widths = layoutColumns(specs, inner);
  const ellipsis = theme.symbols.ellipsis;
  const arrow = sort?.order === undefined ? undefined : { column: sort.order.column, symbol: sort.order.direction === 'ascending' ? theme.symbols.sortAscending : theme.symbols.sortDescending };
  const header = ' '.repeat(GUTTER) + columns.map((c, i) => (widths[i] ? headerCell(c.title, widths[i]!, ellipsis, c.align, arrow?.column === i ? arrow.symbol : undefined) : null)).filter((s) => s !== null).join(' ');

  if (sort?.menu) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <SortMenuLines menu={sort.menu} order={sort.order} width={width} height={height} />
      </Box>
    );
  }

  if (rows.length === 0) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text {...theme.text.muted}>{fitText(header, width, ellipsis)}</Text>
        <Text {...theme.text.muted}>{fitText(' '.repeat(GUTTER) + (emptyText ?? messages.table.empty), width, ellipsis)}</Text>
      </Box>
    );
  }

  const lines: ReactNode[] = [];
  // Until the sync effect has run, the old offset may lie past new, fewer items.
  const offset = Math.min(state.offset, Math.max(0, items.length - visible));
  const end = Math.min(items.length, offset + visible);
  for (let i = offset; i < end; i++) {
    const item = items[i]!;
    lines.push(<TableLine key={item.key} item={item} isCursor={i === state.cursor} columns={columns} widths={widths} width={width} />);
  }
  const position = messages.table.position(offset + 1, end, items.length);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitText(header, width, ellipsis)}</Text>
      {lines}
      {scrolls ? <Text {...theme.text.muted}>{fitText(position, width, ellipsis, 'right')}</Text> : null}
    </Box>
  );
}

/** A header cell; the sorted column's title is cut before its arrow is. */
function headerCell(title: string, width: number, ellipsis: string, align: 'left' | 'right' | undefined, arrow: string | undefined): string {
  if (arrow === undefined) return fitText(title, width, ellipsis, align);
  const room = width - textWidth(arrow) - 1;
  const text = room > 0 ? `${truncateText(title, room, ellipsis)} ${arrow}` : arrow;
  return fitText(text, width, ellipsis, align);
}

interface TableLineProps<Row> {
  item: TableItem<Row>;
  isCursor: boolean;
  columns: readonly TableColumn<Row>[];
  widths: number[];
  width: number;
}

function TableLine<Row>({ item, isCursor, columns, widths, width }: TableLineProps<Row>) {
  const theme = useTheme();
  const { ellipsis, pointer, groupOpen } = theme.symbols;
  if (item.kind === 'group') {
    return <Text {...theme.text.heading}>{fitText(`${groupOpen} ${item.label}`, width, ellipsis)}</Text>;
  }
  const gutter = fitText(isCursor ? pointer : '', GUTTER, '');
  const cells = columns.map((column, i) => ({ column, width: widths[i] ?? 0 })).filter((c) => c.width > 0);
  const texts = cells.map((c) => fitText(c.column.value(item.row, c.width), c.width, ellipsis, c.column.align));
  if (isCursor || !cells.some((c) => c.column.tone)) {
    const line = fitText(gutter + texts.join(' '), width, ellipsis);
    return isCursor ? <Text {...theme.text.selection}>{line}</Text> : <Text>{line}</Text>;
  }
  return (
    <Text>
      {gutter}
      {cells.map((c, i) => {
        const tone = c.column.tone?.(item.row);
        const text = (i > 0 ? ' ' : '') + texts[i];
        return tone ? (
          <Text key={i} {...theme.text[tone]}>
            {text}
          </Text>
        ) : (
          text
        );
      })}
    </Text>
  );
}
