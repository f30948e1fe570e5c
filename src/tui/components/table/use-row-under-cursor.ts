import { useCallback, useRef, useState } from 'react';

/**
 * The row under a Table's cursor, for a screen that acts on it. Keys read `rowForKeys()` (a
 * ref: a key may arrive before the re-render that follows a cursor move); the lines drawn
 * below the table read `current` (state). Both fall back to the first row.
 */
export function useRowUnderCursor<T>(rows: readonly T[], keyOf: (row: T) => string) {
  const cursorRef = useRef<string | undefined>(undefined);
  const [cursorKey, setCursorKey] = useState<string | undefined>(undefined);
  const rowAt = (key: string | undefined) => rows.find((r) => keyOf(r) === key) ?? rows[0];
  const onCursorChange = useCallback(
    (row: T | undefined) => {
      cursorRef.current = row === undefined ? undefined : keyOf(row);
      setCursorKey(cursorRef.current);
    },
    [keyOf],
  );
  return { current: rowAt(cursorKey), rowForKeys: () => rowAt(cursorRef.current), onCursorChange };
}
