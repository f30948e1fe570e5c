/** How the lists share the space they get. */

/** Narrower than this, the lists leave out the developer column (the details show it). */
export const NARROW_WIDTH = 76;

/** Lines under a list for the module under the cursor: 4 (a whole error and its hint) when there is room. */
export function infoLineCount(height: number): number {
  return height >= 16 ? 4 : height >= 10 ? 2 : 0;
}
