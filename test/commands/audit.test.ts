import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAudit, openPbxStore } from '../../src/store/pbx-store.js';
import { AUDIT_KEPT_AFTER_ROTATION, AUDIT_LIMIT } from '../../src/store/audit-log.js';
import { runCli, tempDir } from '../support/cli.js';
import { textWidth } from '../../src/domain/text-cells.js';

let dir: { path: string; remove: () => Promise<void> };
const pbxmod = (dataDir: string, args: string[]) => runCli(['--data-dir', dataDir, ...args], { env: { PBXMOD_READONLY: '' } });

before(async () => {
  dir = await tempDir('pbxmod-audit-');
});
after(() => dir.remove());

async function ok(dataDir: string, args: string[]): Promise<void> {
  const r = await pbxmod(dataDir, args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

describe('pbxmod audit', () => {
  test('lists what was done, newest first, and filters by --action and --since', async () => {
    const dataDir = join(dir.path, 'actions');
    // An entry from last week, to be left out by --since.
    await openPbxStore(dataDir).update((s) => appendAudit(s, { action: 'dialplan.create', target: 'OLD', outcome: 'ok', at: new Date(Date.now() - 7 * 86_400_000).toISOString() }));
    await ok(dataDir, ['dialplan', 'add', '--name', 'Night line', '--ext', '2200150']);
    await ok(dataDir, ['modules', 'install', 'ModuleBackup']);
    await ok(dataDir, ['modules', 'enable', 'ModuleBackup']);
    await ok(dataDir, ['dialplan', 'rm', '2200150', '--yes']);

    const all = await pbxmod(dataDir, ['--json', 'audit']);
    assert.equal(all.code, 0, all.stderr);
    const actions = all.json.entries.map((e: { action: string }) => e.action);
    assert.deepEqual(actions, ['dialplan.delete', 'module.enable', 'module.install', 'dialplan.create', 'dialplan.create']);
    const times = all.json.entries.map((e: { at: string }) => Date.parse(e.at));
    assert.deepEqual([...times].sort((a, b) => b - a), times, 'newest first');
    for (const e of all.json.entries) {
      assert.equal(e.outcome, 'ok');
      assert.ok(e.who.length > 0);
    }

    const modules = await pbxmod(dataDir, ['--json', 'audit', '--action', 'module']);
    assert.deepEqual(modules.json.entries.map((e: { action: string }) => e.action), ['module.enable', 'module.install']);
    const enable = await pbxmod(dataDir, ['--json', 'audit', '--action', 'enable']);
    assert.deepEqual(enable.json.entries.map((e: { target: string }) => e.target), ['ModuleBackup']);

    const recent = await pbxmod(dataDir, ['--json', 'audit', '--since', '1d', '--action', 'dialplan.create']);
    assert.equal(recent.json.entries.length, 1);
    assert.notEqual(recent.json.entries[0].target, 'OLD');
    const sinceDate = await pbxmod(dataDir, ['--json', 'audit', '--since', new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)]);
    assert.equal(sinceDate.json.entries.length, 5);

    const text = await pbxmod(dataDir, ['audit']);
    const lines = text.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^WHEN +WHO +ACTION +TARGET +OUTCOME +DETAIL$/);
    assert.match(lines[1]!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\S+ +dialplan\.delete +/);
    for (const line of lines) assert.ok(textWidth(line) <= 80, `fits 80 columns: ${line}`);

    const none = await pbxmod(dataDir, ['audit', '--action', 'license']);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /No audit entry matches\. Actions in the log: dialplan\.create, dialplan\.delete, module\.enable, module\.install\./);
  });

  test('--lang ru words the details and outcomes in Russian, in text and in --json; an older entry is shown as it was', async () => {
    const dataDir = join(dir.path, 'russian');
    await openPbxStore(dataDir).update((s) => appendAudit(s, { action: 'module.enable', target: 'ModuleOld', outcome: 'ok', detail: 'written by an older version' }));
    await ok(dataDir, ['dialplan', 'add', '--name', 'Night line', '--ext', '2200150']);
    await ok(dataDir, ['modules', 'install', 'ModuleBackup']);
    const refused = await pbxmod(dataDir, ['modules', 'enable', 'ModuleNowhere']);
    assert.notEqual(refused.code, 0);

    const json = await pbxmod(dataDir, ['--lang', 'ru', '--json', 'audit']);
    assert.equal(json.code, 0, json.stderr);
    const [failed, installed, created, old] = json.json.entries;
    // The stored fields as they are (the English detail, the reason), plus the words in Russian.
    assert.deepEqual([failed.action, failed.outcome, failed.detailReason.kind, failed.detailReason.id], ['module.enable', 'failed', 'error', 'module_not_installed']);
    assert.equal(failed.detail, 'ModuleNowhere is not installed.');
    assert.equal(failed.message, 'Модуль ModuleNowhere не установлен.');
    assert.equal(failed.actionText, 'включение модуля');
    assert.equal(installed.detailReason.id, 'installed');
    assert.match(installed.message, /^ModuleBackup \d+\.\d+/);
    assert.equal(created.message, '2200150 Night line (php)');
    assert.equal(created.actionText, 'добавление приложения');
    assert.deepEqual([old.detail, old.message, old.detailReason], ['written by an older version', 'written by an older version', undefined]);

    const text = await pbxmod(dataDir, ['--lang', 'ru', '--wide', 'audit']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^КОГДА +КТО +ДЕЙСТВИЕ +ОБЪЕКТ +ИТОГ +ПОДРОБНОСТИ$/);
    assert.match(lines[1]!, /module\.enable +ModuleNowhere +ошибка +Модуль ModuleNowhere не установлен\.$/);
    assert.match(lines[2]!, /module\.install +ModuleBackup +успешно +ModuleBackup \d/);
    assert.match(text.stdout, /dialplan\.create +\S+ +успешно +2200150 Night line \(php\)/);
    assert.match(text.stdout, /written by an older version/);

    const english = await pbxmod(dataDir, ['--lang', 'en', '--wide', 'audit']);
    assert.match(english.stdout, /module\.enable +ModuleNowhere +failed +ModuleNowhere is not installed\./);
  });

  test('a bad --since is refused with what to give, exit 2', async () => {
    const r = await pbxmod(join(dir.path, 'bad-since'), ['audit', '--since', 'yesterday']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--since must be a date or a duration; got "yesterday"\.\nGive a date like 2026-12-01/);
  });

  test('a full license key never lands in the log, even from a failed action', async () => {
    const dataDir = join(dir.path, 'key');
    const key = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
    const r = await pbxmod(dataDir, ['license', 'set-key', key]);
    assert.notEqual(r.code, 0, 'the service does not know this key');
    const audit = await pbxmod(dataDir, ['--json', 'audit']);
    assert.equal(audit.json.entries[0].action, 'license.set-key');
    assert.equal(audit.json.entries[0].outcome, 'failed');
    assert.doesNotMatch(await readFile(join(dataDir, 'pbx.json'), 'utf8'), /ABCDE-FGHIJ/);
    assert.match(audit.json.entries[0].target, /^MIKO-\*{5}-\*{5}-\*{5}-PQRST$/);
  });

  test('past its limit the store moves its oldest entries to audit.1.jsonl, and pbxmod audit still reads them', async () => {
    const dataDir = join(dir.path, 'rotation');
    await openPbxStore(dataDir).update((s) => {
      for (let i = 0; i < AUDIT_LIMIT; i++) appendAudit(s, { action: 'test.seed', target: String(i), outcome: 'ok', who: 'seed', at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() });
    });
    await ok(dataDir, ['dialplan', 'add', '--name', 'One more']);
    const state = JSON.parse(await readFile(join(dataDir, 'pbx.json'), 'utf8')) as { audit: { target?: string }[] };
    assert.equal(state.audit.length, AUDIT_KEPT_AFTER_ROTATION, 'the store is back within its bound');
    const rotated = (await readFile(join(dataDir, 'audit.1.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { target: string });
    assert.equal(rotated.length, AUDIT_LIMIT + 1 - AUDIT_KEPT_AFTER_ROTATION);
    assert.equal(rotated[0]!.target, '0', 'the oldest moved, in order');
    const audit = await pbxmod(dataDir, ['--json', 'audit']);
    assert.equal(audit.json.entries.length, AUDIT_LIMIT + 1, 'nothing was dropped');
    assert.equal(audit.json.entries[0].action, 'dialplan.create');
    assert.equal(audit.json.entries.at(-1).target, '0');
  });
});
