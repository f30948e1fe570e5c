import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { openPbxStore } from '../../src/store/pbx-store.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { REPO, listDir, newPbx, type TestPbx } from './helpers.js';

const WORKER = join(REPO, 'test/modules/fixtures/install-worker.ts');

interface WorkerResult {
  ok: boolean;
  version?: string;
  code?: string;
  message?: string;
}

/** Start two workers, let them go at once, collect their results. */
async function raceTwo(dataDir: string, archives: [string, string], lockWaitMs: number): Promise<WorkerResult[]> {
  const go = join(dataDir, `..`, `go-${randomBytes(3).toString('hex')}`);
  const workers = archives.map((archive) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, archive, go, String(lockWaitMs)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const ready = new Promise<void>((resolve) => {
      const check = () => (out.includes('ready') ? resolve() : setTimeout(check, 10));
      check();
    });
    const done = new Promise<WorkerResult>((resolve, reject) =>
      child.on('close', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (!line) reject(new Error(`worker exited ${code} without a result: ${out} ${err}`));
        else resolve(JSON.parse(line) as WorkerResult);
      }),
    );
    return { ready, done };
  });
  await Promise.all(workers.map((w) => w.ready));
  await writeFile(go, '');
  return Promise.all(workers.map((w) => w.done));
}

describe('two processes installing at once', () => {
  let pbx: TestPbx;
  let v1: string;
  let v2: string;
  before(async () => {
    pbx = await newPbx();
    // Big enough (random, so it does not compress) that the two installs overlap.
    const payload = randomBytes(24 * 1024 * 1024);
    v1 = join(pbx.sandbox, 'v1.zip');
    v2 = join(pbx.sandbox, 'v2.zip');
    await writeModuleZip(v1, [{ name: 'module.json', content: manifestJson('ModuleBig', { version: '1.0' }) }, { name: 'data.bin', content: payload }]);
    await writeModuleZip(v2, [{ name: 'module.json', content: manifestJson('ModuleBig', { version: '2.0' }) }, { name: 'data.bin', content: payload }]);
  });
  after(async () => {
    await pbx.cleanup();
  });

  async function assertConsistent(): Promise<string> {
    const state = await openPbxStore(pbx.dataDir).read();
    assert.equal(state.modules.length, 1);
    const version = state.modules[0]!.version;
    const onDisk = JSON.parse(await readFile(join(pbx.dataDir, 'modules/ModuleBig/module.json'), 'utf8'));
    assert.equal(onDisk.version, version, 'the files are the version the store says');
    assert.deepEqual(await listDir(join(pbx.dataDir, 'modules')), ['ModuleBig']);
    assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), []);
    assert.deepEqual((await listDir(pbx.dataDir)).filter((n) => n.startsWith('modules.lock')), []);
    return version;
  }

  it('without waiting, one installs and the other is refused clearly', async () => {
    const results = await raceTwo(pbx.dataDir, [v1, v2], 0);
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    assert.equal(ok.length, 1, JSON.stringify(results));
    assert.equal(refused[0]?.code, 'module_busy');
    assert.match(refused[0]?.message ?? '', /Another module operation is running \(install from file v[12]\.zip by pid \d+\); try again when it finishes\./);
    assert.equal(await assertConsistent(), ok[0]?.version);
  });

  it('waiting long enough, both install one after the other', async () => {
    const results = await raceTwo(pbx.dataDir, [v1, v2], 60_000);
    assert.deepEqual(results.map((r) => r.ok), [true, true], JSON.stringify(results));
    await assertConsistent();
    const audit = (await openPbxStore(pbx.dataDir).read()).audit.filter((a) => a.action === 'module.install-file');
    assert.equal(audit.filter((a) => a.outcome === 'ok').length, 3);
  });
});
