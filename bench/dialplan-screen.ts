// How quickly the dialplan screen answers a key with 10,000 applications in the PBX store:
// from the key written to stdin to the updated frame written to stdout, for cursor moves and
// for filter-as-you-type, and the time to save one edit from the form (Ctrl-S to the list
// drawn again). Targets: a cursor move within 16 ms, a save within 50 ms.
// Run: node --import tsx bench/dialplan-screen.ts [apps] [keys]      (--source: run the
// TypeScript as it is, with React's development build, instead of the production bundle;
// --save-only: only the saves, 20 of them — what bench/dialplan-save.ts reports)
//
// The whole console is rendered (frame, header, tabs, the real screen from the registry) with
// Ink's own render, as the console runs it (incremental rendering, the anchored stdout), to a
// fake 80x24 terminal. A key's time ends at the last frame write it causes (writes stop for
// QUIET_MS); the frame limit is raised so that Ink's frame throttle does not hide the cost.
// By default this file first bundles itself like `npm run build` (bench/bundle-copy.mjs) and
// runs that: React's production build and the bundle's start-up plugins, as shipped.
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { render } from 'ink';
import { createElement } from 'react';
import { PbxContext } from '../src/pbx-context.js';
import { updateApplication } from '../src/dialplan/applications.js';
import { formatDialplanUniqid } from '../src/domain/dialplan.js';
import type { DialplanApplication } from '../src/store/schema.js';
import { App } from '../src/tui/app.js';
import { anchoredStdout } from '../src/tui/terminal/frame-anchor.js';

