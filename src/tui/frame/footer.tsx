import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { keysOf, type KeyHelp } from '../keys/key-help.js';
import { useTheme } from '../theme.js';
import { textWidth } from '../text-fit.js';

export interface FooterProps {
  /** The screen's key hints: as many as fit, in order. */
  entries: readonly KeyHelp[];
  /**
   * The frame's own hints (help, quit, language), after the screen's: their room is kept
   * first, so that help and the language key are on every screen in every language — a
   * longer language leaves out a screen hint, never these. Default none.
   */
  fixed?: readonly KeyHelp[];
  width: number;
}

const GAP = 2;

/** Key hints of the current screen, then the global ones; as many as fit. */
export function Footer({ entries, fixed = [], width }: FooterProps) {
  const theme = useTheme();
  const needed = (entry: KeyHelp, first: boolean) => (first ? 0 : GAP) + textWidth(keysOf(entry, theme.symbols, { first: true })) + 1 + textWidth(entry.footerDescription ?? entry.description);
  // The fixed hints, as many as fit on their own (at the minimum width they all do).
  const kept: KeyHelp[] = [];
  let fixedWidth = 0;
  for (const entry of fixed) {
    const more = needed(entry, kept.length === 0);
    if (fixedWidth + more > width) break;
    kept.push(entry);
    fixedWidth += more;
  }
  const room = kept.length > 0 ? width - fixedWidth - GAP : width;

  const pieces: ReactNode[] = [];
  let used = 0;
  for (const [i, entry] of entries.entries()) {
    const keys = keysOf(entry, theme.symbols, { first: true });
    const gap = i > 0 ? GAP : 0;
    const need = needed(entry, i === 0);
    if (used + need > room) {
      // The last piece may be cut after a whole word; the others are whole or absent.
      const left = room - used - gap - textWidth(keys) - 1;
      const cut = left >= 4 ? cutAtWord(entry.footerDescription ?? entry.description, left, theme.symbols.ellipsis) : undefined;
      if (cut !== undefined) {
        pieces.push(
          <Text key={i}>
            {' '.repeat(gap)}
            <Text {...theme.text.key}>{keys}</Text> {cut}
          </Text>,
        );
        used = room;
      }
      break;
    }
    used += need;
    pieces.push(hint(i, gap, keys, entry.footerDescription ?? entry.description));
  }
  for (const [j, entry] of kept.entries()) {
    const gap = pieces.length > 0 ? GAP : 0;
    pieces.push(hint(`fixed-${j}`, gap, keysOf(entry, theme.symbols, { first: true }), entry.footerDescription ?? entry.description));
  }
  return (
    <Box width={width} height={1}>
      <Text>{pieces}</Text>
    </Box>
  );

  function hint(key: number | string, gap: number, keys: string, description: string): ReactNode {
    return (
      <Text key={key}>
        {' '.repeat(gap)}
        <Text {...theme.text.key}>{keys}</Text>
        <Text {...theme.text.muted}> {description}</Text>
      </Text>
    );
  }
}

/**
 * `text` cut to `width` cells after its last whole word, with the ellipsis; undefined when not
 * even the first word fits (half a word is no hint, in Russian least of all).
 */
function cutAtWord(text: string, width: number, ellipsis: string): string | undefined {
  const room = width - textWidth(ellipsis);
  const words = text.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (textWidth(next) > room) break;
    kept = next;
  }
  if (kept === '') return undefined;
  return `${kept.replace(/[\s,;:(]+$/, '')}${ellipsis}`;
}
