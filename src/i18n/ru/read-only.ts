/** Тексты режима консоли только для чтения (`--readonly`, PBXMOD_READONLY=1). */
import type { readOnly as English } from '../en/read-only.js';

export const readOnly: typeof English = {
  refused: (what) => `Только чтение: «${what}» что-то меняет и отключено (--readonly или PBXMOD_READONLY).`,
  helpNote: 'Только чтение: клавиши, которые что-то меняют, отключены.',
};
