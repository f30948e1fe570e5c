import { textWidth } from '../../text-fit.js';

/** How wide a column wants to be; see `TableColumn`. */
export interface ColumnWidthSpec {
  /** Fixed width in cells. */
  width?: number;
  /** Share of the leftover width among flexible columns. Default 1. */
  flex?: number;
  /** A flexible column does not get narrower than this. Default 4. */
  minWidth?: number;
}

/**
 * Widths for the columns in `total` cells with `gap` cells between them. Fixed columns get
 * their width, flexible ones share what is left by weight (but at least their minWidth).
 * When that does not fit, columns are cut from the right; a width of 0 hides a column,
 * and its gap goes to the last column still shown.
 */
export function layoutColumns(columns: readonly ColumnWidthSpec[], total: number, gap = 1): number[] {
  const available = Math.max(0, total - gap * Math.max(0, columns.length - 1));
  const fixed = columns.reduce((sum, c) => sum + (c.width !== undefined ? Math.max(0, c.width) : 0), 0);
  const flexible = columns.map((c, i) => (c.width === undefined ? i : -1)).filter((i) => i >= 0);
  const weights = flexible.map((i) => Math.max(0, columns[i]!.flex ?? 1));
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const rest = Math.max(0, available - fixed);
  const widths = columns.map((c) => (c.width !== undefined ? Math.max(0, c.width) : 0));
  let given = 0;
  flexible.forEach((index, k) => {
    const share = Math.floor((rest * weights[k]!) / weightSum);
    widths[index] = share;
    given += share;
  });
  // Rounding leftovers go to the first flexible columns.
  for (let k = 0; flexible.length > 0 && given < rest; k = (k + 1) % flexible.length, given++) widths[flexible[k]!]! += 1;
  flexible.forEach((index) => {
    widths[index] = Math.max(widths[index]!, Math.max(1, columns[index]!.minWidth ?? 4));
  });
  // Too narrow: take cells away from the rightmost columns first.
  let over = widths.reduce((a, b) => a + b, 0) - available;
  for (let i = widths.length - 1; i >= 0 && over > 0; i--) {
    const take = Math.min(widths[i]!, over);
    widths[i]! -= take;
    over -= take;
  }
  const hidden = widths.filter((w) => w === 0).length;
  const lastShown = widths.findLastIndex((w) => w > 0);
  if (hidden > 0 && lastShown >= 0) widths[lastShown]! += Math.min(hidden, columns.length - 1) * gap;
  return widths;
}

/**
 * The width of a fixed column that shows these words (its title, its few values): the longest
 * of them, and at least `least`. Widths come from the catalog in use, not from English lengths
 * ("State" / "Состояние").
 */
export function widthForWords(least: number, words: readonly string[]): number {
  return Math.max(least, ...words.map((word) => textWidth(word)));
}
