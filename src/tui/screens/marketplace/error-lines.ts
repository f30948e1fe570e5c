import { PbxmodError } from '../../../domain/errors.js';
import type { ThemeSymbols } from '../../theme.js';
import { wrapped, type Line } from './lines.js';

/** An error as lines: what happened (wrapped, in the error style), then what to do. */
export function errorLines(error: unknown, width: number, symbols: ThemeSymbols): Line[] {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof PbxmodError ? error.hint : undefined;
  return [...wrapped(`${symbols.cross} ${message}`, width, 'error', 2), ...(hint ? indented(hint, width, 'muted') : [])];
}

/** Text wrapped two cells in from the edge, under a line that starts with a symbol. */
export function indented(text: string, width: number, tone: Line['tone']): Line[] {
  return wrapped(text, width - 2, tone).map((line) => ({ ...line, text: `  ${line.text}` }));
}
