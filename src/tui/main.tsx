import { closeSync } from 'node:fs';
import { render } from 'ink';
import { readOnlyRequested } from '../config.js';
import { PbxContext, type GlobalOptions } from '../pbx-context.js';
import { PbxmodError, ValidationError, describeError } from '../domain/errors.js';
import type { Messages } from '../i18n/index.js';
import { chooseLanguage } from '../language.js';
import { App } from './app.js';
import { resolveTerminalSize } from './hooks/use-terminal-size.js';
import { anchoredStdout } from './terminal/frame-anchor.js';
import { scrollingStdout } from './terminal/scroll-repaint.js';
import { enterFullScreen, fillMissingTerminalSize } from './terminal/full-screen.js';
import { themeFor } from './theme.js';

/**
 * Frames per second at most. On a serial line every redrawn line costs, and with incremental
 * rendering only changed lines are sent; 20 lets a screen's data follow its first frame within
 * 50 ms (a first visit within 150 ms, bench/first-visit.mjs) and wrote no more bytes than 10 in
 * the scripted session of bench/line-bytes.mjs (16.2 KB against 16.6 KB).
 */
const MAX_FPS = 20;

/** How Ink renders the console (bench/cursor-bytes.mjs and bench/memory.mjs render with the same). */
export const CONSOLE_RENDER_OPTIONS = { exitOnCtrlC: false, incrementalRendering: true, maxFps: MAX_FPS } as const;

/**
 * What Ink writes to: each repaint anchored at the top-left corner, and scrolled instead of
 * redrawn where that is shorter (a table moving by a row). Made on the cleared screen.
 */
export function consoleOutput(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  return anchoredStdout(scrollingStdout(stdout));
}

const EXIT_USAGE = 2;
const EXIT_CRASH = 70;
const EXIT_HANGUP = 129;
const TERMINAL_GONE = new Set(['EIO', 'EPIPE', 'EBADF', 'ENXIO']);
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The full-screen console: `pbxmod` with no command. */
export async function runConsole(options: GlobalOptions): Promise<void> {
  const { stdin, stdout, stderr } = process;
  // The language first: every message from here on is in it.
  let messages: Messages;
  try {
    messages = await chooseLanguage(options);
  } catch (error) {
    stderr.write(`pbxmod: ${describeError(error)}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  if (!stdin.isTTY || !stdout.isTTY) {
    // No raw mode without a terminal: say what to use instead, without a stack trace.
    stderr.write(`pbxmod: ${messages.console.needsTerminal}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }

  let size;
  try {
    size = resolveTerminalSize({ columns: stdout.columns, rows: stdout.rows }, process.env, options.size);
  } catch (error) {
    stderr.write(`pbxmod: ${describeError(error)}\n`);
    process.exitCode = error instanceof ValidationError ? EXIT_USAGE : 1;
    return;
  }
  fillMissingTerminalSize(stdout, size);

  // A bad --api or an unreadable store is said plainly before the screen is taken over.
  let pbx: PbxContext;
  try {
    pbx = new PbxContext(options);
  } catch (error) {
    stderr.write(`pbxmod: ${describeError(error)}\n`);
    process.exitCode = error instanceof ValidationError ? EXIT_USAGE : 1;
    return;
  }

  const screen = enterFullScreen({ stdin, stdout });
  let instance: ReturnType<typeof render> | undefined;

  // Ends the process from a signal, a crash or a terminal that went away; the normal quit
  // returns through waitUntilExit below instead.
  let stopping = false;
  const stop = async (exitCode: number, { report, terminalGone = false }: { report?: string; terminalGone?: boolean } = {}) => {
    if (stopping) return;
    stopping = true;
    try {
      instance?.unmount();
    } catch {
      // Unmounting a crashed tree may throw; the terminal is what matters now.
    }
    if (terminalGone) screen.abandon();
    else screen.restore();
    if (report && !terminalGone) stderr.write(report);
    await closeQuietly(pbx);
    if (terminalGone) releaseStdio();
    process.exit(exitCode);
  };
  const onSignal = (signal: NodeJS.Signals) =>
    void (async () => {
      // A module operation under way rolls back first (and says so), then the console ends.
      // Loaded here, not at start: the first frame does not wait for the module code.
      const rolledBack = await import('../modules/interruption.js').then((m) => m.interruptModuleOperations(signal)).catch(() => [] as string[]);
      const report = [messages.console.stoppedBySignal(signal), ...rolledBack].map((line) => `pbxmod: ${line}\n`).join('');
      await stop(128 + (SIGNAL_NUMBERS[signal] ?? 0), { report, terminalGone: signal === 'SIGHUP' });
    })();
  const onCrash = (error: unknown) => void stop(EXIT_CRASH, { report: crashReport(error, messages) });
  // Writing to or reading from a terminal that hung up fails with EIO: that is a hangup, not a crash.
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code !== undefined && TERMINAL_GONE.has(error.code)) void stop(EXIT_HANGUP, { terminalGone: true });
    else onCrash(error);
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  for (const stream of [stdin, stdout, stderr]) stream.on('error', onStreamError);

  let crash: unknown;
  try {
    instance = render(
      <App pbx={pbx} theme={themeFor(process.env, options)} messages={messages} readonly={readOnlyRequested(options.readonly)} sizeFlag={options.size} onQuit={() => instance?.unmount()} />,
      { ...CONSOLE_RENDER_OPTIONS, stdin, stdout: consoleOutput(stdout), stderr },
    );
    // What a killed module operation left is settled as the console starts, after its first
    // frame (the module code is not on the start path); when that fails, the next module
    // operation tries again and says why.
    void import('../modules/recovery.js').then((m) => m.recoverModuleOperations(pbx)).catch(() => undefined);
    await instance.waitUntilExit();
  } catch (error) {
    crash = error;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    for (const stream of [stdin, stdout, stderr]) stream.off('error', onStreamError);
    screen.restore();
    await closeQuietly(pbx);
  }
  if (crash !== undefined) {
    stderr.write(crashReport(crash, messages));
    process.exitCode = EXIT_CRASH;
  }
}


/** What happened and what to do; a stack only for our own bugs, not for explained errors. */
function crashReport(error: unknown, messages: Messages): string {
  const detail = error instanceof PbxmodError ? describeError(error) : error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `pbxmod: ${messages.console.crashed}\n${detail}\n${messages.console.crashedHint}\n`;
}

/**
 * The terminal is gone (hangup). Node resets the terminal's modes when it exits, and
 * Node 20 aborts when that fails (nodejs/node#51519, fixed by #58200 in later versions);
 * with stdio closed it has nothing to reset.
 */
function releaseStdio(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}

async function closeQuietly(pbx: PbxContext): Promise<void> {
  try {
    await Promise.race([pbx.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  } catch {
    // Closing the embedded service failed; the process ends anyway.
  }
}
