/** Texts shared by the lists of the console: sorting by column, what a filter searches (see ../en.ts for the conventions). */
import type { lists as English } from '../en/lists.js';

export const lists: typeof English = {
  sort: {
    key: 'сортировка',
    keyLong: 'сортировать по столбцу (тот же столбец ещё раз — в обратном порядке)',
    menuTitle: 'Сортировать по',
    menuHint: (last: number) => `Enter или 1-${last} — выбрать, повторно — обратный порядок, Esc — закрыть`,
    ascending: 'по возрастанию',
    descending: 'по убыванию',
  },
  footer: {
    toggle: 'вкл/выкл',
  },
  dialplan: {
    filterScope: 'ищет в номере, имени, описании и коде',
    filterKey: 'фильтр по номеру, имени, описанию или коду',
  },
};
