import type { commands as English } from '../../en/errors/commands.js';

/** Errors of commands, in Russian. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const commands: typeof English = {};
