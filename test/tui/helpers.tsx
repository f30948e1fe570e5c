import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { render } from 'ink-testing-library';
import { PbxContext } from '../../src/pbx-context.js';
import { MessagesProvider, t } from '../../src/i18n/index.js';
import { App, type AppProps } from '../../src/tui/app.js';
import { ConfirmHost, ConfirmProvider } from '../../src/tui/components/confirm/index.js';
import { ToastLine, ToastProvider } from '../../src/tui/components/toast/index.js';
import { KeymapProvider } from '../../src/tui/hooks/use-keymap.js';
import { createTheme, ThemeProvider, type Theme } from '../../src/tui/theme.js';

/** Key codes as a terminal sends them. */
export const keys = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  ctrlC: '\u0003',
  space: ' ',
} as const;

/** Escape delay the tests run with (the console uses 100 ms). */
export const TEST_ESCAPE_DELAY_MS = 25;

type Rendered = ReturnType<typeof render>;
type Keyboard = Pick<Rendered, 'stdin' | 'lastFrame'>;

export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What a frame must show: text it contains, a pattern it matches (both on the frame without
 * colour codes), or a predicate on the raw frame (colours included).
 */
export type FrameCheck = string | RegExp | ((frame: string) => boolean);

/**
 * How long a test waits for the frame it expects. Generous on purpose: a loaded 2-core machine
 * can take seconds for a store write or an HTTP round trip; a passing test never waits it out.
 */
export const FRAME_TIMEOUT_MS = 15_000;

function frameMatches(frame: string, check: FrameCheck): boolean {
  if (typeof check === 'function') return check(frame);
  const plain = stripAnsi(frame);
  return typeof check === 'string' ? plain.includes(check) : check.test(plain);
}

function describeCheck(check: FrameCheck): string {
  if (typeof check === 'string') return JSON.stringify(check);
  if (check instanceof RegExp) return String(check);
  return check.toString().slice(0, 200);
}

/**
 * Wait until the frame satisfies `check`; fail after `timeoutMs` showing the last frame. Every
 * assertion on the console goes through this (or `press`/`type` with an expectation): a frame
 * is never read after a fixed delay.
 */
export async function waitForFrame(app: Pick<Rendered, 'lastFrame'>, check: FrameCheck, timeoutMs = FRAME_TIMEOUT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (frameMatches(frame, check)) {
      // Let that frame's effects run (a field's key handler registers after it is drawn).
      await effects();
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`the frame did not show ${describeCheck(check)} in ${timeoutMs} ms; the last frame was:\n${stripAnsi(frame)}`);
    await sleep(5);
  }
}

/** React runs passive effects (key layers registering) on the next turns of the event loop. */
async function effects(): Promise<void> {
  for (let i = 0; i < 3; i++) await tick();
}

/**
 * Let the key just written take effect: Ink hands it to the handlers at once and, in its
 * legacy root, renders synchronously; React's passive effects (a new key layer registering)
 * run on the next turns of the event loop. After an Esc the console holds the key for its
 * escape delay (a sequence may follow); the next key must not arrive inside it.
 */
async function settle(key: string): Promise<void> {
  await effects();
  if (key === keys.escape) await sleep(TEST_ESCAPE_DELAY_MS * 2);
}

/**
 * Write ONE key. With `expect`, wait for the frame that shows its effect and return that frame
 * (failing with the last frame when it never comes). Without, only let the key take effect:
 * nothing is returned to assert on — the next assertion waits for its own state.
 */
export async function press(app: Keyboard, key: string): Promise<void>;
export async function press(app: Keyboard, key: string, expect: FrameCheck, timeoutMs?: number): Promise<string>;
export async function press(app: Keyboard, key: string, expect?: FrameCheck, timeoutMs = FRAME_TIMEOUT_MS): Promise<string | void> {
  app.stdin.write(key);
  await settle(key);
  if (expect !== undefined) return waitForFrame(app, expect, timeoutMs);
}

/**
 * Type text one character at a time, as a person does. With `expect`, wait for the frame that
 * shows the typed text's effect (see `press`).
 */
export async function type(app: Keyboard, text: string): Promise<void>;
export async function type(app: Keyboard, text: string, expect: FrameCheck, timeoutMs?: number): Promise<string>;
export async function type(app: Keyboard, text: string, expect?: FrameCheck, timeoutMs = FRAME_TIMEOUT_MS): Promise<string | void> {
  for (const char of text) await press(app, char);
  if (expect !== undefined) return waitForFrame(app, expect, timeoutMs);
}

/** Wait until `check` holds (a count of quits, a store value); fail after `timeoutMs` saying `what`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = FRAME_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Prove a key that should change nothing was handled: press it, then press `probe` (a key with
 * a visible effect) and wait for `probeShows`. Keys are handled in order, so once the probe's
 * effect is on screen the first key has had its chance; the caller then asserts the absence.
 */
