import type { ErrorText } from '../errors.js';

/** Errors of licensing, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const licensing = {} satisfies Record<string, (p: never) => ErrorText>;
