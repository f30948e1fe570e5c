import { Text } from 'ink';
import { visibleText } from '../../../domain/terminal-text.js';
import { fitText, textWidth } from '../../text-fit.js';

export interface LineValueProps {
  value: string;
  /** Where the cursor is (code points) while the field has the keys; undefined: no cursor. */
  cursor: number | undefined;
  /** Cells for the value. */
  width: number;
  ellipsis: string;
  /** Show one `*` per character (a key being typed). */
  mask?: boolean;
  /** Shown muted in an empty field. */
  placeholder?: string | undefined;
}

/**
 * A one-line value in `width` cells. Without the cursor it is cut with an ellipsis; with it,
 * the window scrolls sideways so the cursor is always in view, with `…` marking text hidden
 * on either side. Every character is drawn terminal-safe (a value read from the store may
 * hold anything), and its cells counted the way the terminal counts them.
 */
export function LineValue({ value, cursor, width, ellipsis, mask = false, placeholder }: LineValueProps) {
  const chars = Array.from(value).map((c) => (mask ? '*' : visibleText(c)));
  if (cursor === undefined) {
    if (chars.length === 0 && placeholder) return <Text dimColor>{fitText(placeholder, width, ellipsis).trimEnd()}</Text>;
    return <Text>{fitText(chars.join(''), width, ellipsis).trimEnd()}</Text>;
  }
  const at = Math.min(Math.max(0, cursor), chars.length);
  const { start, end } = windowAround(chars, at, Math.max(2, width));
  const left = start > 0 ? '…' : '';
  const right = end < chars.length ? '…' : '';
  const before = chars.slice(start, at).join('');
  const under = chars[at] ?? ' ';
  const after = chars.slice(at + 1, end).join('');
  return (
    <Text>
      <Text dimColor>{left}</Text>
      {before}
      <Text inverse>{under}</Text>
      {after}
      <Text dimColor>{right}</Text>
    </Text>
  );
}

/** The slice of `chars` shown: the cursor cell in view, as much text before it as fits. */
export function windowAround(chars: readonly string[], cursor: number, width: number): { start: number; end: number } {
  const cells = (c: string | undefined) => (c === undefined ? 1 : Math.max(1, textWidth(c)));
  // Room for the cursor cell and the markers on both sides.
  let used = cells(chars[cursor]);
  let start = cursor;
  const fitsWhole = chars.reduce((sum, c) => sum + cells(c), 0) + (cursor >= chars.length ? 1 : 0) <= width;
  if (fitsWhole) return { start: 0, end: chars.length };
  while (start > 0 && used + cells(chars[start - 1]) + 1 + 1 <= width) {
    start--;
    used += cells(chars[start]);
  }
  let end = cursor + 1;
  const markerLeft = start > 0 ? 1 : 0;
  while (end < chars.length && used + markerLeft + cells(chars[end]) + (end + 1 < chars.length ? 1 : 0) <= width) {
    used += cells(chars[end]);
    end++;
  }
  return { start, end: Math.min(end, chars.length) };
}
