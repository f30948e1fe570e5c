export { Table, type TableColumn, type TableProps } from './table.js';
export { FilterLine, type FilterLineProps } from './filter-line.js';
export { useFilter, matchesQuery, type Filter, type FilterOptions } from './use-filter.js';
export { layoutColumns, widthForWords, type ColumnWidthSpec } from './layout-columns.js';
export { tableReducer, initialTableState, useTableState, type TableState, type TableAction, type TableView } from './use-table-state.js';
export { tableItems, type TableItem } from './table-items.js';
export { useRowUnderCursor } from './use-row-under-cursor.js';
