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
    const rows = screen.split('\n').filter((line) => /^. \d{4}-\d\d-\d\d \d\d:\d\d:\d\d .*(add|delete) application/.test(line));
    assert.equal(rows.length, 3, screen);
    assert.match(rows[0]!, /delete application .*ok/);
    assert.match(rows[1]!, /add application +201 +failed/);
    assert.match(rows[2]!, /add application +DIALPLAN-\S+ +ok/);
    for (const line of screen.split('\n')) assert.ok(line.length <= 80);
    // The detail of the row under the cursor (the newest) shows below the table, the action's code with its words.
    assert.match(screen, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\S+ +delete application \(dialplan\.delete\)\s+DIALPLAN-\S+:\s+ok\.\s+2200150 Night\s+greeting/m);
    s.press('/');
    s.type('failed');
    const filtered = await s.waitFor(/1 of 3/);
    assert.doesNotMatch(filtered, /delete application/);
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

  /** The detail under the table: from the line of the entry's time to the line of how the log is kept. */
  const detailOf = (screen: string, end: RegExp) => {
    const lines = screen.split('\n');
    const from = lines.findIndex((l) => /^\d{4}-\d\d-\d\d /.test(l));
    const to = lines.findIndex((l) => end.test(l));
    return lines.slice(from, to);
  };

  for (const [columns, rows] of [[80, 24], [60, 16]] as const) {
    test(`in Russian at ${columns}x${rows}: actions, outcomes and details in Russian, whole words, the action's code kept`, async () => {
      const dataDir = await pbxWithHistory();
      const s = await startConsole({ columns, rows, args: ['--data-dir', dataDir, '--lang', 'ru'] });
      sessions.push(s);
      await s.waitFor(/5 Аудит/);
      s.press('5');
      const screen = await s.waitFor(/\(dialplan\.delete\)/);
      for (const line of screen.split('\n')) assert.ok(line.length <= columns, `fits ${columns} columns: ${line}`);
      assert.match(screen, /успешно/);
      assert.match(screen, /ошибка/);
      assert.doesNotMatch(screen, /\bok\b|\bfailed\b/);
      // The newest entry, whole: its words wrap at spaces, none is cut; its code stays.
      const detail = detailOf(screen, /^Сначала новые/);
      const joined = detail.map((l) => l.trim()).filter(Boolean).join(' ');
      assert.match(joined, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ удаление приложения \(dialplan\.delete\) DIALPLAN-\S+: успешно\. 2200150 Night greeting \(php\)$/);
      for (const line of detail) assert.doesNotMatch(line, /…/, `not cut: ${line}`);
      assert.match(screen, /^Сначала новые; сверх 2000 старые уходят в audit\.1\.jsonl\.$/m);
      // The failed add: the reason in Russian.
      s.press('j');
      const failed = await s.waitFor(/\(dialplan\.create\) 201|\(dialplan\.create\)\s+201/);
      const failedDetail = detailOf(failed, /^Сначала новые/).map((l) => l.trim()).filter(Boolean).join(' ');
      assert.match(failedDetail, /добавление приложения \(dialplan\.create\) 201: ошибка\. Номер 201 занят: его использует/);
    });
  }

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
    const refused = await s.waitFor(/Read-only mode: "/);
    // One line at 80 columns, whole.
    assert.match(refused, /Read-only mode: "new" is off\. *$/m);
    assert.doesNotMatch(refused, /New dialplan application/);
    s.press('d');
    await s.waitFor(/Read-only mode: "delete/);
    assert.doesNotMatch(s.screen(), /Delete dialplan application/);
    s.press('5');
    const audit = await s.waitFor(/dialplan\.delete/);
    assert.match(audit, /^pbxmod +READ-ONLY/m);
    s.press('q');
    await s.waitFor(/\[pbxmod exited 0\]/);
    assert.deepEqual(await readFile(join(dataDir, 'pbx.json')), before);
  });
});
