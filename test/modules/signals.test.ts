import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { listInstalled } from '../../src/modules/catalog.js';
import { installFromFile } from '../../src/modules/install.js';
import type { ModuleContext } from '../../src/modules/context.js';
import { bundleOperationWorker, startWorker } from './fixtures/bundled-worker.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { listDir, newPbx, offlineContext, snapshot, type TestPbx } from './helpers.js';

/** Ctrl-C, kill and a hung-up terminal during an update: rolled back, staging cleaned, and said. */
describe('a signal during an install', () => {
  let pbx: TestPbx;
  let ctx: ModuleContext;
  let bundle: string;
  let update: string;

  before(async () => {
    pbx = await newPbx();
    ctx = offlineContext(pbx.dataDir);
    bundle = await bundleOperationWorker();
    const release = async (version: string, files: number): Promise<string> => {
      const file = join(pbx.sandbox, `ModuleSignal-${version}.zip`);
      await writeModuleZip(file, [
        { name: 'module.json', content: manifestJson('ModuleSignal', { version }) },
        { name: 'Lib/', content: '' },
        // Incompressible, so that unpacking takes long enough to be interrupted.
        ...Array.from({ length: files }, (_, i) => ({ name: `Lib/part-${i}.bin`, content: randomBytes(64 * 1024).toString('base64') })),
      ]);
      return file;
    };
    await installFromFile(ctx, await release('1.0', 2));
    update = await release('2.0', 1500);
  });
  after(async () => {
    await pbx.cleanup();
    await rm(dirname(bundle), { recursive: true, force: true });
  });

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} rolls the update back, removes its staging folder and says so`, { timeout: 60_000 }, async () => {
      const modulesBefore = await snapshot(join(pbx.dataDir, 'modules'));
      const recordBefore = (await ctx.store.read()).modules;
      const worker = startWorker(bundle, [pbx.dataDir]);
      await worker.waitFor((l) => l === 'ready');
      worker.process.stdin?.write(`install ${update}\n`);
      await worker.waitFor((l) => l === 'stage extract');
      worker.process.kill(signal);
      const exit = await worker.exited;
      assert.equal(exit.code, status, `exit ${exit.code} ${exit.signal}: ${exit.stderr}`);
      assert.match(exit.stderr, new RegExp(`pbxmod: ${signal} stopped the install from file of ModuleSignal-2\\.0\\.zip: it was rolled back and its staging folder removed; nothing was changed\\.`));
      assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), []);
      assert.deepEqual(await snapshot(join(pbx.dataDir, 'modules')), modulesBefore);
      assert.deepEqual((await ctx.store.read()).modules, recordBefore);
    });
  }

  it('a second SIGINT ends at once, and the next operation settles what was left', { timeout: 60_000 }, async () => {
    const modulesBefore = await snapshot(join(pbx.dataDir, 'modules'));
    const worker = startWorker(bundle, [pbx.dataDir]);
    await worker.waitFor((l) => l === 'ready');
    worker.process.stdin?.write(`install ${update}\n`);
    await worker.waitFor((l) => l === 'stage extract');
    worker.process.kill('SIGINT');
    worker.process.kill('SIGINT');
    const exit = await worker.exited;
    assert.equal(exit.code, 130, exit.stderr);
    assert.match(exit.stderr, /SIGINT (again: stopped at once|stopped the install)/);
    await listInstalled(ctx);
    assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), []);
    assert.deepEqual(await snapshot(join(pbx.dataDir, 'modules')), modulesBefore);
  });
});
