import type { ErrorText } from '../errors.js';

/** Errors of commands, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const commands = {} satisfies Record<string, (p: never) => ErrorText>;
