import { visibleText } from '../domain/terminal-text.js';
import { charWidth, textWidth, truncateText } from '../domain/text-cells.js';

/**
 * Fitting text into terminal cells. Every line the console draws is cut to the width here,
 * not by Ink's `wrap="truncate"`, because Ink always cuts with "…" and the `--ascii` mode
 * needs "...". Much of what is drawn comes from outside (module.json, the service, bindings,
 * the store), so the text is made terminal-safe here first (`visibleText`: an escape shows as
 * `\x1b`), and the cells counted are those of what the terminal will really show. Ink itself
 * passes OSC sequences (a window title) through.
 */

// Counting cells and cutting to them is shared with the command line's tables (domain/text-cells.ts).
export { charWidth, textWidth, truncateText } from '../domain/text-cells.js';

/**
 * One line of `width` cells at most for a message: when it is too long its middle gives way
 * (`start…end`), since a message ends in what to do and starts with what happened. The cut is
 * between words where a word boundary is near (Russian words are long: `отк…` reads as nothing).
 */
export function fitMessage(raw: string, width: number, ellipsis: string): string {
  const text = visibleText(raw.replace(/[\r\n\t]+/g, ' '));
  if (textWidth(text) <= width) return text;
  const room = width - textWidth(ellipsis);
  if (room < 8) return truncateText(text, width, ellipsis);
  const chars = Array.from(text);
  const headRoom = Math.floor(room * 0.4);
  let taken = 0;
  let used = 0;
  for (const char of chars) {
    const w = charWidth(char);
    if (used + w > headRoom) break;
    taken++;
    used += w;
  }
  // End the head after a whole word (and its space) when the word cut is not most of it.
  if (chars[taken] === ' ') taken++;
  else if (chars[taken - 1] !== ' ') {
    const space = chars.lastIndexOf(' ', taken - 1);
    if (space >= taken / 2) taken = space + 1;
  }
  const head = chars.slice(0, taken).join('');
  used = textWidth(head);
  let from = chars.length;
  for (let i = chars.length - 1; i >= taken; i--) {
    const w = charWidth(chars[i]!);
    if (used + w > room) break;
    from = i;
    used += w;
  }
  // Start the tail at a word (after a space) when one starts near.
  if (from > 0 && chars[from - 1] !== ' ' && chars[from] !== ' ') {
    const space = chars.indexOf(' ', from);
    if (space >= 0 && space - from < Math.min(12, (chars.length - from) / 3)) from = space;
  }
  return `${head}${ellipsis}${chars.slice(from).join('')}`;
}

/** Cut or pad to exactly `width` cells. */
export function fitText(text: string, width: number, ellipsis: string, align: 'left' | 'right' = 'left'): string {
  const cut = truncateText(text.replace(/[\r\n\t]+/g, ' '), width, ellipsis);
  const space = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return align === 'right' ? space + cut : cut + space;
}

/**
 * Word-wrap `text` to lines of at most `width` cells; lines after the first of each
 * paragraph start with `indent` spaces. A word longer than a line is cut into pieces.
 * Errors are whole sentences with a hint after them: cutting them at the edge would lose
 * what to do, so they are wrapped instead.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(Math.max(0, Math.min(indent, width - 1)));
  const lines: string[] = [];
  for (const paragraph of visibleText(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '), { keepLineBreaks: true }).split('\n')) {
    // A paragraph that fits keeps its spacing (release lines and tables line up their columns).
    if (textWidth(paragraph) <= width) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    let room = Math.max(1, width);
    const start = lines.length;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (line !== '') {
        lines.push(lines.length > start ? pad + line : line);
        room = Math.max(1, width - pad.length);
      }
      line = word;
      while (textWidth(line) > room) {
        const head = truncateText(line, room, '');
        lines.push(lines.length > start ? pad + head : head);
        room = Math.max(1, width - pad.length);
        line = line.slice(head.length);
      }
    }
    lines.push(lines.length > start ? pad + line : line);
  }
  return lines;
}

/**
 * Wrap `text` to at most `maxLines` lines. A longer message loses its middle, not its end:
 * messages end in what to do ("Choose another number, e.g. 2200101"), so the last line shows
 * the message's end after an ellipsis.
 */
export function wrapKeepingEnd(text: string, width: number, maxLines: number, ellipsis: string, indent = 0): string[] {
  const lines = wrapText(text, width, indent).filter((line) => line !== '');
  if (lines.length <= maxLines) return lines;
  const head = lines.slice(0, Math.max(0, maxLines - 1));
  const rest = lines
    .slice(head.length)
    .map((l) => l.trim())
    .join(' ');
  const pad = head.length > 0 ? ' '.repeat(Math.max(0, Math.min(indent, width - 1))) : '';
  const room = Math.max(1, width - textWidth(pad) - textWidth(ellipsis));
  const chars = Array.from(rest);
  let tail = '';
  let used = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = textWidth(chars[i]!);
    if (used + w > room) break;
    tail = chars[i]! + tail;
    used += w;
  }
  // Start the tail at a word where one is near, so it reads as words.
  const space = tail.indexOf(' ');
  if (space >= 0 && space < tail.length / 3) tail = tail.slice(space + 1);
  return [...head, `${pad}${ellipsis}${tail}`];
}
