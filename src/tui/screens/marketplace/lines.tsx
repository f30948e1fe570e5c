import { Box, Text } from 'ink';
import { useTheme, type ThemeText } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { wrapText } from '../../text-fit.js';

/** One line of the screen, with its style. */
export interface Line {
  text: string;
  tone?: keyof ThemeText;
}

/** A text wrapped to `width` as lines in `tone`; follow-on lines indented by `indent`. */
export function wrapped(text: string, width: number, tone?: keyof ThemeText, indent = 0): Line[] {
  return wrapText(text, width, indent).map((line) => (tone ? { text: line, tone } : { text: line }));
}

/** Draw lines, each cut to the width. */
export function Lines({ lines, width }: { lines: readonly Line[]; width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} {...(line.tone ? theme.text[line.tone] : {})}>
          {fitText(line.text, width, theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
