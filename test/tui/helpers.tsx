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

export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Write ONE key and wait for its frame: until the frame changes, or `settleMs` passes
 * (keys that change nothing, and Esc, which is held for TEST_ESCAPE_DELAY_MS).
 */
export async function press(app: Pick<Rendered, 'stdin' | 'lastFrame'>, key: string, settleMs = 80): Promise<string> {
  const before = app.lastFrame();
  app.stdin.write(key);
  const deadline = Date.now() + settleMs;
  await tick();
  while (Date.now() < deadline && app.lastFrame() === before) await sleep(3);
  // Let effects of that frame (layer registration) run before the next key.
  await tick();
  return app.lastFrame() ?? '';
}

/** Type text one character at a time, as a person does. */
export async function type(app: Pick<Rendered, 'stdin' | 'lastFrame'>, text: string): Promise<string> {
  for (const char of text) await press(app, char);
  return app.lastFrame() ?? '';
}

/** Wait until the frame satisfies `check` (async data, lazy screens). */
export async function waitForFrame(app: Pick<Rendered, 'lastFrame'>, check: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (check(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`frame did not match in ${timeoutMs} ms:\n${frame}`);
    await sleep(5);
  }
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

/** The whole console, with a fresh store, 100 columns (ink-testing-library) x 24 rows. */
export async function renderApp(props: Partial<AppProps> = {}, ready: (frame: string) => boolean = (f) => /PBX \d/.test(f) && f.includes('License:') && !f.includes('checking')): Promise<RenderedApp> {
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
