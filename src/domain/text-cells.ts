import { visibleText } from './terminal-text.js';

/**
 * Cells a text takes on a terminal, and cutting it to a number of cells: for the console's
 * frame (tui/text-fit.ts) and the command line's tables alike.
 */

// Combining marks, zero-width joiners and variation selectors take no cell.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200D\uFE00-\uFE0F]/u;
// East Asian wide and full-width characters and pictographs take two cells.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

export function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/** Cells the text takes on a terminal. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Cut to `width` cells, ending in `ellipsis` when something was cut. */
export function truncateText(raw: string, width: number, ellipsis: string): string {
  if (width <= 0) return '';
  const text = visibleText(raw);
  if (textWidth(text) <= width) return text;
  const room = width - textWidth(ellipsis);
  if (room < 1) return [...text].slice(0, width).join('');
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > room) break;
    out += char;
    used += w;
  }
  return out + ellipsis;
}

