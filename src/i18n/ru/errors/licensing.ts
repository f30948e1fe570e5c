import type { licensing as English } from '../../en/errors/licensing.js';

/** Errors of licensing, in Russian. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const licensing: typeof English = {};
