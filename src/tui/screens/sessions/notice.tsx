import { Box, Text } from 'ink';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { wrapText } from '../../text-fit.js';

/** A heading and a few muted paragraphs, wrapped: the empty state, the page of a PBX without a key. */
export function Notice({ title, lines, width }: { title: string; lines: readonly string[]; width: number }) {
  const theme = useTheme();
  const { ellipsis } = theme.symbols;
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <Text {...theme.text.heading}>{fitText(title, width, ellipsis)}</Text>
      {lines.flatMap((paragraph) => wrapText(paragraph, width)).map((line, i) => (
        <Text key={i} {...theme.text.muted}>
          {fitText(line, width, ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
