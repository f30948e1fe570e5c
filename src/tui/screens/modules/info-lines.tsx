import { Box, Text } from 'ink';
import { PbxmodError } from '../../../domain/errors.js';
import { useTheme, type ThemeText } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { wrapText } from '../../text-fit.js';

export interface InfoLine {
  text: string;
  tone?: keyof ThemeText;
}

/** What happened and what to do (every PbxmodError has both; other errors only a message). */
export function errorParts(error: unknown): { message: string; hint: string | undefined } {
  return { message: error instanceof Error ? error.message : String(error), hint: error instanceof PbxmodError ? error.hint : undefined };
}

/** What happened and what to do, as two lines (the hint may be missing). */
export function errorLines(error: unknown, cross: string): InfoLine[] {
  const { message, hint } = errorParts(error);
  return [{ text: `${cross} ${message}`, tone: 'error' }, ...(hint ? [{ text: `  ${hint}`, tone: 'muted' as const }] : [])];
}

/** Long lines on as many lines as they need, each keeping its tone. */
export function wrapLines(lines: readonly InfoLine[], width: number): InfoLine[] {
  return lines.flatMap((line) => wrapText(line.text, width).map((text) => ({ ...line, text })));
}

/** A fixed number of lines, each cut to the width; missing lines stay blank so nothing jumps. */
export function InfoLines({ lines, count, width }: { lines: readonly InfoLine[]; count: number; width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={count}>
      {Array.from({ length: count }, (_, i) => {
        const line = lines[i];
        return (
          <Text key={i} {...(line?.tone ? theme.text[line.tone] : {})}>
            {fitText(line?.text ?? '', width, theme.symbols.ellipsis)}
          </Text>
        );
      })}
    </Box>
  );
}
