import { Box, Text } from 'ink';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';

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

/** An error / warning line across the screen, with what to do under it. */
export function Banner({ kind, message, hint, width }: BannerProps) {
  const theme = useTheme();
  const symbol = kind === 'error' ? theme.symbols.cross : kind === 'warning' ? theme.symbols.warning : theme.symbols.info;
  const { ellipsis } = theme.symbols;
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.text[kind]}>{fitText(`${symbol} ${message.replace(/\n/g, ' ')}`, width, ellipsis)}</Text>
      {hint ? <Text {...theme.text.muted}>{fitText(`  ${hint.replace(/\n/g, ' ')}`, width, ellipsis)}</Text> : null}
    </Box>
  );
}
