/** Choosing the console's language, in Russian (see ../en.ts for the conventions). */
import type { language as English } from '../en/language.js';

export const language: typeof English = {
  helpLong: (name: string) => `переключить консоль на ${name} (сохраняется в настройках АТС)`,
  switched: 'Консоль теперь на русском языке; выбор сохранён в настройках АТС до следующего запуска.',
  switchedReadonly: 'Консоль на русском языке до конца сеанса; режим только для чтения (--readonly), выбор не сохранён.',
  notSaved: (why: string) => `Консоль на русском языке до конца сеанса; выбор не сохранён: ${why}`,
};
