import type { modules as English } from '../../en/errors/modules.js';

/** Errors of modules, in Russian. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const modules: typeof English = {};
