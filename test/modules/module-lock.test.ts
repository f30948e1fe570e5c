import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleBusyError } from '../../src/modules/errors.js';
import { readLockHolder, withModuleLock } from '../../src/modules/lock.js';

// While a live operation holds the module lock, a second one is refused, naming the holder,
// and its work never starts. (A dead holder's lock is another matter: see concurrency tests.)
describe('the module lock', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pbxmod-module-lock-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second operation while a live one holds it, and lets it run once that one is done', async () => {
    let release!: () => void;
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = withModuleLock(dir, { operation: 'install', moduleId: 'ModuleTemplate' }, async () => {
      firstStarted();
      await new Promise<void>((resolve) => (release = resolve));
      return 'first done';
    });
    await started;
    assert.deepEqual((await readLockHolder(dir))?.operation, 'install');

    let secondRan = false;
    await assert.rejects(
      withModuleLock(dir, { operation: 'remove', moduleId: 'ModuleBackup' }, async () => {
        secondRan = true;
      }, { lockWaitMs: 300 }),
      (error: unknown) => {
        assert.ok(error instanceof ModuleBusyError, `a ModuleBusyError, got ${String(error)}`);
        assert.equal(error.message, `Another module operation is running (install ModuleTemplate by pid ${process.pid}); try again when it finishes.`);
        return true;
      },
    );
    assert.equal(secondRan, false, 'the refused operation did not run');

    release();
    assert.equal(await first, 'first done');
    assert.equal(await withModuleLock(dir, { operation: 'remove', moduleId: 'ModuleBackup' }, async () => 'second done', { lockWaitMs: 300 }), 'second done');
    assert.equal(await readLockHolder(dir), null, 'no holder is left named');
  });
});
