import type { store as English } from '../../en/errors/store.js';

/** Errors of store, in Russian. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const store: typeof English = {};
