import { fitText, wrapKeepingEnd } from '../../text-fit.js';

/**
 * Break a message into at most `maxLines` lines of `width` cells at spaces. A longer message
 * loses its middle: its end (what to do) stays on the last line.
 */
export function wrapLines(text: string, width: number, maxLines: number, ellipsis: string): string[] {
  return wrapKeepingEnd(text, width, Math.max(1, maxLines), ellipsis).map((l) => fitText(l, width, ellipsis).trimEnd());
}
