import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';

/** Help is modal: Esc, ? and q close it; arrows, j k, PgUp/PgDn scroll; the rest is ignored. */
export function useHelpInput(handlers: { close: () => void; scroll: (by: number) => void }, page: number): void {
  useKeyLayer(
    (e) => {
      if (e.is('basic.back') || e.is('app.help') || e.is('app.quit')) handlers.close();
      else if (e.is('nav.up')) handlers.scroll(-1);
      else if (e.is('nav.down')) handlers.scroll(1);
      else if (e.is('nav.pageUp')) handlers.scroll(-page);
      else if (e.is('nav.pageDown')) handlers.scroll(page);
      return true;
    },
    { priority: KeyPriority.overlay, modal: true },
  );
}