const BUNDLED = 'PBXMOD_BENCH_BUNDLED';
const args = process.argv.slice(2).filter((a) => a !== '--source' && a !== '--save-only');
const saveOnly = process.argv.includes('--save-only');
if (process.env[BUNDLED] === undefined && !process.argv.includes('--source')) {
  // A computed specifier: the bundle must not take esbuild in.
  const { bundleCopy } = (await import(new URL('./bundle-copy.mjs', import.meta.url).href)) as {
    bundleCopy: (entries: Record<string, string>, prefix: string) => Promise<{ folder: string }>;
  };
  const { folder } = await bundleCopy({ 'dialplan-screen': 'bench/dialplan-screen.ts' }, 'pbxmod-bench-dialplan-screen-');
  const run = spawnSync(process.execPath, [join(folder, 'dist/dialplan-screen.js'), ...args, ...(saveOnly ? ['--save-only'] : [])], { stdio: 'inherit', env: { ...process.env, [BUNDLED]: '1' } });
  await rm(folder, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}


const appCount = Number(args[0] ?? 10_000);
const keyCount = Number(args[1] ?? 100);
const QUIET_MS = 25;
const PAUSE_MS = 30;

const KEY = { down: '\u001B[B', up: '\u001B[A', pageDown: '\u001B[6~', backspace: '\u007F', enter: '\r', escape: '\u001B', ctrlS: '\u0013' };

/** A terminal's stdin as Ink reads it: `readable`, then `read()`. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  isRaw = false;
  private data: string | null = null;
  setRawMode(raw: boolean) {
    this.isRaw = raw;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  pause() {}
  resume() {}
  read(): string | null {
    const data = this.data;
    this.data = null;
    return data;
  }
  press(key: string) {
    this.data = key;
    this.emit('readable');
  }
}

/** An 80x24 terminal that records when and what is written. */
class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  writes: Array<{ at: number; text: string }> = [];
  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes.push({ at: performance.now(), text });
    return true;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-dialplan-screen-'));
const stdin = new FakeStdin();
const stdout = new FakeStdout();
const pbx = new PbxContext({ dataDir: dir });
let instance: ReturnType<typeof render> | undefined;
try {
  await pbx.store.update((state) => {
    for (let i = 0; i < appCount; i++) state.dialplanApplications.push(sampleApp(i));
  });

  instance = render(createElement(App, { pbx, onQuit: () => undefined, env: {}, initialScreen: 'dialplan' }), {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: anchoredStdout(stdout as unknown as NodeJS.WriteStream),
    stderr: stdout as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    incrementalRendering: true,
    maxFps: 1000,
    patchConsole: false,
  });
  await waitForScreen(/Application 0\b/, 0);
  await waitForScreen(/License: (?!checking)/, 0);
  await settle();

  const moves: number[] = [];
  const pages: number[] = [];
  const query = 'application 12';
  const typing: number[] = [];
  const erasing: number[] = [];
  if (saveOnly) {
    // As an admin would: a few moves to the application to edit.
    for (let i = 0; i < 4; i++) await timeKey(i < 2 ? KEY.down : KEY.up);
  } else {
    for (let i = 0; i < keyCount; i++) moves.push(await timeKey(i < keyCount / 2 ? KEY.down : KEY.up));
    for (let i = 0; i < 20; i++) pages.push(await timeKey(KEY.pageDown));
    await timeKey('/');
    for (const char of query) typing.push(await timeKey(char));
    for (let i = 0; i < query.length; i++) erasing.push(await timeKey(KEY.backspace));
    await timeKey(KEY.escape, 150);
  }

  // Save one edit: open the application under the cursor, change its name, Ctrl-S.
  const opens: number[] = [];
  const saves: number[] = [];
  for (let i = 0; i < (saveOnly ? 20 : 10); i++) {
    await timeKey(KEY.down);
    opens.push(await timeUntil(KEY.enter, /Edit \d+ .*\(DIALPLAN-/));
    await timeKey(' ');
    await timeKey(String(i));
    // The list is back when its footer is (the "Saved" toast may wait behind the last one).
    saves.push(await timeUntil(KEY.ctrlS, /n new\s+Enter edit/));
  }

  // The floor of a save: the operation alone, without the console (lock, read, check, write, fsync).
  const ids = (await pbx.store.read()).dialplanApplications.map((a) => a.uniqid);
  const operation: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await updateApplication(pbx.store, ids[(i * 7919) % ids.length]!, { description: `edited ${i}` });
    operation.push(performance.now() - started);
  }

  const build = process.env[BUNDLED] ? 'the production bundle' : 'the TypeScript source, React development build';
  console.log(`dialplan screen: ${appCount.toLocaleString('en')} applications in the store, the whole console at 80x24, Ink incremental rendering, ${build}`);
  if (!saveOnly) {
    console.log(`key -> updated frame, cursor move (down/up), ${moves.length} keys: ${figures(moves)}   target < 16 ms ${verdict(moves, 16)}`);
    console.log(`key -> updated frame, page down, ${pages.length} keys: ${figures(pages)}`);
    console.log(`key -> updated frame, filter typing "${query}", ${typing.length} keys: ${figures(typing)}`);
    console.log(`key -> updated frame, filter Backspace, ${erasing.length} keys: ${figures(erasing)}`);
  }
  console.log(`Enter -> the edit form drawn, ${opens.length} runs: ${figures(opens)}`);
  console.log(`Ctrl-S -> the list drawn again with the saved row (save one edit), ${saves.length} runs: ${figures(saves)}   target < 50 ms ${verdict(saves, 50)}`);
  console.log(`  of which the save itself (updateApplication, no console), ${operation.length} runs: ${figures(operation)}`);
} finally {
  instance?.unmount();
  await pbx.close();
  await rm(dir, { recursive: true, force: true });
}

/** Press a key and return the time until the last frame write it caused. */
async function timeKey(key: string, quietMs = QUIET_MS): Promise<number> {
  const before = stdout.writes.length;
  const started = performance.now();
  stdin.press(key);
  // Keys held for a split escape sequence (Esc) wait for the console's escape delay.
  await settle(quietMs);
  const took = stdout.writes.length > before ? lastWriteAt() - started : 0;
  await sleep(PAUSE_MS);
  return took;
}

/** Press a key that starts async work; the time until the screen shows `pattern` and settles. */
async function timeUntil(key: string, pattern: RegExp): Promise<number> {
  const from = stdout.writes.length;
  const started = performance.now();
  stdin.press(key);
  await waitForScreen(pattern, from);
  const shown = lastWriteAt() - started;
  await settle();
  const took = lastWriteAt() - started;
  if (process.env.BENCH_DEBUG) console.log(`${JSON.stringify(key)}: pattern after ${shown.toFixed(1)} ms, settled ${took.toFixed(1)} ms`);
  await sleep(PAUSE_MS);
  return took;
}

function lastWriteAt(): number {
  return stdout.writes.at(-1)?.at ?? 0;
}

/** Wait until nothing has been written for `quietMs`. */
async function settle(quietMs = QUIET_MS): Promise<void> {
  for (;;) {
    const count = stdout.writes.length;
    await sleep(quietMs);
    if (stdout.writes.length === count) return;
  }
}

/** Wait until what was written since write number `from` shows `pattern`. */
async function waitForScreen(pattern: RegExp, from: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const written = () =>
    stdout.writes
      .slice(from)
      .map((w) => w.text)
      .join('')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
  while (!pattern.test(written())) {
    if (Date.now() > deadline) throw new Error(`the screen did not show ${String(pattern)}; written since:\n${written().slice(-1500)}`);
    await sleep(5);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sampleApp(i: number): DialplanApplication {
  const bytes = new Uint8Array([(i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff]);
  const php = i % 3 === 0;
  return {
    uniqid: formatDialplanUniqid(bytes),
    name: `Application ${i}`,
    extension: String(3_000_000 + i),
    hint: '',
    type: php ? 'php' : 'plaintext',
    code: php
      ? `<?php\nrequire_once 'phpagi.php';\n$agi = new AGI();\n$agi->answer();\n$agi->say_number(${i});\n$agi->hangup();\n`
      : `1,Answer()\nn,Playback(hello-world)\nn,SayNumber(${i})\nn,Hangup()\n`,
    description: `Sample application number ${i}, made by the benchmark.`,
  };
}

/** ok or OVER TARGET, on the median. */
function verdict(samples: number[], targetMs: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]! < targetMs ? 'ok' : 'OVER TARGET';
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}
