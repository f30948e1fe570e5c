import { Box, Text } from 'ink';
import { PbxmodError } from '../../../domain/errors.js';
import { useTheme } from '../../theme.js';
import type { Failure } from './use-application-form-state.js';
import { wrapLines } from './wrap-lines.js';

/** What happened and what to do, from an error an operation threw. */
export function errorOf(error: unknown): Failure {
  if (error instanceof PbxmodError) return { message: error.message, hint: error.hint };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Lines the message and the hint of an error may take each. */
const MAX_LINES = 3;

/** An error as lines: what happened (wrapped, after a cross), then what to do. */
export function errorLines(error: Failure, width: number, ellipsis: string): Array<{ text: string; tone: 'error' | 'muted' }> {
  const message = wrapLines(error.message, Math.max(1, width - 2), MAX_LINES, ellipsis).map((text) => ({ text, tone: 'error' as const }));
  const hint = error.hint ? wrapLines(error.hint, Math.max(1, width - 2), MAX_LINES, ellipsis).map((text) => ({ text, tone: 'muted' as const })) : [];
  return [...message, ...hint];
}

/** What happened and what to do, whole: a banner line would cut the hint at the width. */
export function ErrorLines({ error, width }: { error: Failure; width: number }) {
  const theme = useTheme();
  const { cross, ellipsis } = theme.symbols;
  return (
    <Box flexDirection="column" width={width}>
      {errorLines(error, width, ellipsis).map((line, i) => (
        <Text key={i} {...theme.text[line.tone]}>
          {`${i === 0 ? cross : ' '} ${line.text}`}
        </Text>
      ))}
    </Box>
  );
}