export async function pressThenProve(app: Keyboard, key: string, probe: string, probeShows: FrameCheck): Promise<string> {
  await press(app, key);
  return press(app, probe, probeShows);
}

/**
 * Prove every key written so far was handled, whatever it did (a `g` on the first row changes
 * nothing): open the help and close it again. Keys are handled in order. For list screens
 * (on a form field `?` would be text).
 */
export async function syncKeys(app: Keyboard): Promise<void> {
  await press(app, '?', 'Keys: ');
  await press(app, keys.escape, (f) => !stripAnsi(f).includes('Keys: '));
}

/**
 * Move a list's cursor to the first row (from the top) whose cursor line matches `pattern`,
 * waiting for each move to be drawn; returns that line.
 */
export async function moveCursorTo(app: Keyboard, pattern: RegExp, cursorLine: (frame: string) => string, maxMoves = 40): Promise<string> {
  await press(app, 'g');
  await syncKeys(app);
  let line = cursorLine(app.lastFrame() ?? '');
  for (let moves = 0; !pattern.test(line); moves++) {
    if (moves === maxMoves) throw new Error(`no row matches ${pattern} in ${maxMoves} moves:\n${stripAnsi(app.lastFrame() ?? '')}`);
    const before = line;
    try {
      line = cursorLine(await press(app, keys.down, (f) => cursorLine(f) !== before, 5000));
    } catch {
      throw new Error(`no row matches ${pattern} (the cursor stopped at "${before}"):\n${stripAnsi(app.lastFrame() ?? '')}`);
    }
  }
  return line;
}

/** ANSI escape sequences out (for checking text content and symbols). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
}

/** A throwaway PbxContext on a fresh data directory. */
export async function tempPbx(): Promise<{ pbx: PbxContext; dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pbxmod-tui-'));
  const pbx = new PbxContext({ dataDir: dir });
  return {
    pbx,
    dir,
    remove: async () => {
      await pbx.close();
      // A store read may still be finishing (lock files come and go): retry.
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 30 });
    },
  };
}

export interface RenderedApp extends Rendered {
  quits: () => number;
  pbx: PbxContext;
  dispose: () => Promise<void>;
}

/** The header has read the store and the license, in English or in Russian. */
function headerSettled(frame: string): boolean {
  return /(PBX|АТС) \d/.test(frame) && /License:|Лицензия:/.test(frame) && !/checking|проверка/.test(frame);
}

/** The whole console, with a fresh store, 100 columns (ink-testing-library) x 24 rows. */
export async function renderApp(props: Partial<AppProps> = {}, ready: (frame: string) => boolean = headerSettled): Promise<RenderedApp> {
  const store = await tempPbx();
  let quitCount = 0;
  const app = render(
    <App pbx={store.pbx} onQuit={() => quitCount++} env={{}} escapeDelayMs={TEST_ESCAPE_DELAY_MS} {...props} />,
  );
  await waitForFrame(app, ready);
  return {
    ...app,
    quits: () => quitCount,
    pbx: store.pbx,
    dispose: async () => {
      app.unmount();
      app.cleanup();
      await store.remove();
    },
  };
}

/** A shared widget with what it needs around it: theme, messages, key stack, toasts, dialogs. */
export function renderWidget(node: ReactNode, { theme = createTheme(), onForceQuit = () => undefined, escapeDelayMs = TEST_ESCAPE_DELAY_MS }: { theme?: Theme; onForceQuit?: () => void; escapeDelayMs?: number } = {}) {
  return render(
    <ThemeProvider theme={theme}>
      <MessagesProvider messages={t}>
        <KeymapProvider onForceQuit={onForceQuit} escapeDelayMs={escapeDelayMs}>
          <ToastProvider durationMs={150}>
            <ConfirmProvider>
              {node}
              <ConfirmHost width={60} />
              <ToastLine width={60} />
            </ConfirmProvider>
          </ToastProvider>
        </KeymapProvider>
      </MessagesProvider>
    </ThemeProvider>,
  );
}

/**
 * Write `chunks` as separate reads, as a slow line delivers them (one read may hold several
 * keys, or half of one), then wait until the frame has been still for `settleMs`.
 */
export async function sendChunks(app: Pick<Rendered, 'stdin' | 'lastFrame'>, chunks: readonly string[], settleMs = 40): Promise<string> {
  for (const chunk of chunks) {
    app.stdin.write(chunk);
    await tick();
  }
  let last = app.lastFrame();
  let stillSince = Date.now();
  while (Date.now() - stillSince < settleMs) {
    await sleep(5);
    const now = app.lastFrame();
    if (now !== last) {
      last = now;
      stillSince = Date.now();
    }
  }
  return app.lastFrame() ?? '';
}
