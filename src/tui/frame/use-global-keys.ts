import type { Messages } from '../../i18n/index.js';
import { nextLanguageName } from './use-language-switch.js';
import { KeyPriority, useKeyLayer } from '../hooks/use-keymap.js';
import type { KeyHelp } from '../keys/key-help.js';

export interface GlobalKeyHandlers {
  showScreen: (index: number) => void;
  nextScreen: () => void;
  previousScreen: () => void;
  openHelp: () => void;
  quit: () => void;
  /** r / Ctrl-R: read every list again. */
  reload: () => void;
  /** L: the console in the next language, saved in the store. */
  switchLanguage: () => void;
}

/**
 * The frame's keys, at the bottom of the stack: whatever a screen, a form or a dialog leaves
 * unused. A bare Esc here does nothing: it is never destructive.
 */
export function useGlobalKeys(screenCount: number, handlers: GlobalKeyHandlers, isActive: boolean): void {
  useKeyLayer(
    (e) => {
      if (e.is('app.help')) handlers.openHelp();
      else if (e.is('app.quit')) handlers.quit();
      else if (e.is('app.reload')) handlers.reload();
      else if (e.is('app.language')) handlers.switchLanguage();
      else if (e.is('screen.next')) handlers.nextScreen();
      else if (e.is('screen.previous')) handlers.previousScreen();
      else if (e.digit !== undefined && e.digit >= 1 && e.digit <= screenCount) handlers.showScreen(e.digit - 1);
      else return false;
      return true;
    },
    { priority: KeyPriority.global, isActive },
  );
}

/** The global keys for help and footer. */
export function globalKeyHelp(messages: Messages, screenCount: number, unicode = true): { help: KeyHelp[]; footer: KeyHelp[] } {
  const k = messages.keys;
  const language = nextLanguageName(messages, unicode);
  return {
    help: [
      { keys: `1-${screenCount}`, description: k.switchScreen },
      { keys: 'Tab/Shift-Tab', description: k.nextScreen },
      { command: 'app.help', description: k.helpLong },
      { command: 'basic.back', description: k.back },
      { command: 'app.reload', description: k.reload },
      { command: 'app.redraw', description: k.redraw },
      { command: 'app.quit', description: k.quitLong },
      { command: 'app.forceQuit', description: k.quit },
      { command: 'app.language', description: messages.language.helpLong(language) },
    ],
    footer: [
      { command: 'app.help', description: k.help },
      { command: 'app.quit', description: k.quit },
      // By the language's own name, so that someone who cannot read this one finds theirs.
      { command: 'app.language', description: language },
    ],
  };
}
