/** Тексты режима консоли только для чтения (`--readonly`, PBXMOD_READONLY=1). */
import type { readOnly as English } from '../en/read-only.js';

export const readOnly: typeof English = {
  // Одна строка внизу экрана: на 80 колонках помещается и само действие.
  refused: (what) => `Недоступно в режиме только чтения: ${what}.`,
  helpNote: 'Только чтение: клавиши, которые что-то меняют, отключены.',
};
