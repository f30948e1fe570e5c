/** Тексты собственной справки командной строки: `pbxmod help`. */
import type { commandHelp as English } from '../en/command-help.js';

export const commandHelp: typeof English = {
  helpDescription: 'справка по команде, например `pbxmod help modules` или `pbxmod help modules install`',
  helpArgument: 'команда (и подкоманда), о которой рассказать',
};
