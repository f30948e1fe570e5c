import { fitText, wrapText } from '../../text-fit.js';

/**
 * Break a message into at most `maxLines` lines of `width` cells at spaces; the last line
 * ends in `ellipsis` when the message is longer.
 */
export function wrapLines(text: string, width: number, maxLines: number, ellipsis: string): string[] {
  const lines = wrapText(text, width).filter((line) => line !== '');
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = `${kept.at(-1)!} ${lines.slice(kept.length).join(' ')}`;
    return kept.map((l) => fitText(l, width, ellipsis).trimEnd());
  }
  return lines.map((l) => fitText(l, width, ellipsis).trimEnd());
}
