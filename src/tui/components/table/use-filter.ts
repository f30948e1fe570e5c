import { useMemo, useState } from 'react';
import { lineText } from '../line-field/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';

export interface FilterOptions<Row> {
  /** The text a row is found by (name, description...). */
  text: (row: Row) => string;
  /** `/` starts typing only while active. Default true. */
  isActive?: boolean;
}

export interface Filter<Row> {
  /** The rows that match (all rows when the query is empty). */
  rows: readonly Row[];
  /** All rows, for "n of m". */
  total: number;
  query: string;
  /** The query is being typed: printable keys go into it, not to the screen. */
  typing: boolean;
  /** Clear the query and stop typing. */
  clear: () => void;
}

/** Every word of the query appears in the text, ignoring case. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * Filter-as-you-type: `/` starts, typing narrows the rows at once, Enter keeps the filter and
 * gives the keys back to the table, Esc clears it. While a filter is kept, Esc clears it too
 * (before Esc means "back" to the screen).
 */
export function useFilter<Row>(rows: readonly Row[], { text, isActive = true }: FilterOptions<Row>): Filter<Row> {
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(false);
  const haystacks = useMemo(() => rows.map((row) => text(row).toLowerCase()), [rows, text]);
  const filtered = useMemo(() => (query.trim() === '' ? rows : rows.filter((_, i) => matchesQuery(haystacks[i]!, query))), [rows, haystacks, query]);
  const clear = () => {
    setQuery('');
    setTyping(false);
  };

  // Not typing: `/` starts, Esc clears a kept filter.
  useKeyLayer(
    (e) => {
      if (e.is('filter.start')) {
        setTyping(true);
        return true;
      }
      if (e.is('basic.back') && query !== '') {
        clear();
        return true;
      }
      return false;
    },
    { priority: KeyPriority.widget, isActive: isActive && !typing },
  );

  // Typing: the query takes printable keys; arrows still move the table below.
  useKeyLayer(
    (e) => {
      if (e.is('basic.back')) clear();
      else if (e.is('basic.confirm')) setTyping(false);
      else if (e.key.backspace || e.key.delete) setQuery((q) => q.slice(0, -1));
      else if (e.printable) setQuery((q) => q + e.input);
      else if (e.paste !== undefined) setQuery((q) => q + lineText(e.paste ?? ''));
      else if (e.key.ctrl && e.input === 'u') setQuery('');
      else return false;
      return true;
    },
    { priority: KeyPriority.field, isActive: isActive && typing, text: true },
  );

  return { rows: filtered, total: rows.length, query, typing, clear };
}
