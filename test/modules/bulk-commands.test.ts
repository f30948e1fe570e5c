import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registerPbx, runPbxmod, serviceWithPbxes } from './helpers.js';

const UNREACHABLE = 'http://127.0.0.1:9';

type Result = { id: string; ok: boolean; error?: { code: string } };

/**
 * `pbxmod modules enable|disable|update|remove ID...`, safe mode (`disable --all`, `restore`)
 * and the install / roll back / update-all confirmations: real processes, a real service on
 * loopback, a real store file.
 */
describe('pbxmod modules on several modules at once', () => {
  const set = serviceWithPbxes();

  it('several ids: each is done in turn, a bad one is reported and the others go on; exit 1', async () => {
    const pbx = await set.pbx();
    const run = (...args: string[]) => runPbxmod(['--data-dir', pbx.dataDir, '--api', set.service.url, ...args]);
    for (const id of ['ModuleTemplate', 'ModuleBackup']) assert.equal((await run('modules', 'install', id)).code, 0);

    const text = await run('modules', 'enable', 'ModuleTemplate', 'ModuleNoSuch', 'ModuleBackup');
    assert.equal(text.code, 1, 'one failed');
    assert.equal(
      text.stdout,
      'ModuleTemplate is enabled.\nModuleNoSuch FAILED: ModuleNoSuch is not installed. Installed modules: ModuleTemplate, ModuleBackup.\nModuleBackup is enabled.\n2 done, 1 failed.\n',
    );
    const listed = await run('--json', 'modules', 'list');
    assert.deepEqual(listed.json.modules.map((m: { id: string; enabled: boolean }) => [m.id, m.enabled]), [['ModuleTemplate', true], ['ModuleBackup', true]]);

    const json = await run('--json', 'modules', 'disable', 'ModuleBackup', 'ModuleNoSuch', 'ModuleTemplate');
    assert.equal(json.code, 1);
    assert.equal(json.json.ok, false);
    assert.deepEqual(json.json.results.map((r: Result) => [r.id, r.ok, r.error?.code ?? null]), [['ModuleBackup', true, null], ['ModuleNoSuch', false, 'module_not_installed'], ['ModuleTemplate', true, null]]);

    // Each action of the run is in the audit log, the failed one too.
    const audit = (await pbx.ctx.store.read()).audit.filter((e) => e.action === 'module.disable').map((e) => [e.target, e.outcome]);
    assert.deepEqual(audit, [['ModuleBackup', 'ok'], ['ModuleNoSuch', 'failed'], ['ModuleTemplate', 'ok']]);

    const none = await run('modules', 'enable');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Which modules\? Give one or more ids\.\nExample: pbxmod modules enable ModuleBackup ModuleTemplate/);

    const removeAll = await run('modules', 'remove', 'ModuleTemplate', 'ModuleBackup', '--yes');
    assert.equal(removeAll.code, 0, removeAll.stderr);
    assert.match(removeAll.stdout, /ModuleTemplate 1\.81 was deleted\. Its settings were kept[^\n]*\nModuleBackup 1\.76 was deleted\.[^\n]*\n2 done, 0 failed\./);
  });

  it('disable --all works with the service unreachable, and restore enables exactly those again, capturing the paid seat', async () => {
    const pbx = await set.pbx();
    const key = await registerPbx(set.service, pbx);
    const run = (api: string, ...args: string[]) => runPbxmod(['--data-dir', pbx.dataDir, '--api', api, ...args]);
    const url = set.service.url;
    for (const id of ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']) assert.equal((await run(url, 'modules', 'install', id)).code, 0);
    assert.equal((await run(url, 'modules', 'install', 'ModuleUsersUI', '--yes')).code, 0);
    assert.equal((await run(url, 'modules', 'enable', 'ModuleTemplate', 'ModuleUsersUI', 'ModuleAutoprovision')).code, 0);
    const { hostId } = await pbx.ctx.hostIdentity();

    const safe = await run(UNREACHABLE, 'modules', 'disable', '--all');
    assert.equal(safe.code, 0, safe.stderr);
    assert.equal(safe.stdout, 'Safe mode: disabled ModuleTemplate, ModuleAutoprovision, ModuleUsersUI. `pbxmod modules restore` enables exactly these again.\n');
    const offline = await run(UNREACHABLE, '--json', 'modules', 'list');
    assert.equal(offline.code, 0, 'the list needs no service');
    assert.ok(offline.json.modules.every((m: { enabled: boolean; disabledReason: string }) => !m.enabled && (m.disabledReason === 'DisabledByUser' || m.disabledReason === null)));
    assert.deepEqual((await pbx.ctx.store.read()).settings.safeMode?.modules, ['ModuleTemplate', 'ModuleAutoprovision', 'ModuleUsersUI']);

    // A module enabled in safe mode is not the administrator's old state: restore leaves it as it is.
    assert.equal((await run(UNREACHABLE, 'modules', 'enable', 'ModuleBackup')).code, 0);
    assert.equal((await run(UNREACHABLE, 'modules', 'disable', 'ModuleBackup')).code, 0);
    // The seat went while the PBX was in safe mode: restore must take it again.
    await set.service.client.dropBindings(key, { hostId });

    const restored = await run(url, '--json', 'modules', 'restore');
    assert.equal(restored.code, 0, restored.stdout);
    assert.deepEqual(restored.json.results.map((r: Result) => [r.id, r.ok]), [['ModuleTemplate', true], ['ModuleAutoprovision', true], ['ModuleUsersUI', true]]);
    assert.equal(restored.json.safeMode, null, 'forgotten');
    const state = await pbx.ctx.store.read();
    assert.deepEqual(state.modules.map((m) => [m.id, m.enabled]), [['ModuleTemplate', true], ['ModuleBackup', false], ['ModuleAutoprovision', true], ['ModuleUsersUI', true]]);
    const hosts = await set.service.client.sessions(key);
    assert.ok(hosts.some((h) => h.hostId === hostId && h.bindings.some((b) => b.featureId === 51)), 'ModuleUsersUI captured feature 51 again');

    const again = await run(url, 'modules', 'restore');
    assert.equal(again.code, 0);
    assert.equal(again.stdout, 'Safe mode remembers no module: nothing to restore.\n');
    const actions = state.audit.map((e) => e.action);
    assert.ok(actions.includes('modules.safe-mode') && actions.includes('modules.restore'), 'safe mode and restore are audited');

    const withIds = await run(url, 'modules', 'disable', '--all', 'ModuleTemplate');
    assert.equal(withIds.code, 2);
    assert.match(withIds.stderr, /--all disables every enabled module; give no ids with it\./);
  });

  it('install of a paid module, a roll back and update --all ask first; --yes answers for a script', async () => {
    const pbx = await set.pbx();
    await registerPbx(set.service, pbx);
    const run = (...args: string[]) => runPbxmod(['--data-dir', pbx.dataDir, '--api', set.service.url, ...args]);

    const paid = await run('modules', 'install', 'ModuleUsersUI');
    assert.equal(paid.code, 1);
    assert.match(paid.stderr, /Install ModuleUsersUI 1\.81\? A paid module: a 14-day trial of its license starts on your key if it has none yet\. Accept the license agreement above and install\? Not confirmed: there is no terminal to ask on\.\nAdd --yes/);
    assert.deepEqual((await pbx.ctx.store.read()).modules, [], 'nothing installed');

    assert.equal((await run('modules', 'install', 'ModuleTemplate')).code, 0, 'a free module without an agreement installs unasked');
    const rollback = await run('modules', 'update', 'ModuleTemplate', '--release', '1.80');
    assert.equal(rollback.code, 1);
    assert.match(rollback.stderr, /Roll ModuleTemplate back\? From 1\.81 to 1\.80: the older release replaces the installed one; its settings are kept\./);
    assert.equal((await run('--json', 'modules', 'update', 'ModuleTemplate', '--release', '1.80', '--yes')).json.result.module.version, '1.80');

    const all = await run('modules', 'update', '--all');
    assert.equal(all.code, 1);
    assert.match(all.stderr, /Update 1 module\?\n  ModuleTemplate 1\.80 -> 1\.81\n/);
    const yes = await run('modules', 'update', '--all', '--yes');
    assert.equal(yes.code, 0, yes.stderr);
    assert.equal(yes.stdout, 'ModuleTemplate: 1.80 -> 1.81\nChanged: ModuleTemplate 1.81.\n');

    const many = await run('modules', 'update', 'ModuleTemplate', 'ModuleBackup', '--release', '1.80');
    assert.equal(many.code, 2);
    assert.match(many.stderr, /--release goes with one module only\./);
  });

  it('the Russian catalog says the same', async () => {
    const pbx = await set.pbx();
    const run = (...args: string[]) => runPbxmod(['--lang', 'ru', '--data-dir', pbx.dataDir, '--api', set.service.url, ...args]);
    assert.equal((await run('modules', 'install', 'ModuleTemplate')).code, 0);
    const enabled = await run('modules', 'enable', 'ModuleTemplate', 'ModuleNoSuch');
    assert.equal(enabled.code, 1);
    assert.match(enabled.stdout, /^ModuleTemplate включён\.\nModuleNoSuch ОШИБКА: .*\nВыполнено: 1, с ошибкой: 1\.\n$/);
    const safe = await runPbxmod(['--lang', 'ru', '--data-dir', pbx.dataDir, '--api', UNREACHABLE, 'modules', 'disable', '--all']);
    assert.match(safe.stdout, /Безопасный режим: отключены ModuleTemplate\./);
  });
});
