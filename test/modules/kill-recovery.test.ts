import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { listInstalled } from '../../src/modules/catalog.js';
import type { ModuleContext } from '../../src/modules/context.js';
import { withModuleLock } from '../../src/modules/lock.js';
import { bundleOperationWorker, startWorker, type Worker } from './fixtures/bundled-worker.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { listDir, newPbx, offlineContext, type TestPbx } from './helpers.js';

/**
 * kill -9 at random moments of install, update, enable, disable and remove, a hundred times:
 * after each, the next operation starts at once (the dead holder's locks are taken over), and
 * the store and the modules folder agree.
 */
describe('module operations killed at random moments', () => {
  let pbx: TestPbx;
  let ctx: ModuleContext;
  let bundle: string;
  const archives: Record<string, string> = {};

  before(async () => {
    pbx = await newPbx();
    ctx = offlineContext(pbx.dataDir);
    bundle = await bundleOperationWorker();
    for (const version of ['1.0', '1.1']) {
      const file = join(pbx.sandbox, `ModuleKill-${version}.zip`);
      await writeModuleZip(file, [
        { name: 'module.json', content: manifestJson('ModuleKill', { version }) },
        { name: 'db/', content: '' },
        { name: 'db/module.db', content: `settings of ${version}` },
        { name: 'Lib/', content: '' },
        // Enough files that unpacking takes a while and kills land inside it.
        ...Array.from({ length: 200 }, (_, i) => ({ name: `Lib/part-${i}.php`, content: `<?php // ${version} ${randomBytes(2048).toString('base64')}\n` })),
      ]);
      archives[version] = file;
    }
  });
  after(async () => {
    await pbx.cleanup();
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  async function assertStoreAndDiskAgree(round: number): Promise<void> {
    const modules = await listInstalled(ctx);
    assert.deepEqual(await listDir(join(pbx.dataDir, 'modules')), modules.map((m) => m.id).sort(), `round ${round}: the store and modules/ disagree`);
    for (const m of modules) {
      const manifest = JSON.parse(await readFile(join(pbx.dataDir, 'modules', m.id, 'module.json'), 'utf8')) as { version: string };
      assert.equal(manifest.version, m.version, `round ${round}: the store says ${m.version}, the files are ${manifest.version}`);
      assert.notEqual(m.disabledReasonText?.startsWith('Being updated'), true, `round ${round}: left "being updated"`);
    }
    assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), [], `round ${round}: staging left behind`);
  }

  it('100 kills: the next operation starts within 1 s and the store and the disk agree', { timeout: 240_000 }, async (t) => {
    const rounds = 100;
    const stats = { midOperation: 0, leftStaging: 0, slowest: 0 };
    const spares: Worker[] = [startWorker(bundle, [pbx.dataDir]), startWorker(bundle, [pbx.dataDir])];
    try {
      for (let round = 0; round < rounds; round++) {
        const worker = spares.shift() as Worker;
        spares.push(startWorker(bundle, [pbx.dataDir]));
        await worker.waitFor((l) => l === 'ready');
        const installed = (await ctx.store.read()).modules.find((m) => m.id === 'ModuleKill');
        const choices = installed
          ? [`install ${archives[installed.version === '1.0' ? '1.1' : '1.0']}`, 'remove ModuleKill', installed.enabled ? 'disable ModuleKill' : 'enable ModuleKill']
          : [`install ${archives['1.0']}`, `install ${archives['1.1']}`];
        worker.process.stdin?.write(`${choices[Math.floor(Math.random() * choices.length)]}\n`);
        await new Promise((r) => setTimeout(r, Math.random() * 250));
        worker.process.kill('SIGKILL');
        await worker.exited;
        if (!worker.lines.some((l) => l.startsWith('{'))) stats.midOperation++;
        if ((await listDir(join(pbx.dataDir, 'module-staging'))).length > 0) stats.leftStaging++;

        // The next operation: a whole module operation, which must not wait for the dead one's locks.
        const started = Date.now();
        await withModuleLock(pbx.dataDir, { operation: 'next' }, async () => undefined, { lockWaitMs: 5_000 });
        await ctx.store.update(() => undefined);
        const waited = Date.now() - started;
        stats.slowest = Math.max(stats.slowest, waited);
        assert.ok(waited < 1_000, `round ${round}: the next operation started after ${waited} ms`);
        await assertStoreAndDiskAgree(round);
      }
    } finally {
      for (const spare of spares) spare.process.kill('SIGKILL');
      await Promise.all(spares.map((s) => s.exited));
    }
    t.diagnostic(`killed before the outcome ${stats.midOperation}/${rounds}, left a staging folder ${stats.leftStaging}, slowest next start ${stats.slowest} ms`);
    // Else the kills all missed the operations and the test proved nothing.
    assert.ok(stats.midOperation >= 20, `only ${stats.midOperation} kills landed before the operation ended`);
    assert.ok(stats.leftStaging >= 5, `only ${stats.leftStaging} kills left a staging folder to recover`);
  });
});
