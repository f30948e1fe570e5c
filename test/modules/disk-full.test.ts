import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { installFromFile } from '../../src/modules/install.js';
import { ModuleError } from '../../src/modules/errors.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { listDir, offlineContext, snapshot } from './helpers.js';

/** A real full disk: the data dir on a 3 MB tmpfs (needs root; skipped otherwise). */
function mountTmpfs(dir: string, options = 'size=3m'): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk', () => {
  let root: string;
  let mount: string;
  let mounted = false;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'pbxmod-enospc-'));
    mount = join(root, 'disk');
    await mkdir(mount);
    mounted = mountTmpfs(mount);
  });
  after(async () => {
    if (mounted) execFileSync('umount', [mount]);
    await rm(root, { recursive: true, force: true });
  });

  it('is refused before unpacking when the archive cannot fit, and mid-unpack ENOSPC leaves the previous version intact', async (t) => {
    if (!mounted) {
      t.skip('cannot mount a tmpfs here (needs root)');
      return;
    }
    const dataDir = join(mount, 'data');
    const ctx = offlineContext(dataDir);
    const v1 = join(root, 'v1.zip');
    await writeModuleZip(v1, [{ name: 'module.json', content: manifestJson('ModuleDisk', { version: '1.0' }) }, { name: 'Lib/a.php', content: 'v1' }]);
    await installFromFile(ctx, v1);
    // 1.6 MB of settings: an update copies them, and two copies do not fit on the 3 MB disk.
    await mkdir(join(dataDir, 'modules/ModuleDisk/db'));
    await writeFile(join(dataDir, 'modules/ModuleDisk/db/module.db'), randomBytes(1600 * 1024));
    const files = await snapshot(join(dataDir, 'modules'));

    const modules = JSON.stringify((await ctx.store.read()).modules);

    // Declared sizes larger than the free space: refused up front.
    const big = join(root, 'big.zip');
    await writeModuleZip(big, [{ name: 'module.json', content: manifestJson('ModuleDisk', { version: '2.0' }) }, { name: 'big.bin', content: randomBytes(4 * 1024 * 1024) }]);
    await assert.rejects(installFromFile(ctx, big), (e: unknown) => {
      assert.ok(e instanceof ModuleError && e.code === 'disk_full', String(e));
      // The reserve is part of the need, so the figures never contradict each other.
      const figures = /it needs ([\d.]+) MiB \(([\d.]+) MiB and a 1\.0 MiB reserve\), and ([\d.]+) (KiB|MiB) is free\./.exec(e.message);
      assert.ok(figures, e.message);
      const free = Number(figures[3]) / (figures[4] === 'KiB' ? 1024 : 1);
      assert.ok(Number(figures[1]) > free, `needs ${figures[1]} MiB, ${free} MiB free: not a refusal`);
      assert.match(e.hint ?? '', /^Free at least [\d.]+ (KiB|MiB) and try again/);
      return true;
    });

    // Few bytes but thousands of files, each taking a block: also refused up front.
    const many = join(root, 'many.zip');
    const entries = [{ name: 'module.json', content: manifestJson('ModuleDisk', { version: '3.0' }) }];
    for (let i = 0; i < 1500; i++) entries.push({ name: `assets/${i}.txt`, content: `file ${i}` });
    await writeModuleZip(many, entries);
    await assert.rejects(installFromFile(ctx, many), (e: unknown) => e instanceof ModuleError && e.code === 'disk_full' && /Not enough disk space/.test(e.message));

    // The new version unpacks, but copying the settings over runs out of space: rolled back.
    const v4 = join(root, 'v4.zip');
    await writeModuleZip(v4, [{ name: 'module.json', content: manifestJson('ModuleDisk', { version: '4.0' }) }, { name: 'Lib/a.php', content: 'v4' }]);
    await assert.rejects(installFromFile(ctx, v4), (e: unknown) => e instanceof ModuleError && e.code === 'disk_full' && /disk holding .* is full|no free inodes/.test(e.message));

    assert.deepEqual(await snapshot(join(dataDir, 'modules')), files);
    assert.equal(JSON.stringify((await ctx.store.read()).modules), modules);
    assert.deepEqual(await listDir(join(dataDir, 'module-staging')), []);
    assert.equal(await readFile(join(dataDir, 'modules/ModuleDisk/Lib/a.php'), 'utf8'), 'v1');
  });

  it('a file system out of inodes is named as such, not "disk full", and nothing changes', async (t) => {
    const small = join(root, 'inodes');
    await mkdir(small);
    // Plenty of space, 200 inodes: a module of many small files runs out of inodes, not bytes.
    if (!mountTmpfs(small, 'size=64m,nr_inodes=200')) {
      t.skip('cannot mount a tmpfs here (needs root)');
      return;
    }
    try {
      const dataDir = join(small, 'data');
      const ctx = offlineContext(dataDir);
      const many = join(root, 'many-files.zip');
      const entries = [{ name: 'module.json', content: manifestJson('ModuleInodes', { version: '1.0' }) }];
      for (let i = 0; i < 400; i++) entries.push({ name: `assets/${i}.txt`, content: `file ${i}` });
      await writeModuleZip(many, entries);
      await assert.rejects(installFromFile(ctx, many), (e: unknown) => {
        assert.ok(e instanceof ModuleError, String(e));
        assert.equal(e.code, 'disk_full');
        assert.match(e.message, /no free inodes: it cannot hold more files/);
        assert.doesNotMatch(e.message, /disk is full/i);
        assert.match(e.hint ?? '', /df -i/);
        return true;
      });
      assert.deepEqual(await listDir(join(dataDir, 'modules')), []);
      assert.deepEqual(await listDir(join(dataDir, 'module-staging')), []);
      assert.deepEqual((await ctx.store.read()).modules, []);
    } finally {
      execFileSync('umount', [small]);
    }
  });
});
