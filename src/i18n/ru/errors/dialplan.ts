import type { dialplan as English } from '../../en/errors/dialplan.js';

/** Errors of dialplan, in Russian. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const dialplan: typeof English = {};
