/**
 * Repaints that scroll instead of redrawing.
 *
 * Ink's incremental renderer rewrites every line that changed. When a table scrolls by one
 * row, every visible row changed — at 80x24 that is 17 full lines, 1.6 KB for one key press,
 * which on a 115200-baud serial console is a visible 0.15 s. A terminal can move those lines
 * itself: set a scroll region around them (DECSTBM), scroll it by a line (IND / RI, VT100),
 * and only the lines that really are new get written.
 *
 * This stream sits under the frame anchor (src/tui/terminal/frame-anchor.ts), which makes
 * every repaint start at the top-left corner (`ESC[H`) and end with "erase below" (`ESC[J`).
 * It keeps the lines of the frame on the screen; for each repaint it works out the new
 * frame, and writes whichever is shorter: Ink's repaint as it is, or its own — at most one
 * scroll, then each line that still differs, positioned absolutely (`ESC[row;1H`).
 *
 * It only rewrites what it fully understands. Anything else written — leaving for the
 * $EDITOR, a resize, a visible cursor — makes it forget the screen and pass Ink's writes
 * through untouched until Ink draws the whole frame again.
 */

const ESC = '\u001B';
const HOME = `${ESC}[H`;
const ERASE_BELOW = `${ESC}[J`;
const NEXT_LINE = `${ESC}[E`;
const COLUMN_1 = `${ESC}[1G`;
const ERASE_LINE_END = `${ESC}[K`;
const RESET_ATTRIBUTES = `${ESC}[m`;
const RESET_SCROLL_REGION = `${ESC}[r`;
/** IND: down a line; at the bottom margin, scroll the region up. */
const INDEX = `${ESC}D`;
/** RI: up a line; at the top margin, scroll the region down. */
const REVERSE_INDEX = `${ESC}M`;
const SHOW_CURSOR = `${ESC}[?25h`;
const HIDE_CURSOR = `${ESC}[?25l`;
/** Writes that change nothing on the screen: synchronized-output brackets. */
const HARMLESS = new Set([`${ESC}[?2026h`, `${ESC}[?2026l`, '']);
/** Only colours and styles (SGR) and OSC 8 links inside a line: nothing that moves the cursor. */
// eslint-disable-next-line no-control-regex
const LINE_TEXT = /^(?:[^\u001B\n\r]|\u001B\[[0-9;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\))*$/;
/** Lines scrolled at most in one repaint; more is a page jump, redrawn as it is. */
const MAX_SCROLL = 8;

const moveTo = (row: number) => `${ESC}[${row + 1};1H`;

/**
 * The frame after an anchored incremental repaint of `previous`: `ESC[H`, then per line
 * either "next line" (unchanged) or "column 1, text, erase to end of line, newline", then
 * `ESC[J`. Undefined when the chunk is anything else.
 */
export function frameAfterRepaint(previous: readonly string[] | undefined, chunk: string): string[] | undefined {
  if (!chunk.startsWith(HOME) || !chunk.endsWith(ERASE_BELOW)) return undefined;
  const body = chunk.slice(HOME.length, chunk.length - ERASE_BELOW.length);
  const next: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body.startsWith(NEXT_LINE, i)) {
      const kept = previous?.[next.length];
      if (kept === undefined) return undefined;
      next.push(kept);
      i += NEXT_LINE.length;
      continue;
    }
    if (!body.startsWith(COLUMN_1, i)) return undefined;
    const end = body.indexOf(ERASE_LINE_END, i);
    if (end === -1) return undefined;
    const text = body.slice(i + COLUMN_1.length, end);
    if (!LINE_TEXT.test(text)) return undefined;
    next.push(text);
    i = end + ERASE_LINE_END.length;
    if (body[i] === '\n') i++;
  }
  return next;
}

/** A whole frame written as it is (first frame, redraw after a clear): text lines only. */
function wholeFrame(chunk: string): string[] | undefined {
  if (!chunk.includes('\n')) return undefined;
  const lines = chunk.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.every((line) => LINE_TEXT.test(line)) ? lines : undefined;
}

