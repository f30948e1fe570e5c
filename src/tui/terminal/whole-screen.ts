import { useCallback, useEffect, useRef } from 'react';
import { useStdout } from 'ink';

/**
 * A screen that is always whole. Ink repaints only the lines that changed since its last frame,
 * so whatever the terminal itself did to the screen — reflowing lines on a resize, another
 * program writing to it, line noise on a serial console — stays there. A repaint clears the
 * screen and draws the whole current frame again: after a resize (once the new layout is drawn)
 * and on Ctrl-L, as in every full-screen terminal program.
 */

const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/** After a resize, wait for the resize events to stop and Ink's throttled frame (20 fps: 50 ms). */
const RESIZE_SETTLE_MS = 150;

/** `repaint()`: clear the screen and draw the whole frame again. */
export function useRepaint(): () => void {
  const { stdout, write } = useStdout();
  return useCallback(() => {
    stdout.write(CLEAR_SCREEN);
    // Ink's own write clears what it drew and draws the last frame in full.
    write('');
  }, [stdout, write]);
}

/** Repaint in full whenever the size changes (not on the first frame). */
export function useRepaintOnResize(size: { columns: number; rows: number }): void {
  const repaint = useRepaint();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const timer = setTimeout(repaint, RESIZE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [size.columns, size.rows, repaint]);
}
