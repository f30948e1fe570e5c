import type { ErrorText } from '../errors.js';

/** Errors of store, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const store = {} satisfies Record<string, (p: never) => ErrorText>;
