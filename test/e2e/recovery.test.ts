import assert from 'node:assert/strict';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { installFromFile } from '../../src/modules/install.js';
import { beginOperation, writeJournal } from '../../src/modules/transaction.js';
import { manifestJson } from '../modules/fixtures/raw-zip.js';
import { listDir, offlineContext, snapshot } from '../modules/helpers.js';
import { tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/** An update killed mid-swap, then the built console started: it settles the leftovers itself, on screen 1. */
describe('the console settles a killed module operation when it starts', { skip }, () => {
  const dirs: Array<{ remove: () => Promise<void> }> = [];
  let session: ConsoleSession | undefined;
  after(async () => {
    session?.kill();
    for (const d of dirs) await d.remove();
  });

  test('the previous version is back and staging is empty, without opening the Modules screen', async () => {
    const dir = await tempDir('pbxmod-e2e-recovery-');
    dirs.push(dir);
    const dataDir = join(dir.path, 'data');
    const ctx = offlineContext(dataDir);
    const zip = join(dir.path, 'v1.zip');
    await writeModuleZip(zip, [{ name: 'module.json', content: manifestJson('ModuleKilled', { version: '1.0' }) }, { name: 'Lib/a.php', content: '<?php // 1.0\n' }]);
    await installFromFile(ctx, zip);
    const before = await snapshot(join(dataDir, 'modules'));
    const previous = (await ctx.store.read()).modules[0]!;
    // What `kill -9` in the middle of an update to 2.0 leaves behind.
    const op = await beginOperation(dataDir, 'ModuleKilled');
    await writeJournal(op, { kind: 'install', id: 'ModuleKilled', previous, intended: { ...previous, version: '2.0' }, hadDir: true });
    await rename(join(dataDir, 'modules/ModuleKilled'), op.oldDir);
    await mkdir(join(dataDir, 'modules/ModuleKilled'));
    await writeFile(join(dataDir, 'modules/ModuleKilled/module.json'), '{"half": "written"}');

    session = await startConsole({ args: ['--data-dir', dataDir, '--api', 'http://127.0.0.1:9'] });
    await session.waitFor('1 Marketplace');
    const deadline = Date.now() + 10_000;
    while ((await listDir(join(dataDir, 'module-staging'))).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await listDir(join(dataDir, 'module-staging')), [], 'the console left the killed operation unsettled');
    assert.deepEqual(await snapshot(join(dataDir, 'modules')), before);
    assert.deepEqual((await ctx.store.read()).modules, [previous]);
    assert.ok(session.alive());
  });
});
