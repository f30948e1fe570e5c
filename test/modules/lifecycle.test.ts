import assert from 'node:assert/strict';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { installFromFile, installFromMarketplace } from '../../src/modules/install.js';
import { disableModule, enableModule, removeModule } from '../../src/modules/lifecycle.js';
import { withModuleLock } from '../../src/modules/lock.js';
import { ModuleBusyError, ModuleError } from '../../src/modules/errors.js';
import { beginOperation, writeJournal } from '../../src/modules/transaction.js';
import { listDir, registerPbx, serviceWithPbxes, snapshot } from './helpers.js';

describe('deleting, reinstalling and recovering modules', () => {
  const bed = serviceWithPbxes();
  const { pbx } = bed;

  it('delete keeps the settings by default, and installing again brings them back', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleBackup');
    await writeFile(join(p.dataDir, 'modules/ModuleBackup/db/module.db'), 'backup schedule: nightly');
    const removed = await removeModule(p.ctx, 'ModuleBackup');
    assert.deepEqual(removed, { id: 'ModuleBackup', version: '1.76', settingsKept: true, seatReleased: false });
    assert.deepEqual(await listDir(join(p.dataDir, 'modules')), []);
    assert.deepEqual((await p.ctx.store.read()).modules, []);
    assert.equal(await readFile(join(p.dataDir, 'kept-settings/ModuleBackup/db/module.db'), 'utf8'), 'backup schedule: nightly');

    const again = await installFromMarketplace(p.ctx, 'ModuleBackup', { release: '1.75' });
    assert.equal(again.settingsRestored, true);
    assert.equal(await readFile(join(p.dataDir, 'modules/ModuleBackup/db/module.db'), 'utf8'), 'backup schedule: nightly');
    assert.deepEqual(await listDir(join(p.dataDir, 'kept-settings')), [], 'kept settings are used up');
    const audit = (await p.ctx.store.read()).audit.map((a) => a.action);
    assert.ok(audit.includes('module.remove'));
  });

  it('delete with purge drops the settings, also those kept before, and a reinstall starts fresh', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    await writeFile(join(p.dataDir, 'modules/ModuleTemplate/db/module.db'), 'old settings');
    await removeModule(p.ctx, 'ModuleTemplate');
    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    assert.equal(await readFile(join(p.dataDir, 'modules/ModuleTemplate/db/module.db'), 'utf8'), 'old settings');
    const removed = await removeModule(p.ctx, 'ModuleTemplate', { keepSettings: false });
    assert.equal(removed.settingsKept, false);
    assert.deepEqual(await listDir(join(p.dataDir, 'kept-settings')), []);
    const fresh = await installFromMarketplace(p.ctx, 'ModuleTemplate');
    assert.equal(fresh.settingsRestored, false);
    assert.match(await readFile(join(p.dataDir, 'modules/ModuleTemplate/db/module.db'), 'latin1'), /^SQLite format 3/);
    assert.equal((await p.ctx.store.read()).audit.some((a) => a.action === 'module.remove-purge'), true);
  });

  it('deleting a paid module gives its seat back', async () => {
    const p = await pbx();
    const key = await registerPbx(bed.service, p);
    await installFromMarketplace(p.ctx, 'ModuleUsersUI');
    await enableModule(p.ctx, 'ModuleUsersUI');
    const { hostId } = await p.ctx.hostIdentity();
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, true);
    const removed = await removeModule(p.ctx, 'ModuleUsersUI');
    assert.equal(removed.seatReleased, true);
    assert.equal((await bed.service.client.checkFeature(key, 51, hostId)).held, false);
  });

  it('a second operation waits briefly, then is refused naming the one running', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    let release!: () => void;
    const held = withModuleLock(p.dataDir, { operation: 'install', moduleId: 'ModuleX' }, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await assert.rejects(disableModule(p.ctx, 'ModuleTemplate', { lockWaitMs: 400 }), (e: unknown) => {
      assert.ok(e instanceof ModuleBusyError);
      assert.match(e.message, new RegExp(`Another module operation is running \\(install ModuleX by pid ${process.pid}\\); try again when it finishes\\.`));
      return true;
    });
    assert.ok(Date.now() - started >= 350, 'it waited first');
    // One that waits long enough goes ahead once the first is done.
    const waiting = enableModule(p.ctx, 'ModuleTemplate', { lockWaitMs: 5_000 });
    setTimeout(() => release(), 200);
    await held;
    assert.equal((await waiting).enabled, true);
    assert.equal((await p.ctx.store.read()).audit.some((a) => a.action === 'module.disable' && a.outcome === 'failed' && /Another module operation/.test(a.detail ?? '')), true);
  });

  it('an update killed between moving the old version aside and committing is rolled back by the next operation', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleTemplate', { release: '1.80' });
    await enableModule(p.ctx, 'ModuleTemplate');
    const before = await snapshot(join(p.dataDir, 'modules'));
    const state = await p.ctx.store.read();
    const previous = state.modules[0]!;

    // What a process killed mid-swap leaves: the journal, the old version aside, the new one in
    // place, the module marked "being updated" — and no commit.
    const op = await beginOperation(p.dataDir, 'ModuleTemplate');
    const intended = { ...previous, version: '1.81', updatedAt: new Date().toISOString() };
    await writeJournal(op, { kind: 'install', id: 'ModuleTemplate', previous, intended, hadDir: true });
    await p.ctx.store.update((s) => Object.assign(s.modules[0]!, { enabled: false, disabledReason: 'DisabledByUser', disabledReasonText: 'Being updated to 1.81' }));
    await rename(join(p.dataDir, 'modules/ModuleTemplate'), op.oldDir);
    await mkdir(join(p.dataDir, 'modules/ModuleTemplate'));
    await writeFile(join(p.dataDir, 'modules/ModuleTemplate/module.json'), '{"half": "written"}');

    await installFromMarketplace(p.ctx, 'ModuleBackup');
    assert.deepEqual(await snapshot(join(p.dataDir, 'modules/ModuleTemplate')), Object.fromEntries(Object.entries(before).filter(([k]) => k.startsWith('ModuleTemplate/')).map(([k, v]) => [k.slice('ModuleTemplate/'.length), v])));
    const template = (await p.ctx.store.read()).modules.find((m) => m.id === 'ModuleTemplate');
    assert.deepEqual(template, previous);
    assert.deepEqual(await listDir(join(p.dataDir, 'module-staging')), []);
  });

  it('a remove killed after its commit is finished by the next operation, settings kept', async () => {
    const p = await pbx();
    await installFromMarketplace(p.ctx, 'ModuleBackup');
    await writeFile(join(p.dataDir, 'modules/ModuleBackup/db/module.db'), 'keep me');
    const previous = (await p.ctx.store.read()).modules[0]!;
    const op = await beginOperation(p.dataDir, 'ModuleBackup');
    await writeJournal(op, { kind: 'remove', id: 'ModuleBackup', previous, hadDir: true, keepSettings: true });
    await rename(join(p.dataDir, 'modules/ModuleBackup'), op.oldDir);
    await p.ctx.store.update((s) => void s.modules.splice(0, 1));

    await installFromMarketplace(p.ctx, 'ModuleTemplate');
    assert.equal(await readFile(join(p.dataDir, 'kept-settings/ModuleBackup/db/module.db'), 'utf8'), 'keep me');
    assert.deepEqual(await listDir(join(p.dataDir, 'modules')), ['ModuleTemplate']);
    assert.deepEqual(await listDir(join(p.dataDir, 'module-staging')), []);
  });

  it('installing from a file over an installed module is an update that keeps its settings', async () => {
    const p = await pbx();
    await installFromFile(p.ctx, bed.service.archive('ModuleAutoprovision', '1.40'));
    await enableModule(p.ctx, 'ModuleAutoprovision');
    await writeFile(join(p.dataDir, 'modules/ModuleAutoprovision/db/module.db'), 'phones: 42');
    const result = await installFromFile(p.ctx, bed.service.archive('ModuleAutoprovision', '1.45'));
    assert.equal(result.action, 'updated');
    assert.equal(result.module.enabled, true);
    assert.equal(result.module.name, 'Autoprovision', 'name from the catalog');
    assert.equal(await readFile(join(p.dataDir, 'modules/ModuleAutoprovision/db/module.db'), 'utf8'), 'phones: 42');
    await assert.rejects(removeModule(p.ctx, 'ModuleNope'), (e: unknown) => e instanceof ModuleError && e.code === 'module_not_installed');
  });
});
