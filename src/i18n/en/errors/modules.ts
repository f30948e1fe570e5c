import type { ErrorText } from '../errors.js';

/** Errors of modules, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const modules = {} satisfies Record<string, (p: never) => ErrorText>;
