import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

describe('the audit log and read-only mode in the built console', { skip }, () => {
  const sessions: ConsoleSession[] = [];
  const dirs: Array<{ remove: () => Promise<void> }> = [];
  after(async () => {
    for (const s of sessions) s.kill();
    for (const d of dirs) await d.remove();
  });

  /** A PBX where the command line has done a few things. */
  async function pbxWithHistory(): Promise<string> {
    const data = await tempDir();
    dirs.push(data);
    for (const args of [
      ['dialplan', 'add', '--name', 'Night greeting', '--ext', '2200150'],
      ['dialplan', 'add', '--name', 'Clash', '--ext', '201'],
      ['dialplan', 'rm', '2200150', '--yes'],
    ]) {
      await runCli(['--data-dir', data.path, ...args], { env: { PBXMOD_READONLY: '' } });
    }
    return data.path;
  }

  test('80x24: key 5 opens the audit log, newest first, with the entry under the cursor whole; / filters', async () => {
    const dataDir = await pbxWithHistory();
    const s = await startConsole({ columns: 80, rows: 24, args: ['--data-dir', dataDir] });
    sessions.push(s);
    await s.waitFor(/5 Audit/);
    s.press('5');
    const screen = await s.waitFor(/dialplan\.delete/);
    // Table rows have a two-cell gutter (the cursor mark); the detail under the table starts at the edge.
    const rows = screen.split('\n').filter((line) => /^. \d{4}-\d\d-\d\d \d\d:\d\d:\d\d .*dialplan\.(create|delete)/.test(line));
    assert.equal(rows.length, 3, screen);
    assert.match(rows[0]!, /dialplan\.delete .*ok/);
    assert.match(rows[1]!, /dialplan\.create +201 +failed/);
    assert.match(rows[2]!, /dialplan\.create +DIALPLAN-\S+ +ok/);
    for (const line of screen.split('\n')) assert.ok(line.length <= 80);
    // The detail of the row under the cursor (the newest) shows below the table.
    assert.match(screen, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\S+ +dialplan\.delete DIALPLAN-\S+: ok\. 2200150 Night\s+greeting/m);
    s.press('/');
    s.type('failed');
    const filtered = await s.waitFor(/1 of 3/);
    assert.doesNotMatch(filtered, /dialplan\.delete/);
    assert.match(filtered, /busy/);
  });

  test('the audit log at the minimum size, 60x16', async () => {
    const dataDir = await pbxWithHistory();
    const s = await startConsole({ columns: 60, rows: 16, args: ['--data-dir', dataDir] });
    sessions.push(s);
    await s.waitFor(/5 Audit/);
    s.press('5');
    const screen = await s.waitFor(/dialplan\.de/);
    assert.doesNotMatch(screen, /too small/i);
    for (const line of screen.split('\n')) assert.ok(line.length <= 60);
  });

  test('80x24 read-only: the badge stays on every screen, a changing key is refused with a toast, the store is untouched', async () => {
    const dataDir = await pbxWithHistory();
    const before = await readFile(join(dataDir, 'pbx.json'));
    const s = await startConsole({ columns: 80, rows: 24, args: ['--data-dir', dataDir], env: { PBXMOD_READONLY: '1' } });
    sessions.push(s);
    await s.waitFor(/^pbxmod +READ-ONLY +PBX/m);
    s.press('3');
    const list = await s.waitFor(/000064\s+Milliwatt/);
    assert.match(list, /^pbxmod +READ-ONLY/m);
    const footer = list.trimEnd().split('\n').at(-1) ?? '';
    assert.doesNotMatch(footer, /new|delete|copy/, 'changing keys are not offered');
    s.press('n');
    const refused = await s.waitFor(/Read-only: "/);
    assert.match(refused.replace(/\s+/g, ' '), /Read-only: "new" changes something and is off \(--readonly or PBXMOD_READONLY\)\./);
    assert.doesNotMatch(refused, /New dialplan application/);
    s.press('d');
    await s.waitFor(/Read-only: "delete/);
    assert.doesNotMatch(s.screen(), /Delete dialplan application/);
    s.press('5');
    const audit = await s.waitFor(/dialplan\.delete/);
    assert.match(audit, /^pbxmod +READ-ONLY/m);
    s.press('q');
    await s.waitFor(/\[pbxmod exited 0\]/);
    assert.deepEqual(await readFile(join(dataDir, 'pbx.json')), before);
  });
});
