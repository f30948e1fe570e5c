import { compareVersions } from '../../../domain/version.js';

/**
 * How a column's values compare: as text (case-insensitive, digits as numbers: "Module 9" before
 * "Module 10"), as numbers, as dotted versions (2024.1.9 before 2024.1.114) or as dates.
 */
export type SortKind = 'text' | 'number' | 'version' | 'date';

/** What a column says about its sorting; see `TableColumn.sort` and `TableColumn.sortValue`. */
export interface SortableColumn<Row> {
  title: string;
  value: (row: Row, width?: number) => string;
  /** How the column sorts; `false`: it does not (an action column). Default 'text'. */
  sort?: SortKind | false;
  /** What the column sorts by when the cell's text is not it (bytes for "1.2 MiB", an ISO date). Default the cell's text. */
  sortValue?: (row: Row) => string | number | boolean;
}

export type SortDirection = 'ascending' | 'descending';

/** The sort in force: which column (its index in the columns) and which way. */
export interface SortOrder {
  column: number;
  direction: SortDirection;
}

/**
 * Rows that belong together and must stay together when sorted (a host and its bindings): a
 * run of consecutive rows with the same `key`. Its `head` rows stay first in the run, the rest
 * are sorted inside it, and runs are ordered by their head row.
 */
export interface SortGroups<Row> {
  key: (row: Row) => string;
  head?: (row: Row) => boolean;
}

/** Picking a column: the sorted column again reverses it, another one sorts ascending by it. */
export function nextSortOrder(order: SortOrder | undefined, column: number): SortOrder {
  if (order?.column === column) return { column, direction: order.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** The columns one can sort by, with their indexes. */
export function sortableColumns<Row>(columns: readonly SortableColumn<Row>[]): { index: number; title: string }[] {
  return columns.flatMap((c, index) => (c.sort === false ? [] : [{ index, title: c.title }]));
}

type SortKey = string | number | undefined;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A row's key for the column; undefined for an empty value, which sorts last either way. */
function keyOf<Row>(column: SortableColumn<Row>, row: Row): SortKey {
  const raw = column.sortValue ? column.sortValue(row) : column.value(row);
  const kind = column.sort || 'text';
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (kind === 'number') {
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw.replace(/\s/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'date') {
    const ms = typeof raw === 'number' ? raw : Date.parse(raw);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const text = String(raw).trim();
  return text === '' ? undefined : text;
}

function compareKeys(kind: SortKind, a: SortKey, b: SortKey, sign: 1 | -1): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  if (kind === 'version') return sign * compareVersions(String(a), String(b));
  return sign * collator.compare(String(a), String(b));
}

/**
 * The rows in the order: stable (equal rows keep their order), empty values last in both
 * directions. Without an order, or with a column that does not sort, the rows as given.
 */
export function sortRows<Row>(rows: readonly Row[], columns: readonly SortableColumn<Row>[], order: SortOrder | undefined, groups?: SortGroups<Row>): readonly Row[] {
  const column = order === undefined ? undefined : columns[order.column];
  if (order === undefined || column === undefined || column.sort === false) return rows;
  const kind = column.sort || 'text';
  const sign = order.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, at) => ({ row, at, key: keyOf(column, row) }));
  const compare = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => compareKeys(kind, a.key, b.key, sign) || a.at - b.at;
  if (!groups) return keyed.sort(compare).map((k) => k.row);

  const runs: { heads: typeof keyed; rest: typeof keyed; at: number }[] = [];
  let runKey: string | undefined;
  for (const item of keyed) {
    const key = groups.key(item.row);
    if (runs.length === 0 || key !== runKey) runs.push({ heads: [], rest: [], at: runs.length });
    runKey = key;
    const run = runs[runs.length - 1]!;
    (groups.head?.(item.row) ? run.heads : run.rest).push(item);
  }
  if (groups.head) runs.sort((a, b) => (a.heads[0] && b.heads[0] ? compare(a.heads[0], b.heads[0]) : 0) || a.at - b.at);
  return runs.flatMap((run) => [...run.heads, ...run.rest.sort(compare)].map((k) => k.row));
}
