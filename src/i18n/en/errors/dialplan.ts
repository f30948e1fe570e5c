import type { ErrorText } from '../errors.js';

/** Errors of dialplan, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const dialplan = {} satisfies Record<string, (p: never) => ErrorText>;
