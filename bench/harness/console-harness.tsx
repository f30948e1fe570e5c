// The console as bench/cursor-bytes.mjs and bench/memory.mjs run it: the real App (frame,
// screens) rendered by Ink with the options and the output stream the console uses
// (src/tui/main.tsx: frame anchor, scrolling repaints), into a terminal that counts bytes. Bundled like the
// production build before it runs (bench/bundle-copy.mjs).
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { PbxContext } from '../../src/pbx-context.js';
import { t } from '../../src/i18n/index.js';
import { App } from '../../src/tui/app.js';
import { CONSOLE_RENDER_OPTIONS, consoleOutput } from '../../src/tui/main.js';
import type { ScreenDefinition } from '../../src/tui/screens/index.js';
import { createTheme } from '../../src/tui/theme.js';

/** A terminal of a fixed size that keeps what is written to it. */
export class CountingTerminal extends EventEmitter {
  readonly isTTY = true;
  bytes = 0;
  writes = 0;
  /** Everything written since `mark()`, as text. */
  private since = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.bytes += Buffer.byteLength(text);
    this.writes++;
    this.since += text;
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  /** Start collecting output afresh; returns what was collected before. */
  mark(): string {
    const before = this.since;
    this.since = '';
    return before;
  }
  get collected(): string {
    return this.since;
  }
}

/** A keyboard: one key per write, as a person types. */
export class Keyboard extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  private pending: string[] = [];
  setRawMode(raw: boolean) {
    this.isRaw = raw;
    return this;
  }
  setEncoding() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  press(key: string): void {
    this.pending.push(key);
    this.emit('readable');
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Text without escape sequences. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
}

export interface RunningConsole {
  terminal: CountingTerminal;
  keyboard: Keyboard;
  /** Wait until everything written since the last mark() matches. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  /** Wait until nothing has been written for `quietMs`. */
  settle: (quietMs: number) => Promise<void>;
  quit: () => Promise<void>;
}

/** Render the console (App with the given screens) the way runConsole does. */
export function startConsole(options: { pbx: PbxContext; screens?: readonly ScreenDefinition[]; initialScreen?: string; columns?: number; rows?: number }): RunningConsole {
  const terminal = new CountingTerminal(options.columns ?? 80, options.rows ?? 24);
  const keyboard = new Keyboard();
  let quit: () => void = () => undefined;
  const instance = render(
    <App
      pbx={options.pbx}
      theme={createTheme()}
      messages={t}
      {...(options.screens ? { screens: options.screens } : {})}
      {...(options.initialScreen ? { initialScreen: options.initialScreen } : {})}
      env={{}}
      onQuit={() => quit()}
    />,
    {
      ...CONSOLE_RENDER_OPTIONS,
      stdin: keyboard as unknown as NodeJS.ReadStream,
      stdout: consoleOutput(terminal as unknown as NodeJS.WriteStream),
      stderr: terminal as unknown as NodeJS.WriteStream,
      patchConsole: false,
    },
  );
  quit = () => instance.unmount();
  return {
    terminal,
    keyboard,
    waitForOutput: async (pattern, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(plain(terminal.collected))) {
        if (Date.now() > deadline) throw new Error(`the console did not show ${String(pattern)} within ${timeoutMs} ms; it shows:\n${plain(terminal.collected).slice(-2000)}`);
        await sleep(5);
      }
      return terminal.collected;
    },
    settle: async (quietMs) => {
      let writes = terminal.writes;
      for (;;) {
        await sleep(quietMs);
        if (terminal.writes === writes) return;
        writes = terminal.writes;
      }
    },
    quit: async () => {
      instance.unmount();
      await instance.waitUntilExit().catch(() => undefined);
    },
  };
}
