import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPbx, registerPbx, runPbxmod, startService, type TestPbx, type TestService } from './helpers.js';

/** `pbxmod modules ...` and `pbxmod license check` end to end: a real process against a real service. */
describe('pbxmod modules commands', () => {
  let service: TestService;
  let pbx: TestPbx;
  const run = (...args: string[]) => runPbxmod(['--data-dir', pbx.dataDir, '--api', service.url, ...args]);

  before(async () => {
    service = await startService();
    pbx = await newPbx(service.url);
  });
  after(async () => {
    await pbx.cleanup();
    await service.stop();
  });

  it('list on a fresh PBX points to the marketplace', async () => {
    const r = await run('modules', 'list');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /No module is installed\.\nSee what the marketplace offers with `pbxmod modules available`/);
  });

  it('available, install, list, enable, update, info', async () => {
    const available = await run('--json', 'modules', 'available');
    assert.equal(available.code, 0, available.stderr);
    assert.ok(available.json.modules.some((m: { id: string; free: boolean }) => m.id === 'ModuleUsersUI' && !m.free));

    const install = await run('modules', 'install', 'ModuleTemplate', '--release', '1.80');
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stdout, /ModuleTemplate 1\.80 installed \(disabled; enable it with `pbxmod modules enable ModuleTemplate`\)/);
    assert.equal(install.stderr, '', 'no progress without a terminal');

    const list = await run('modules', 'list', '--updates');
    assert.match(list.stdout, /ModuleTemplate\s+1\.80 -> 1\.81\s+disabled\s+Module template/);

    assert.equal((await run('modules', 'enable', 'ModuleTemplate')).stdout.trim(), 'ModuleTemplate is enabled.');

    const update = await run('--json', 'modules', 'update', 'ModuleTemplate');
    assert.equal(update.code, 0, update.stdout);
    assert.equal(update.json.result.module.version, '1.81');
    assert.equal(update.json.result.module.enabled, true);

    const info = await run('modules', 'info', 'ModuleUsersUI');
    assert.match(info.stdout, /Users UI \(ModuleUsersUI\)[\s\S]*paid \(product 127, feature 51\)[\s\S]*Releases:\n  1\.81[\s\S]*EULA:\nEND USER LICENSE AGREEMENT/);
  });

  it('refusals exit non-zero with what to do', async () => {
    const paid = await run('modules', 'install', 'ModuleUsersUI');
    assert.equal(paid.code, 1);
    assert.match(paid.stderr, /The license key to activate the license for the module has not been installed\. ModuleUsersUI is a paid module\.\nRegister the PBX/);

    const json = await run('--json', 'modules', 'install', 'ModuleUsersUI');
    assert.equal(json.code, 1);
    assert.deepEqual([json.json.ok, json.json.error.code], [false, 'license_key_missing']);

    const unknown = await run('modules', 'install', 'ModuleNoSuch');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /The marketplace has no module ModuleNoSuch/);

    const both = await run('modules', 'install', 'ModuleBackup', '--file', '/tmp/x.zip');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either a module id or --file/);

    const missing = await run('modules', 'install', '--file', '/nonexistent/ModuleX.zip');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /There is no file \/nonexistent\/ModuleX\.zip/);

    const notInstalled = await run('modules', 'enable', 'ModuleBackup');
    assert.equal(notInstalled.code, 1);
    assert.match(notInstalled.stderr, /ModuleBackup is not installed\.\nInstalled modules: ModuleTemplate/);
  });

  it('install from a file, remove with confirmation, purge, update --all', async () => {
    const file = await run('modules', 'install', '--file', service.archive('ModuleAutoprovision', '1.40'));
    assert.equal(file.code, 0, file.stderr);
    assert.match(file.stdout, /ModuleAutoprovision 1\.40 installed/);

    const unconfirmed = await run('modules', 'remove', 'ModuleAutoprovision');
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.stderr, /Not confirmed: there is no terminal to ask on\.\nAdd --yes/);

    const all = await run('--json', 'modules', 'update', '--all', '--yes');
    assert.equal(all.code, 0, all.stdout);
    assert.deepEqual(all.json.results.map((r: { id: string; to: string; ok: boolean }) => [r.id, r.to, r.ok]), [['ModuleAutoprovision', '1.45', true]]);

    const removed = await run('modules', 'remove', 'ModuleAutoprovision', '--yes');
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, /ModuleAutoprovision 1\.45 was deleted\. Its settings were kept/);

    const purged = await run('--json', 'modules', 'remove', 'ModuleTemplate', '--purge', '--yes');
    assert.equal(purged.code, 0);
    assert.equal(purged.json.removed.settingsKept, false);
    assert.deepEqual((await run('--json', 'modules', 'list')).json.modules, []);
  });

  it('license check, for cron', async () => {
    const none = await run('license', 'check');
    assert.equal(none.code, 0);
    assert.match(none.stdout, /No enabled paid module/);

    await registerPbx(service, pbx);
    assert.equal((await run('modules', 'install', 'ModuleUsersUI', '--yes')).code, 0);
    assert.equal((await run('modules', 'enable', 'ModuleUsersUI')).code, 0);
    const ok = await run('--json', 'license', 'check');
    assert.equal(ok.code, 0);
    assert.deepEqual(ok.json.checked, ['ModuleUsersUI']);
    assert.deepEqual(ok.json.disabled, []);

    const down = await runPbxmod(['--data-dir', pbx.dataDir, '--api', 'http://127.0.0.1:9', 'license', 'check']);
    assert.equal(down.code, 1);
    assert.match(down.stdout, /Licenses were not checked: No connection to the licensing service/);
  });
});
