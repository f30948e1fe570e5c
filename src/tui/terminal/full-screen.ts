/**
 * Taking the terminal over and, above all, giving it back: whatever way the console ends
 * (q, Ctrl-C, SIGTERM, SIGHUP, a crash), the person gets their shell screen back with a
 * visible cursor and a line discipline that echoes.
 */

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const CLEAR_AND_HOME = '\u001B[2J\u001B[H';
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
const RESET_ATTRIBUTES = '\u001B[0m';
// Bracketed paste: the terminal marks pasted text, so a paste lands in a field as text and is
// never read as commands (keys/key-decoder.ts).
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/** What entering and leaving the console's screen writes; suspend-console.ts uses them too. */
export const screenSequences = {
  enter: ENTER_ALTERNATE_SCREEN + CLEAR_AND_HOME + HIDE_CURSOR + BRACKETED_PASTE_ON,
  leave: BRACKETED_PASTE_OFF + RESET_ATTRIBUTES + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN,
} as const;

export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export interface FullScreen {
  /** Leave the alternate screen, show the cursor, raw mode off. Safe to call many times. */
  restore: () => void;
  /** The terminal went away (hangup): there is nothing left to restore. */
  abandon: () => void;
}

/** Switch to the alternate screen (the shell's screen comes back on restore). */
export function enterFullScreen({ stdin, stdout }: TerminalStreams): FullScreen {
  stdout.write(screenSequences.enter);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed (SIGHUP); nothing left to restore there.
    }
    try {
      stdout.write(screenSequences.leave);
    } catch {
      // The terminal went away.
    }
  };
  // The last resort: even process.exit() from elsewhere gives the screen back.
  process.once('exit', restore);
  return {
    restore,
    abandon: () => {
      restored = true;
    },
  };
}

/**
 * On serial lines the terminal reports no size. Ink lays out by `stdout.columns` and decides
 * "full screen" by `stdout.rows`; give it the size we resolved (LINES/COLUMNS, --size) so
 * the frame and Ink agree. A size the terminal reports itself is left alone.
 */
export function fillMissingTerminalSize(stdout: NodeJS.WriteStream, size: { columns: number; rows: number }): void {
  if (!stdout.columns) stdout.columns = size.columns;
  if (!stdout.rows) stdout.rows = size.rows;
}
