import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir } from '../support/cli.js';
import { colourCodes, startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

describe('the built console on real terminals', { skip }, () => {
  const sessions: ConsoleSession[] = [];
  const dirs: Array<{ remove: () => Promise<void> }> = [];
  after(async () => {
    for (const s of sessions) s.kill();
    for (const d of dirs) await d.remove();
  });
  async function open(options: Parameters<typeof startConsole>[0]) {
    const dir = await tempDir();
    dirs.push(dir);
    const session = await startConsole({ ...options, args: ['--data-dir', dir.path, ...(options.args ?? [])] });
    sessions.push(session);
    return session;
  }

  test('80x24: the frame, the help screen and q', async () => {
    const s = await open({ columns: 80, rows: 24 });
    const screen = await s.waitFor(/Marketplace/);
    assert.match(screen, /Session/);
    s.press('?');
    await s.waitFor(/closes this help/);
    s.press('Escape');
    await s.waitForGone(/closes this help/);
    s.press('q');
    await waitUntil(() => !s.alive());
    assert.equal(s.exitStatus(), 0);
  });

  test('a terminal below the minimum says so, and q still quits', async () => {
    const s = await open({ columns: 40, rows: 10 });
    await s.waitFor(/too small/i);
    s.press('q');
    await waitUntil(() => !s.alive());
  });

  test('NO_COLOR and --ascii draw without colour and without Unicode', async () => {
    const s = await open({ columns: 80, rows: 24, env: { NO_COLOR: '1' }, args: ['--ascii'] });
    const screen = await s.waitFor(/not registered/);
    assert.ok(/^[\x20-\x7e\n]*$/.test(screen), `non-ASCII on screen:\n${screen}`);
    // Colours only show in a capture with escapes (plain-terminals.test.ts walks every screen).
    assert.deepEqual(colourCodes(s.screenWithEscapes()), []);
  });

  test('with stdin not a terminal it names the command-line form instead of crashing', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const result = await runCli(['--data-dir', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /terminal/i);
    assert.match(result.stderr, /pbxmod (--help|license)/);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
