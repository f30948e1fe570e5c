import { useCallback } from 'react';
import { useStdin, useStdout } from 'ink';
import { holdFrames } from './frame-anchor.js';
import { screenSequences } from './full-screen.js';

/**
 * Handing the terminal to another program for a while — the person's $EDITOR — the way
 * `git commit` does, and taking it back: the shell's screen and a normal line discipline for
 * the editor, then the console's alternate screen, raw mode and a full redraw.
 */

export interface SuspendableTerminal {
  /** Ink's stdin. */
  stdin: NodeJS.ReadStream;
  /** Ink's stdout (the anchored stream in the console). */
  stdout: NodeJS.WriteStream;
  /** Draw the whole frame again. */
  redraw: () => void;
}

/** Run `run` with the terminal handed over; the console comes back however `run` ends. */
export async function suspendTerminal<T>({ stdin, stdout, redraw }: SuspendableTerminal, run: () => Promise<T>): Promise<T> {
  // Called from a key handler, Ink is still reading that key's chunk; once it is done, its
  // last read() has asked the terminal for more, and that request is what stopReading cancels.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const wasRaw = stdin.isTTY === true && stdin.isRaw === true;
  stdout.write(screenSequences.leave);
  // A toast fading or a timer firing must not draw over the editor.
  holdFrames(stdout, true);
  const reading = stopReading(stdin);
  if (wasRaw) stdin.setRawMode(false);
  try {
    return await run();
  } finally {
    if (wasRaw) stdin.setRawMode(true);
    if (reading) reading.resume();
    holdFrames(stdout, false);
    stdout.write(screenSequences.enter);
    redraw();
  }
}

/**
 * `suspendConsole(run)`: hand the terminal over while `run` runs (an external editor), then
 * bring the console back, redrawn.
 */
export function useSuspendConsole(): <T>(run: () => Promise<T>) => Promise<T> {
  const { stdin } = useStdin();
  const { stdout, write } = useStdout();
  // Ink's own write clears what it drew and draws the last frame again: a full redraw.
  return useCallback(<T,>(run: () => Promise<T>) => suspendTerminal({ stdin, stdout, redraw: () => write('') }, run), [stdin, stdout, write]);
}

interface TerminalHandle {
  reading?: boolean;
  readStop?: () => number;
  readStart?: () => number;
}

/**
 * Stop reading the terminal ahead. Ink keeps a read pending on stdin, and Node has no public
 * way to cancel it (`pause()` does not for a TTY); with it pending, the console would take some
 * of the keys meant for the editor. Returns how to start again, or null when nothing was read.
 */
function stopReading(stdin: NodeJS.ReadStream): { resume: () => void } | null {
  const handle = (stdin as unknown as { _handle?: TerminalHandle })._handle;
  if (!handle?.reading || typeof handle.readStop !== 'function' || typeof handle.readStart !== 'function') return null;
  handle.readStop();
  handle.reading = false;
  return {
    resume: () => {
      handle.reading = true;
      handle.readStart!();
    },
  };
}
