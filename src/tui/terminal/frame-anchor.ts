/**
 * Repaint at the top-left corner, not "N lines up from here".
 *
 * Ink redraws by moving the cursor up from where the last frame left it. Two things make
 * that land on the wrong row in a full-screen console:
 * - Ink 6.8's incremental renderer moves up one line too few when the frame ends in a
 *   newline — and it always does for us, since the frame is one row shorter than the
 *   terminal (a frame as tall as the terminal makes Ink clear the whole screen each time).
 *   Every repaint would slide the frame down a row.
 * - After a resize the terminal may have scrolled, so "up from here" is somewhere else.
 *
 * In the alternate screen the frame always starts at row 1, column 1. So the write that
 * starts a repaint (cursor-up, or Ink's erase-lines-upward) is re-anchored: cursor home
 * first, and "erase below" at the end for whatever a shorter frame left behind. All other
 * writes pass untouched.
 */

const ESC = '\u001B[';
// Ink's eraseLines(n): (erase line, up 1) x (n-1), erase line, column 1 — then maybe cursorUp(k).
const REPAINT_START = /^(?:(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G)?(?:\u001B\[\d+A)?/;

/** The same output, positioned absolutely when it is the start of a repaint. */
export function anchorRepaint(chunk: string): string {
  const start = REPAINT_START.exec(chunk)?.[0] ?? '';
  if (start === '') return chunk;
  return `${ESC}H${chunk.slice(start.length)}${ESC}J`;
}

/** A view of `stdout` for Ink whose writes are re-anchored; everything else is the real stream. */
export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (held.has(anchored)) return true;
    const data = typeof chunk === 'string' ? anchorRepaint(chunk) : chunk;
    return (stdout.write as (...args: unknown[]) => boolean)(data, ...rest);
  };
  const anchored = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  anchoredStreams.add(anchored);
  return anchored;
}

const anchoredStreams = new WeakSet<object>();
const held = new WeakSet<object>();

/**
 * While another program owns the terminal (the $EDITOR), Ink's frames written to an anchored
 * stream are dropped instead of drawn over it; the console redraws in full afterwards. Returns
 * false, doing nothing, for a stream that is not an anchored one (tests' fake stdout).
 */
export function holdFrames(stdout: object, hold: boolean): boolean {
  if (!anchoredStreams.has(stdout)) return false;
  if (hold) held.add(stdout);
  else held.delete(stdout);
  return true;
}
