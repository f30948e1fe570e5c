import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';

export interface TableInputHandlers {
  move: (by: number) => void;
  first: () => void;
  last: () => void;
  select: () => void;
}

/** The only part of the table that reads keys: arrows / j k, PgUp PgDn, Home End (g G), Enter. */
export function useTableInput(page: number, handlers: TableInputHandlers, isActive: boolean): void {
  useKeyLayer(
    (e) => {
      if (e.is('nav.up')) handlers.move(-1);
      else if (e.is('nav.down')) handlers.move(1);
      else if (e.is('nav.pageUp')) handlers.move(-Math.max(1, page));
      else if (e.is('nav.pageDown')) handlers.move(Math.max(1, page));
      else if (e.is('nav.home')) handlers.first();
      else if (e.is('nav.end')) handlers.last();
      else if (e.is('basic.confirm')) handlers.select();
      else return false;
      return true;
    },
    { priority: KeyPriority.widget, isActive },
  );
}
