import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LicenseError } from '../../src/domain/license-codes.js';
import { PbxContext } from '../../src/pbx-context.js';
import type { ModuleProgress } from '../../src/modules/context.js';
import { DownloadError, ModuleError } from '../../src/modules/errors.js';
import { checkUpdates, listAvailable, listInstalled, moduleInfo } from '../../src/modules/catalog.js';
import { installFromMarketplace, updateAll, updateModule } from '../../src/modules/install.js';
import { disableModule, enableModule } from '../../src/modules/lifecycle.js';
import { checkLicenses, startLicenseChecks } from '../../src/modules/license-check.js';
import { listDir, registerPbx, serviceWithPbxes, snapshot, startProxy } from './helpers.js';

const otherHost = (name: string) => ({ hostId: `host-${name}`, user: 'root', host: name, db: '/cf/conf/mikopbx.db', net: '02:00:00:00:00:99', proc: 4242 });

describe('modules from the marketplace (real licensing service)', () => {
  const bed = serviceWithPbxes();
  const { pbx } = bed;

  it('the marketplace hides modules this PBX is too old for and marks what is installed', async () => {
    const p = await pbx();
    const available = await listAvailable(p.ctx);
    const ids = available.map((m) => m.id);
    assert.ok(ids.includes('ModuleTemplate') && ids.includes('ModuleUsersUI'));
    assert.ok(!ids.includes('ModuleJapaneseLanguagePack'), 'needs MikoPBX 2026.2.20');
    assert.equal(available.find((m) => m.id === 'ModuleUsersUI')?.version, '1.81', '1.90 needs 2026.1.1');
    await installFromMarketplace(p.ctx, 'ModuleTemplate', { release: '1.80' });
    const after = await listAvailable(p.ctx);
    const template = after.find((m) => m.id === 'ModuleTemplate');
    assert.equal(template?.installedVersion, '1.80');
    assert.equal(template?.updateAvailable, true);
    assert.deepEqual(await checkUpdates(p.ctx), [{ id: 'ModuleTemplate', installedVersion: '1.80', latestVersion: '1.81' }]);
    const info = await moduleInfo(p.ctx, 'ModuleUsersUI');
    assert.deepEqual(info.details?.releases.map((r) => r.version), ['1.81', '1.80']);
    assert.match(info.details?.eula ?? '', /END USER LICENSE AGREEMENT/);
    assert.match(info.details?.releases[0]?.changelog ?? '', /recordings/);
    await assert.rejects(moduleInfo(p.ctx, 'ModuleNoSuch'), (e: unknown) => e instanceof ModuleError && e.code === 'module_not_in_catalog');
  });

  it('installs the newest release through every stage, disabled, with the catalog name', async () => {
    const p = await pbx();
    const stages: ModuleProgress[] = [];
    const result = await installFromMarketplace(p.ctx, 'ModuleBackup', { onProgress: (s) => stages.push(s) });
    assert.equal(result.action, 'installed');
    assert.equal(result.module.version, '1.76');
    assert.equal(result.module.enabled, false);
    assert.equal(result.module.name, 'Backup');
    const order = [...new Set(stages.map((s) => s.stage))];
    assert.deepEqual(order, ['link', 'download', 'verify', 'extract', 'install']);
    const lastDownload = stages.filter((s) => s.stage === 'download').at(-1);
    assert.equal(lastDownload?.bytes, lastDownload?.total);
    const manifest = JSON.parse(await readFile(join(p.dataDir, 'modules/ModuleBackup/module.json'), 'utf8'));
    assert.equal(manifest.version, '1.76');
    assert.deepEqual(await listDir(join(p.dataDir, 'module-staging')), []);
    const audit = (await p.ctx.store.read()).audit.at(-1);
    assert.deepEqual([audit?.action, audit?.target, audit?.outcome], ['module.install', 'ModuleBackup', 'ok']);
  });

  it('updates to the newest release and rolls back to any other; an enabled module stays enabled with its settings', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate', { release: '1.80' });
    await enableModule(p.ctx, 'ModuleTemplate');
    const db = join(p.dataDir, 'modules/ModuleTemplate/db/module.db');
    await writeFile(db, 'the admin\'s own settings');

    const updated = await updateModule(p.ctx, 'ModuleTemplate');
    assert.equal(updated.action, 'updated');
    assert.equal(updated.previousVersion, '1.80');
    assert.equal(updated.module.version, '1.81');
    assert.equal(updated.module.enabled, true);
    assert.equal(await readFile(db, 'utf8'), 'the admin\'s own settings');
    assert.match(await readFile(join(p.dataDir, 'modules/ModuleTemplate/Lib/ModuleTemplateConf.php'), 'utf8'), /VERSION = '1\.81'/);

    const same = await updateModule(p.ctx, 'ModuleTemplate');
    assert.equal(same.action, 'unchanged');

    const rolledBack = await updateModule(p.ctx, 'ModuleTemplate', { release: '1.80' });
    assert.equal(rolledBack.module.version, '1.80');
    assert.equal(rolledBack.module.enabled, true);
    assert.equal(await readFile(db, 'utf8'), 'the admin\'s own settings');

    await assert.rejects(updateModule(p.ctx, 'ModuleTemplate', { release: '9.9' }), (e: unknown) => e instanceof ModuleError && e.code === 'release_not_found' && /Releases on offer: 1\.81, 1\.80/.test(e.hint ?? ''));
    await assert.rejects(updateModule(p.ctx, 'ModuleBackup'), (e: unknown) => e instanceof ModuleError && e.code === 'module_not_installed');
  });

  it('updates every module with a newer release, a disabled one staying disabled', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate', { release: '1.80' });
    await installFromMarketplace(p.ctx, 'ModuleAutoprovision', { release: '1.40' });
    await installFromMarketplace(p.ctx, 'ModuleBackup');
    await enableModule(p.ctx, 'ModuleTemplate');
    const results = await updateAll(p.ctx);
    assert.deepEqual(
      results.map((r) => [r.id, r.from, r.to, r.ok]),
      [
        ['ModuleTemplate', '1.80', '1.81', true],
        ['ModuleAutoprovision', '1.40', '1.45', true],
      ],
    );
    const installed = await listInstalled(p.ctx);
    assert.deepEqual(installed.map((m) => [m.id, m.version, m.enabled]), [
      ['ModuleTemplate', '1.81', true],
      ['ModuleAutoprovision', '1.45', false],
      ['ModuleBackup', '1.76', false],
    ]);
    assert.deepEqual(await updateAll(p.ctx), []);
  });

  it('a paid module needs a saved license key', async () => {
    const p = await pbx();
    const stages: string[] = [];
    await assert.rejects(installFromMarketplace(p.ctx, 'ModuleUsersUI', { onProgress: (s) => stages.push(s.stage) }), (e: unknown) => {
      assert.ok(e instanceof ModuleError);
      assert.equal(e.code, 'license_key_missing');
      assert.match(e.message, /The license key to activate the license for the module has not been installed/);
      return true;
    });
    assert.deepEqual(stages, []);
    assert.deepEqual(await listDir(join(p.dataDir, 'modules')), []);
  });

  it('a paid module gets its product trial on first install, and enabling it binds the seat', async () => {
    const p = await pbx();
    const key = await registerPbx(bed.service, p);
    const stages: string[] = [];
    const result = await installFromMarketplace(p.ctx, 'ModuleUsersUI', { onProgress: (s) => stages.push(s.stage) });
    assert.equal(stages[0], 'license');
    assert.equal(result.module.licFeatureId, 51);
    const info = await bed.service.client.licenseInfo(key);
    const product = info.products.find((x) => x.productId === 127);
    assert.ok(product?.trial, 'the 14-day product trial was added');
    const enabled = await enableModule(p.ctx, 'ModuleUsersUI');
    assert.equal(enabled.enabled, true);
    const { hostId } = await p.ctx.hostIdentity();
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, true);
    const saved = JSON.stringify(await p.ctx.store.read());
    assert.ok(!saved.includes(`"detail":"${key}`) && !(await p.ctx.store.read()).audit.some((a) => JSON.stringify(a).includes(key)), 'the audit log never holds the key');
  });

  it('with no free seat (2008) the install is refused, and enabling keeps the module disabled by license', async () => {
    const p = await pbx();
    const key = await registerPbx(bed.service, p);
    await bed.service.client.addTrial(key, 31);
    // Another PBX with the same key holds the only seat of Bitrix24 integration (feature 41).
    await bed.service.client.captureFeature(key, 41, otherHost('pbx-office-2'));
    await assert.rejects(installFromMarketplace(p.ctx, 'ModuleBitrix24Integration'), (e: unknown) => {
      assert.ok(e instanceof LicenseError);
      assert.equal(e.code, 2008);
      assert.match(e.hint ?? '', /session monitor/);
      return true;
    });
    assert.deepEqual(await listDir(join(p.dataDir, 'modules')), []);
    assert.deepEqual((await p.ctx.store.read()).modules, []);

    // Installed while the seat was free, then taken elsewhere: enabling fails and says why.
    await bed.service.client.dropBindings(key, { hostId: 'host-pbx-office-2' });
    await installFromMarketplace(p.ctx, 'ModuleBitrix24Integration');
    const { hostId } = await p.ctx.hostIdentity();
    await bed.service.client.releaseFeature(key, 41, hostId);
    await bed.service.client.captureFeature(key, 41, otherHost('pbx-office-3'));
    await assert.rejects(enableModule(p.ctx, 'ModuleBitrix24Integration'), (e: unknown) => e instanceof LicenseError && e.code === 2008);
    const module = (await listInstalled(p.ctx)).find((m) => m.id === 'ModuleBitrix24Integration');
    assert.equal(module?.enabled, false);
    assert.equal(module?.disabledReason, 'DisabledByLicense');
    assert.match(module?.disabledReasonText ?? '', /bound to another host: pbx-office-3/);
    await bed.service.client.dropBindings(key, { hostId: 'host-pbx-office-3' });
  });

  it('a binding dropped in the session monitor: the license check disables the module until it is enabled again', async () => {
    const p = await pbx();
    const key = await registerPbx(bed.service, p);
    await installFromMarketplace(p.ctx, 'ModuleUsersUI');
    await enableModule(p.ctx, 'ModuleUsersUI');
    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    await enableModule(p.ctx, 'ModuleTemplate');
    const { hostId } = await p.ctx.hostIdentity();

    assert.deepEqual(await checkLicenses(p.ctx), { checked: ['ModuleUsersUI'], disabled: [], unreachable: null });

    // The admin drops this PBX's bindings: the next check disables the paid module, crossed-out key.
    assert.ok((await bed.service.client.dropBindings(key, { hostId })) >= 1);
    const result = await checkLicenses(p.ctx);
    assert.deepEqual(result.disabled.map((d) => d.id), ['ModuleUsersUI']);
    const read = async (id: string) => (await p.ctx.store.read()).modules.find((m) => m.id === id);
    assert.equal((await read('ModuleUsersUI'))?.enabled, false);
    assert.equal((await read('ModuleUsersUI'))?.disabledReason, 'DisabledByLicense');
    assert.match((await read('ModuleUsersUI'))?.disabledReasonText ?? '', /dropped in the session monitor/);
    assert.equal((await read('ModuleTemplate'))?.enabled, true, 'a free module is not touched');
    assert.equal((await p.ctx.store.read()).audit.at(-1)?.action, 'module.license-check');
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, false, 'the check did not take the seat back');

    // Disabled modules are not re-enabled by a later check; enabling by hand captures the seat again.
    assert.deepEqual(await checkLicenses(p.ctx), { checked: [], disabled: [], unreachable: null });
    await enableModule(p.ctx, 'ModuleUsersUI');
    assert.equal((await read('ModuleUsersUI'))?.enabled, true);
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, true);

    // A seat that lapsed without a drop (the PBX was off) is taken back quietly by the check.
    await bed.service.client.releaseFeature(key, 51, hostId);
    assert.deepEqual((await checkLicenses(p.ctx)).disabled, []);
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, true);

    // Lapsed and taken by another PBX meanwhile: disabled with the service's words.
    await bed.service.client.releaseFeature(key, 51, hostId);
    await bed.service.client.captureFeature(key, 51, otherHost('pbx-moved'));
    assert.deepEqual((await checkLicenses(p.ctx)).disabled.map((d) => d.id), ['ModuleUsersUI']);
    assert.match((await read('ModuleUsersUI'))?.disabledReasonText ?? '', /pbx-moved/);
    await bed.service.client.dropBindings(key, { hostId: 'host-pbx-moved' });
  });

  it('the hourly license check runs on its schedule and reports what it disabled', async () => {
    const p = await pbx();
    const key = await registerPbx(bed.service, p);
    await installFromMarketplace(p.ctx, 'ModuleUsersUI');
    await enableModule(p.ctx, 'ModuleUsersUI');
    const { hostId } = await p.ctx.hostIdentity();
    await bed.service.client.dropBindings(key, { hostId });
    await bed.service.client.captureFeature(key, 51, otherHost('pbx-elsewhere'));
    const changed = await new Promise<string[]>((resolve, reject) => {
      const stop = startLicenseChecks(p.ctx, {
        intervalMs: 50,
        jitterMs: 20,
        onChange: (r) => {
          stop();
          resolve(r.disabled.map((d) => d.id));
        },
        onError: (e) => {
          stop();
          reject(e);
        },
      });
    });
    assert.deepEqual(changed, ['ModuleUsersUI']);
    await bed.service.client.dropBindings(key, { hostId: 'host-pbx-elsewhere' });
  });

  it('a download cut off mid-body fails the update and leaves the previous version exactly as it was', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleBackup', { release: '1.75' });
    await enableModule(p.ctx, 'ModuleBackup');
    const files = await snapshot(join(p.dataDir, 'modules'));
    const modules = JSON.stringify((await p.ctx.store.read()).modules);

    const proxy = await startProxy(bed.service.url, { cutAfter: 10_000 });
    const viaProxy = new PbxContext({ dataDir: p.dataDir, api: proxy.url });
    try {
      await assert.rejects(
        updateModule(viaProxy, 'ModuleBackup'),
        (e: unknown) => e instanceof DownloadError && e.code === 'download_cut_off' && /cut off after 9\.8 KiB of/.test(e.message),
      );
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
    assert.deepEqual(await snapshot(join(p.dataDir, 'modules')), files);
    assert.equal(JSON.stringify((await p.ctx.store.read()).modules), modules);
    assert.deepEqual(await listDir(join(p.dataDir, 'module-staging')), []);
    assert.equal((await p.ctx.store.read()).audit.at(-1)?.outcome, 'failed');
  });

  it('an archive whose md5 does not match is refused and nothing changes', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleAutoprovision', { release: '1.40' });
    const files = await snapshot(join(p.dataDir, 'modules'));
    const modules = JSON.stringify((await p.ctx.store.read()).modules);
    // Same size, other bytes: the service still announces the md5 of the original.
    const archive = bed.service.archive('ModuleAutoprovision', '1.45');
    const original = await readFile(archive);
    const damaged = Buffer.from(original);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    await writeFile(archive, damaged);
    try {
      await assert.rejects(updateModule(p.ctx, 'ModuleAutoprovision'), (e: unknown) => e instanceof DownloadError && e.code === 'download_checksum' && /md5/.test(e.message));
    } finally {
      await writeFile(archive, original);
    }
    assert.equal((await stat(archive)).size, original.length);
    assert.deepEqual(await snapshot(join(p.dataDir, 'modules')), files);
    assert.equal(JSON.stringify((await p.ctx.store.read()).modules), modules);
    assert.deepEqual(await listDir(join(p.dataDir, 'module-staging')), []);
  });

  it('disable records the administrator\'s choice', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    await enableModule(p.ctx, 'ModuleTemplate');
    const module = await disableModule(p.ctx, 'ModuleTemplate');
    assert.deepEqual([module.enabled, module.disabledReason], [false, 'DisabledByUser']);
    await assert.rejects(enableModule(p.ctx, 'ModuleNope'), (e: unknown) => e instanceof ModuleError && e.code === 'module_not_installed');
  });
});
