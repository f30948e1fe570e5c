import { Box, Text } from 'ink';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import type { ErrorText } from './login-error.js';
import { wrapText } from '../../text-fit.js';

export interface ErrorBlockProps {
  error: ErrorText;
  /** A line of what the screen offers (retry, log in with another key). */
  action?: string | undefined;
  width: number;
  /** Lines it may take; the message comes first, then the action, then the hint. */
  maxLines: number;
}

/** What went wrong, wrapped rather than cut, then what to do. */
export function ErrorBlock({ error, action, width, maxLines }: ErrorBlockProps) {
  const theme = useTheme();
  const { cross, ellipsis } = theme.symbols;
  const message = wrapText(error.message, width - 2).map((line, i) => ({ text: `${i === 0 ? cross : ' '} ${line}`, style: theme.text.error }));
  const hint = error.hint ? wrapText(error.hint, width - 2).map((line) => ({ text: `  ${line}`, style: theme.text.muted })) : [];
  const act = action ? wrapText(action, width - 2).map((line) => ({ text: `  ${line}`, style: theme.text.accent })) : [];
  const lines = [...message, ...act, ...hint].slice(0, Math.max(1, maxLines));
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} {...line.style}>
          {fitText(line.text, width, ellipsis)}
        </Text>
      ))}
    </Box>
  );
}

/** How many lines an ErrorBlock takes at this width (for laying out what is under it). */
export function errorBlockHeight(error: ErrorText, action: string | undefined, width: number, maxLines: number): number {
  const count = wrapText(error.message, width - 2).length + (action ? wrapText(action, width - 2).length : 0) + (error.hint ? wrapText(error.hint, width - 2).length : 0);
  return Math.min(Math.max(1, maxLines), count);
}
