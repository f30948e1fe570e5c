import { Box, Text } from 'ink';
import { useTheme } from '../../theme.js';
import { fitText, wrapKeepingEnd } from '../../text-fit.js';

export type BannerKind = 'error' | 'warning' | 'info';

export interface BannerProps {
  kind: BannerKind;
  /** What happened: "No access to the licensing server http://...". */
  message: string;
  /** What to do, on a second line. */
  hint?: string;
  /** Cells available. */
  width: number;
}

/** Lines the message and the hint may take each; a longer one loses its middle, not its end. */
const MAX_LINES = 3;

/**
 * An error / warning across the screen, with what to do under it. Both are wrapped, never cut
 * at the edge: the end of a message is usually what to do about it.
 */
export function Banner({ kind, message, hint, width }: BannerProps) {
  const theme = useTheme();
  const symbol = kind === 'error' ? theme.symbols.cross : kind === 'warning' ? theme.symbols.warning : theme.symbols.info;
  const { ellipsis } = theme.symbols;
  return (
    <Box flexDirection="column" width={width}>
      {wrapKeepingEnd(`${symbol} ${message.replace(/\n/g, ' ')}`, width, MAX_LINES, ellipsis, 2).map((line, i) => (
        <Text key={`m${i}`} {...theme.text[kind]}>
          {fitText(line, width, ellipsis)}
        </Text>
      ))}
      {hint
        ? wrapKeepingEnd(hint.replace(/\n/g, ' '), Math.max(1, width - 2), MAX_LINES, ellipsis).map((line, i) => (
            <Text key={`h${i}`} {...theme.text.muted}>
              {fitText(`  ${line}`, width, ellipsis)}
            </Text>
          ))
        : null}
    </Box>
  );
}
