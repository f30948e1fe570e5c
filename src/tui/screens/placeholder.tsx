import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { fitText } from '../text-fit.js';
import type { ScreenProps } from './types.js';

/** Stand-in until a screen is built: says what will be on it. */
export function Placeholder({ lines, width, height }: ScreenProps & { lines: readonly string[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height} paddingX={1}>
      {lines.slice(0, height).map((line, i) => (
        <Text key={i} {...(i === 0 ? theme.text.heading : theme.text.muted)}>
          {fitText(line, width - 2, theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
