/** Texts shared by the lists of the console: sorting by column, what a filter searches (see ../en.ts for the conventions). */
export const lists = {
  sort: {
    /** The footer's word for `s`. */
    key: 'sort',
    /** The help's line for `s`. */
    keyLong: 'sort by a column (the sorted column again reverses)',
    /** The first line of the open sort menu. */
    menuTitle: 'Sort by',
    menuHint: (last: number) => `Enter or 1-${last} picks, again reverses, Esc closes`,
    ascending: 'ascending',
    descending: 'descending',
  },
  footer: {
    /** Space on the installed modules, in the footer: short, so that `s sort` fits 80 columns too. */
    toggle: 'on/off',
  },
  dialplan: {
    /** Shown beside the query while it is typed. */
    filterScope: 'searches number, name, description and code',
    /** The help's line for `/` on the dialplan list. */
    filterKey: 'filter by number, name, description or code',
  },
};