interface Scroll {
  /** First and last row of the scroll region (0-based, inclusive). */
  top: number;
  bottom: number;
  /** Lines the content moves up (positive) or down (negative). */
  by: number;
}

/** Update the screen from `previous` to `next`: an optional scroll, then each differing line. */
export function repaint(previous: readonly string[], next: readonly string[], scroll?: Scroll): string {
  const screen = [...previous];
  let out = '';
  if (scroll) {
    const { top, bottom, by } = scroll;
    // Lines scrolled in take the current background: make it the default one.
    out += `${RESET_ATTRIBUTES}${ESC}[${top + 1};${bottom + 1}r`;
    out += by > 0 ? moveTo(bottom) + INDEX.repeat(by) : moveTo(top) + REVERSE_INDEX.repeat(-by);
    out += RESET_SCROLL_REGION;
    const region = screen.slice(top, bottom + 1);
    const moved = by > 0 ? [...region.slice(by), ...Array<string>(by).fill('')] : [...Array<string>(-by).fill(''), ...region.slice(0, by)];
    screen.splice(top, moved.length, ...moved);
  }
  for (let row = 0; row < next.length; row++) {
    if (screen[row] !== next[row]) out += moveTo(row) + next[row] + ERASE_LINE_END;
  }
  if (next.length < previous.length) out += moveTo(next.length) + ERASE_BELOW;
  return out;
}

/** The scroll that keeps the most lines where the terminal can move them, if any. */
export function bestScroll(previous: readonly string[], next: readonly string[]): Scroll | undefined {
  const rows = Math.min(previous.length, next.length);
  let best: (Scroll & { kept: number }) | undefined;
  for (let by = -MAX_SCROLL; by <= MAX_SCROLL; by++) {
    if (by === 0) continue;
    // Longest run of rows showing what was `by` rows further down before.
    let start = -1;
    for (let row = 0; row <= rows; row++) {
      const source = row + by;
      const same = row < rows && source >= 0 && source < rows && next[row] === previous[source] && next[row] !== previous[row];
      if (same && start === -1) start = row;
      if (!same && start !== -1) {
        const kept = row - start;
        const top = by > 0 ? start : start + by;
        const bottom = by > 0 ? row - 1 + by : row - 1;
        if (kept >= 2 && (!best || kept > best.kept)) best = { top, bottom, by, kept };
        start = -1;
      }
    }
  }
  return best && { top: best.top, bottom: best.bottom, by: best.by };
}

/**
 * A view of `stdout` whose repaints scroll where that is shorter. Create it on a clear
 * screen with the cursor at the top-left corner (the console does, right after entering the
 * alternate screen), and put the frame anchor over it: `anchoredStdout(scrollingStdout(s))`.
 */
export function scrollingStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  // The frame's lines on the screen; [] = clear screen, cursor home; undefined = unknown.
  let screen: string[] | undefined = [];
  let cursorShown = false;
  const forget = () => {
    screen = undefined;
  };
  stdout.on?.('resize', forget);

  const rewrite = (chunk: string): string => {
    if (HARMLESS.has(chunk)) return chunk;
    if (chunk === SHOW_CURSOR || chunk === HIDE_CURSOR) {
      cursorShown = chunk === SHOW_CURSOR;
      return chunk;
    }
    if (chunk === HOME + ERASE_BELOW) {
      screen = [];
      return chunk;
    }
    const next = frameAfterRepaint(screen, chunk);
    if (next) {
      const previous = screen;
      screen = next;
      // A visible cursor is placed relative to where Ink's repaint ends: leave those alone.
      if (!previous || cursorShown) return chunk;
      const plain = repaint(previous, next);
      const scroll = bestScroll(previous, next);
      const scrolled = scroll ? repaint(previous, next, scroll) : plain;
      return [chunk, plain, scrolled].reduce((a, b) => (b.length < a.length ? b : a));
    }
    // Ink draws the whole frame after a clear (first frame, redraw).
    screen = screen?.length === 0 ? wholeFrame(chunk) : undefined;
    return chunk;
  };

  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string') {
      forget();
      return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }
    return (stdout.write as (...args: unknown[]) => boolean)(rewrite(chunk), ...rest);
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
