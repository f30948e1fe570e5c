import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { installFromFile } from '../../src/modules/install.js';
import { removeModule } from '../../src/modules/lifecycle.js';
import type { ModuleContext } from '../../src/modules/context.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { listDir, newPbx, offlineContext, type TestPbx } from './helpers.js';

/** A module's `db/` across releases: what the administrator set is kept, what a release adds arrives. */
describe('kept module settings and a new release\'s db/', () => {
  let pbx: TestPbx;
  let ctx: ModuleContext;
  const release = async (version: string, db: Record<string, string>): Promise<string> => {
    const file = join(pbx.sandbox, `ModuleSettings-${version}.zip`);
    await writeModuleZip(file, [
      { name: 'module.json', content: manifestJson('ModuleSettings', { version }) },
      { name: 'db/', content: '' },
      ...Object.entries(db).map(([name, content]) => ({ name: `db/${name}`, content })),
    ]);
    return file;
  };
  before(async () => {
    pbx = await newPbx();
    ctx = offlineContext(pbx.dataDir);
  });
  after(async () => {
    await pbx.cleanup();
  });

  it('an update merges: kept files win, files only the new release ships are added', async () => {
    await installFromFile(ctx, await release('1.0', { 'module.db': 'defaults of 1.0' }));
    const db = join(pbx.dataDir, 'modules/ModuleSettings/db');
    await writeFile(join(db, 'module.db'), 'administrator settings');
    await installFromFile(ctx, await release('1.1', { 'module.db': 'defaults of 1.1', 'migration-1.1.sql': 'ALTER TABLE x' }));
    assert.equal(await readFile(join(db, 'module.db'), 'utf8'), 'administrator settings');
    assert.equal(await readFile(join(db, 'migration-1.1.sql'), 'utf8'), 'ALTER TABLE x');
  });

  it('a reinstall after a delete merges the kept settings the same way', async () => {
    await removeModule(ctx, 'ModuleSettings');
    await installFromFile(ctx, await release('1.2', { 'module.db': 'defaults of 1.2', 'migration-1.2.sql': 'CREATE TABLE y' }));
    const db = join(pbx.dataDir, 'modules/ModuleSettings/db');
    assert.deepEqual(await listDir(db), ['migration-1.1.sql', 'migration-1.2.sql', 'module.db']);
    assert.equal(await readFile(join(db, 'module.db'), 'utf8'), 'administrator settings');
    assert.equal(await readFile(join(db, 'migration-1.2.sql'), 'utf8'), 'CREATE TABLE y');
  });
});
