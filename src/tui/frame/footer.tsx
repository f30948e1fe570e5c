import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { keysOf, type KeyHelp } from '../keys/key-help.js';
import { useTheme, type Theme } from '../theme.js';
import { textWidth, truncateText } from '../text-fit.js';

export interface FooterProps {
  /** The screen's key hints, first ones first; as many as fit. */
  entries: readonly KeyHelp[];
  /** Hints that stay at the end whatever the screen adds (`? help`, `q quit`), when they fit at all. */
  always?: readonly KeyHelp[];
  width: number;
}

/** Key hints of the current screen, then the global ones; as many as fit. */
export function Footer({ entries, always = [], width }: FooterProps) {
  const theme = useTheme();
  const tail = piecesWidth(always, theme, entries.length > 0);
  // The screen's hints give way first, so that help and quit are always offered.
  const keep = tail <= width ? always : [];
  const room = tail <= width ? width - tail : width;
  const pieces = fit(tail <= width ? entries : [...entries, ...always], room, theme, 0);
  if (keep.length > 0) pieces.push(...fit(keep, tail, theme, pieces.length > 0 ? 1 : 0, pieces.length));
  return (
    <Box width={width} height={1}>
      <Text>{pieces}</Text>
    </Box>
  );
}

function entryText(entry: KeyHelp, theme: Theme): { keys: string; description: string } {
  return { keys: keysOf(entry, theme.symbols, { first: true }), description: entry.footerDescription ?? entry.description };
}

/** The cells `entries` take, with a two-space gap before each (before the first too when `after`). */
function piecesWidth(entries: readonly KeyHelp[], theme: Theme, after: boolean): number {
  return entries.reduce((sum, entry, i) => {
    const { keys, description } = entryText(entry, theme);
    return sum + (i > 0 || after ? 2 : 0) + textWidth(keys) + 1 + textWidth(description);
  }, 0);
}

/** As many entries as fit in `width`; the last one may be cut. `start` > 0: a gap before the first. */
function fit(entries: readonly KeyHelp[], width: number, theme: Theme, start: number, keyBase = 0): ReactNode[] {
  const pieces: ReactNode[] = [];
  let used = 0;
  for (const [i, entry] of entries.entries()) {
    const { keys, description } = entryText(entry, theme);
    const gap = i + start > 0 ? 2 : 0;
    const needed = gap + textWidth(keys) + 1 + textWidth(description);
    if (used + needed > width) {
      // The last piece may be cut, the others are whole or absent.
      const room = width - used - gap - textWidth(keys) - 1;
      if (room >= 4)
        pieces.push(
          <Text key={keyBase + i}>
            {' '.repeat(gap)}
            <Text {...theme.text.key}>{keys}</Text> {truncateText(description, room, theme.symbols.ellipsis)}
          </Text>,
        );
      break;
    }
    used += needed;
    pieces.push(
      <Text key={keyBase + i}>
        {' '.repeat(gap)}
        <Text {...theme.text.key}>{keys}</Text>
        <Text {...theme.text.muted}> {description}</Text>
      </Text>,
    );
  }
  return pieces;
}
