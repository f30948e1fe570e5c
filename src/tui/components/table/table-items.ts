/** A line of the table body: a row, or the header of a group of rows. */
export type TableItem<Row> = { kind: 'row'; key: string; row: Row } | { kind: 'group'; key: string; label: string };

/** Rows with a group header line before each run of rows with the same group label. */
export function tableItems<Row>(rows: readonly Row[], rowKey: (row: Row) => string, groupBy?: (row: Row) => string): TableItem<Row>[] {
  const items: TableItem<Row>[] = [];
  let group: string | undefined;
  for (const row of rows) {
    if (groupBy) {
      const label = groupBy(row);
      if (label !== group || items.length === 0) {
        items.push({ kind: 'group', key: `group:${label}:${items.length}`, label });
        group = label;
      }
    }
    items.push({ kind: 'row', key: rowKey(row), row });
  }
  return items;
}
