import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PBXMOD_BIN } from '../support/cli.js';

/** tmux is installed by .ci/run; a developer without it sees these tests skipped, with the reason. */
export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

export interface ConsoleSession {
  name: string;
  /** The visible screen as plain text. */
  screen(): string;
  /**
   * The visible screen with the escape sequences of its colours and attributes (`capture-pane
   * -e`): what a colour check must read — plain `capture-pane -p` drops every colour.
   */
  screenWithEscapes(): string;
  /** Send keys as `tmux send-keys` names them: 'Enter', 'Escape', 'Tab', 'Down', 'q', 'C-c'. One key per call, like a person. */
  press(...keys: string[]): void;
  /** Type literal text (no key names). */
  type(text: string): void;
  /** Wait until the screen matches, or fail with the screen in the message. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Wait until the screen no longer matches. */
  waitForGone(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  /** Whether the console process still runs in the pane. */
  alive(): boolean;
  /** The exit status once the console ended (the pane stays for reading). */
  exitStatus(): number | null;
  kill(): void;
}

/**
 * Start the built console in a detached tmux pane of `columns`×`rows`, as a person at a
 * terminal would. `env` adds variables (e.g. NO_COLOR); `args` are pbxmod's arguments.
 */
export async function startConsole(options: {
  args?: string[];
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
  /** Run this program instead of `node bin/pbxmod.js` (the self-contained executable). */
  program?: string;
  /** Start from an empty environment (`env -i`): only TERM and `env` are set. */
  cleanEnv?: boolean;
}): Promise<ConsoleSession> {
  const name = `pbxmod-e2e-${randomBytes(4).toString('hex')}`;
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const env = Object.entries({ TERM: 'xterm-256color', ...options.env }).map(([k, v]) => `${k}=${shellQuote(v)}`);
  // The shell prints the exit status on the main screen once the console has left the alternate one.
  const program = options.program ? shellQuote(options.program) : `${shellQuote(process.execPath)} ${shellQuote(PBXMOD_BIN)}`;
  const command = `/usr/bin/env ${options.cleanEnv ? '-i ' : ''}${env.join(' ')} ${program} ${(options.args ?? []).map(shellQuote).join(' ')}; echo "[pbxmod exited $?]"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), command);
  const session: ConsoleSession = {
    name,
    screen: () => tmux('capture-pane', '-p', '-t', name),
    screenWithEscapes: () => tmux('capture-pane', '-e', '-p', '-t', name),
    press: (...keys) => {
      for (const key of keys) tmux('send-keys', '-t', name, key);
    },
    type: (text) => tmux('send-keys', '-t', name, '-l', text),
    waitFor: (pattern, timeoutMs = 15_000) => poll(session, (s) => matches(s, pattern), `to show ${String(pattern)}`, timeoutMs),
    waitForGone: (pattern, timeoutMs = 15_000) => poll(session, (s) => !matches(s, pattern), `to stop showing ${String(pattern)}`, timeoutMs),
    resize: (c, r) => tmux('resize-window', '-t', name, '-x', String(c), '-y', String(r)),
    alive: () => EXITED.exec(session.screen()) === null,
    exitStatus: () => {
      const match = EXITED.exec(session.screen());
      return match ? Number(match[1]) : null;
    },
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
  };
  return session;
}

/** What the pane's shell prints once the console has ended (the pane stays open to be read). */
const EXITED = /\[pbxmod exited (\d+)\]/;

function matches(screen: string, pattern: RegExp | string): boolean {
  return typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen);
}

async function poll(session: ConsoleSession, done: (screen: string) => boolean, what: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  for (;;) {
    screen = session.screen();
    if (done(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the console ${what}; the screen was:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The colour parameters of the SGR sequences in `text` (foreground/background: 30-38, 40-48,
 * 90-97, 100-107; 39/49 only reset to the default and are no colour). Attributes such as
 * inverse (7) or bold (1) are not colour: NO_COLOR keeps them.
 */
export function colourCodes(text: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex
  for (const [sequence, params = ''] of text.matchAll(/\u001B\[([0-9;:]*)m/g)) {
    const numbers = params.split(/[;:]/).map(Number);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (n === 38 || n === 48) {
        found.push(sequence);
        break;
      }
      if ((n >= 30 && n <= 37) || (n >= 40 && n <= 47) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)) {
        found.push(sequence);
        break;
      }
    }
  }
  return found;
}

/** Escape sequences out: the text a person reads. */
export function withoutEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;:?]*[A-Za-z]/g, '').replace(/\u001B[()][A-Za-z0-9]/g, '');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The pane's title as tmux keeps it (an OSC 0/2 sequence written to the pane changes it). */
export function paneTitle(session: Pick<ConsoleSession, 'name'>): string {
  return tmux('display-message', '-p', '-t', session.name, '#{pane_title}').trimEnd();
}

/** One key `count` times in ONE write (`send-keys -N`), as a held key or a slow line delivers it. */
export function sendRepeated(session: Pick<ConsoleSession, 'name'>, key: string, count: number): void {
  tmux('send-keys', '-t', session.name, '-N', String(count), key);
}

/** Start any shell command in a detached pane (for the command line's text output). */
export function startShell(command: string, columns = 100, rows = 30): ConsoleSession & { title: () => string } {
  const name = `pbxmod-e2e-${randomBytes(4).toString('hex')}`;
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), `${command}; sleep 600`);
  const session = {
    name,
    screen: () => tmux('capture-pane', '-p', '-t', name),
    screenWithEscapes: () => tmux('capture-pane', '-e', '-p', '-t', name),
    press: (...keys: string[]) => {
      for (const key of keys) tmux('send-keys', '-t', name, key);
    },
    type: (text: string) => tmux('send-keys', '-t', name, '-l', text),
    waitFor: (pattern: RegExp | string, timeoutMs = 15_000) => poll(session, (s) => matches(s, pattern), `to show ${String(pattern)}`, timeoutMs),
    waitForGone: (pattern: RegExp | string, timeoutMs = 15_000) => poll(session, (s) => !matches(s, pattern), `to stop showing ${String(pattern)}`, timeoutMs),
    resize: (c: number, r: number) => tmux('resize-window', '-t', name, '-x', String(c), '-y', String(r)),
    alive: () => true,
    exitStatus: () => null,
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
    title: () => paneTitle({ name }),
  };
  return session;
}

/** Quote for the shell. */
export function quoted(value: string): string {
  return shellQuote(value);
}
