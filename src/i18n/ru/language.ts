/** Choosing the console's language, in Russian (see ../en.ts for the conventions). */
import type { language as English } from '../en/language.js';

export const language: typeof English = {
  helpLong: (name: string) => `переключить консоль на ${name} (сохраняется в настройках АТС)`,
  switched: 'Консоль на русском; выбор сохранён в настройках АТС.',
  switchedReadonly: 'Консоль на русском до выхода; выбор не сохранён (--readonly).',
  notSaved: (why: string) => `Консоль на русском до выхода; выбор не сохранён: ${why}`,
};
