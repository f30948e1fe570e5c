import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_ARCHIVE_LIMITS, ModuleArchive } from '../../src/modules/archive.js';
import { startService, type TestService } from './helpers.js';

/** The whole-archive ratio limit is far from what real modules reach (the demo catalog is built from the vendors' manifests). */
describe('the whole-archive expansion limit and real modules', () => {
  let service: TestService;
  before(async () => {
    service = await startService();
  });
  after(async () => {
    await service.stop();
  });

  it('every demo catalog archive passes even with the floor removed, at a tenth of the limit or less', async (t) => {
    const dir = join(service.dataDir, 'archives');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.zip'));
    assert.ok(files.length >= 10);
    let highest = 0;
    for (const file of files) {
      const path = join(dir, file);
      // Floor 0: the ratio applies to these small archives too.
      const archive = await ModuleArchive.open(path, { totalRatioFloorBytes: 0 });
      const ratio = archive.totalBytes / (await stat(path)).size;
      await archive.close();
      highest = Math.max(highest, ratio);
      assert.ok(ratio < DEFAULT_ARCHIVE_LIMITS.maxTotalRatio / 10, `${file} unpacks ${ratio.toFixed(1)} times its size`);
    }
    t.diagnostic(`highest whole-archive ratio of ${files.length} demo archives: ${highest.toFixed(2)}:1 (limit ${DEFAULT_ARCHIVE_LIMITS.maxTotalRatio}:1 over ${DEFAULT_ARCHIVE_LIMITS.totalRatioFloorBytes / 1024 / 1024} MiB)`);
  });
});
