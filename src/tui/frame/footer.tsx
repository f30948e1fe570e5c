import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { keysOf, type KeyHelp } from '../keys/key-help.js';
import { useTheme } from '../theme.js';
import { textWidth, truncateText } from '../text-fit.js';

/** Key hints of the current screen, then the global ones; as many as fit. */
export function Footer({ entries, width }: { entries: readonly KeyHelp[]; width: number }) {
  const theme = useTheme();
  const pieces: ReactNode[] = [];
  let used = 0;
  for (const [i, entry] of entries.entries()) {
    const keys = keysOf(entry, theme.symbols, { first: true });
    const description = entry.footerDescription ?? entry.description;
    const gap = i > 0 ? 2 : 0;
    const needed = gap + textWidth(keys) + 1 + textWidth(description);
    if (used + needed > width) {
      // The last piece may be cut, the others are whole or absent.
      const room = width - used - gap - textWidth(keys) - 1;
      if (room >= 4)
        pieces.push(
          <Text key={i}>
            {' '.repeat(gap)}
            <Text {...theme.text.key}>{keys}</Text> {truncateText(description, room, theme.symbols.ellipsis)}
          </Text>,
        );
      break;
    }
    used += needed;
    pieces.push(
      <Text key={i}>
        {' '.repeat(gap)}
        <Text {...theme.text.key}>{keys}</Text>
        <Text {...theme.text.muted}> {description}</Text>
      </Text>,
    );
  }
  return (
    <Box width={width} height={1}>
      <Text>{pieces}</Text>
    </Box>
  );
}
