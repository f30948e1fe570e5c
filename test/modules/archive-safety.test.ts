import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeModuleZip, type ZipEntry } from '../../src/licensing/service/catalog/archives.js';
import { installFromFile } from '../../src/modules/install.js';
import type { ModuleContext } from '../../src/modules/context.js';
import { PbxmodError } from '../../src/domain/errors.js';
import { buildRawZip, manifestJson, writeRawZip, type RawEntry } from './fixtures/raw-zip.js';
import { listDir, newPbx, offlineContext, snapshot, type TestPbx } from './helpers.js';

/**
 * Hostile and broken archives, installed from a file over a working ModuleSafe 1.0 on an
 * offline PBX: each is refused with its own message, and afterwards the sandbox around the
 * data dir, the installed version's files and the store's modules are exactly as before.
 */
describe('installing a module archive refuses what is broken or unsafe', () => {
  let pbx: TestPbx;
  let ctx: ModuleContext;
  let inputs: string;
  let baseline: Record<string, string>;
  let baselineModules: string;
  const outsideMarker = `/tmp/pbxmod-escaped-${randomBytes(4).toString('hex')}.txt`;

  before(async () => {
    pbx = await newPbx();
    ctx = offlineContext(pbx.dataDir);
    inputs = join(pbx.sandbox, 'inputs');
    await mkdir(inputs);
    const good = join(inputs, 'good.zip');
    await writeModuleZip(good, [
      { name: 'module.json', content: manifestJson('ModuleSafe') },
      { name: 'Lib/', content: '' },
      { name: 'Lib/ModuleSafe.php', content: '<?php // 1.0\n' },
      { name: 'db/', content: '' },
      { name: 'db/module.db', content: 'settings of 1.0' },
    ]);
    const result = await installFromFile(ctx, good);
    assert.equal(result.action, 'installed');
    baseline = await sandboxSnapshot();
    baselineModules = JSON.stringify((await ctx.store.read()).modules);
  });

  after(async () => {
    await pbx.cleanup();
  });

  async function sandboxSnapshot(): Promise<Record<string, string>> {
    const all = await snapshot(pbx.sandbox);
    // The store changes (its audit log records the refusal); inputs are the test's own files.
    for (const name of Object.keys(all)) if (name === 'data/pbx.json' || name.startsWith('inputs') || name === 'data/module-staging') delete all[name];
    return all;
  }

  async function refuse(name: string, build: (file: string) => Promise<unknown>, code: string, message: RegExp, limits = {}): Promise<PbxmodError> {
    const file = join(inputs, `${name}.zip`);
    await build(file);
    let caught: unknown;
    try {
      await installFromFile(ctx, file, { limits });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof PbxmodError, `${name}: expected a refusal, got ${String(caught)}`);
    assert.equal(caught.code, code, `${name}: ${caught.message}`);
    assert.match(caught.message, message, name);
    assert.ok(caught.hint, `${name}: a hint says what to do`);
    assert.deepEqual(await sandboxSnapshot(), baseline, `${name}: files changed`);
    assert.equal(JSON.stringify((await ctx.store.read()).modules), baselineModules, `${name}: store changed`);
    assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), [], `${name}: staging left behind`);
    assert.deepEqual(await listDir(join(pbx.dataDir, 'modules')), ['ModuleSafe']);
    assert.equal(existsSync(outsideMarker), false, `${name}: wrote outside`);
    assert.equal(existsSync(join(pbx.sandbox, 'escaped.txt')), false, `${name}: wrote outside`);
    const audit = (await ctx.store.read()).audit.at(-1);
    assert.equal(audit?.outcome, 'failed');
    return caught;
  }

  const manifest: RawEntry = { name: 'module.json', data: manifestJson('ModuleSafe', { version: '2.0' }) };
  const raw = (entries: RawEntry[]) => (file: string) => writeRawZip(file, entries);
  const yazl = (entries: ZipEntry[]) => (file: string) => writeModuleZip(file, [{ name: 'module.json', content: manifestJson('ModuleSafe', { version: '2.0' }) }, ...entries]);

  it('a "../" entry (zip-slip)', async () => {
    await refuse('traversal', yazl([{ name: '../../../../escaped.txt', content: 'x', raw: true }]), 'archive_unsafe_path', /"\.\.\/\.\.\/\.\.\/\.\.\/escaped\.txt" would be written outside the module directory/);
    await refuse('traversal-inner', raw([manifest, { name: 'Lib/../../../../../escaped.txt', data: 'x' }]), 'archive_unsafe_path', /outside the module directory/);
  });

  it('an absolute path', async () => {
    await refuse('absolute', yazl([{ name: outsideMarker, content: 'x', raw: true }]), 'archive_unsafe_path', /has an absolute path/);
  });

  it('a drive letter and backslash tricks', async () => {
    await refuse('drive', raw([manifest, { name: 'C:/Windows/escaped.txt', data: 'x' }]), 'archive_unsafe_path', /drive letter/);
    await refuse('backslash', raw([manifest, { name: '..\\..\\..\\..\\escaped.txt', data: 'x' }]), 'archive_unsafe_path', /backslashes/);
    await refuse('dot-segment', raw([manifest, { name: 'Lib/./x.php', data: 'x' }]), 'archive_unsafe_path', /empty or "\." part/);
    await refuse('control-char', raw([manifest, { name: 'Lib/x\u0000.php', data: 'x' }]), 'archive_unsafe_path', /control characters/);
  });

  it('a symbolic link, even one a later entry would write through', async () => {
    await refuse('symlink', yazl([{ name: 'passwd', content: '/etc/passwd', mode: 0o120777 }]), 'archive_symlink', /"passwd" is a symbolic link/);
    await refuse('symlink-then-file', raw([manifest, { name: 'up', data: '../../../..', mode: 0o120777 }, { name: 'up/escaped.txt', data: 'x' }]), 'archive_symlink', /symbolic link/);
  });

  it('a device or pipe', async () => {
    await refuse('device', raw([manifest, { name: 'null', data: '', mode: 0o020666 }]), 'archive_special_file', /device, pipe or socket/);
  });

  it('a zip bomb: one entry unpacking far beyond its packed size', async () => {
    await refuse('bomb', yazl([{ name: 'sounds/silence.wav', content: Buffer.alloc(64 * 1024 * 1024) }]), 'archive_ratio', /unpacks \d+ times larger.*zip bomb.*200:1/);
  });

  it('an entry whose real bytes exceed its declared size', async () => {
    await refuse('size-lie', raw([manifest, { name: 'Lib/big.bin', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 }]), 'archive_size_mismatch', /declares 1000/);
    await refuse('size-short', raw([manifest, { name: 'Lib/short.bin', data: 'only a few bytes', method: 8, declaredSize: 5000 }]), 'archive_size_mismatch', /declares 5000/);
  });

  it('a damaged entry (CRC-32 mismatch)', async () => {
    await refuse('crc', raw([manifest, { name: 'Lib/a.php', data: '<?php echo 1;', crc: 12345 }]), 'archive_checksum', /"Lib\/a\.php" is damaged/);
  });

  it('duplicate entry names, and a file that is also a folder', async () => {
    await refuse('duplicate', yazl([{ name: 'Lib/a.php', content: 'one' }, { name: 'Lib/a.php', content: 'two' }]), 'archive_duplicate_entry', /"Lib\/a\.php" more than once/);
    await refuse('duplicate-manifest', yazl([{ name: 'module.json', content: manifestJson('ModuleEvil') }]), 'archive_duplicate_entry', /"module\.json" more than once/);
    await refuse('file-and-folder', yazl([{ name: 'Lib', content: 'file' }, { name: 'Lib/a.php', content: 'x' }]), 'archive_duplicate_entry', /both as a file and as the folder/);
  });

  it('too many entries', async () => {
    const many: RawEntry[] = [manifest];
    for (let i = 0; i < 20_001; i++) many.push({ name: `f/${i}`, data: '', method: 0 });
    await refuse('too-many', raw(many), 'archive_too_many_entries', /20002 entries; a module may have at most 20000/);
  });

  it('too much in total, or one file too large', async () => {
    const random = randomBytes(1024 * 1024);
    await refuse('too-large', yazl([{ name: 'a.bin', content: random }, { name: 'b.bin', content: random }]), 'archive_too_large', /more than 1\.5 MiB/, { maxTotalBytes: 1.5 * 1024 * 1024 });
    await refuse('entry-too-large', yazl([{ name: 'a.bin', content: random }]), 'archive_too_large', /one file may take at most 512\.0 KiB/, { maxEntryBytes: 512 * 1024 });
  });

  it('an encrypted entry', async () => {
    await refuse('encrypted', raw([manifest, { name: 'Lib/a.php', data: 'x', method: 8, flags: 1 }]), 'archive_encrypted', /encrypted/);
  });

  it('a file that is not a zip, or a zip cut short', async () => {
    await refuse('garbage', (file) => writeFile(file, randomBytes(4096)), 'archive_corrupt', /not a readable zip archive/);
    await refuse('empty', (file) => writeFile(file, ''), 'archive_corrupt', /not a readable zip archive/);
    const whole = buildRawZip([manifest, { name: 'Lib/a.php', data: randomBytes(10_000) }]);
    await refuse('truncated', (file) => writeFile(file, whole.subarray(0, whole.length - 200)), 'archive_corrupt', /not a readable zip archive/);
  });

  it('damaged compressed data', async () => {
    const zip = buildRawZip([manifest, { name: 'Lib/a.txt', data: 'hello world '.repeat(2000) }]);
    const start = zip.indexOf(Buffer.from('Lib/a.txt')) + 'Lib/a.txt'.length;
    for (let i = start + 4; i < start + 40; i++) zip[i] = 0xff;
    await refuse('bad-deflate', (file) => writeFile(file, zip), 'archive_corrupt', /not a readable zip archive \(at "Lib\/a\.txt"\)/);
  });

  it('no module.json at the root', async () => {
    await refuse('no-manifest', raw([{ name: 'README.md', data: 'hi' }]), 'archive_no_manifest', /no module\.json at its root: it is not a MikoPBX module/);
    await refuse('nested-manifest', raw([{ name: 'ModuleSafe-2.0/module.json', data: manifestJson('ModuleSafe') }]), 'archive_no_manifest', /there is one at ModuleSafe-2\.0\/module\.json/);
  });

  it('a module.json that is not JSON, or lacks its id or a field', async () => {
    await refuse('invalid-json', raw([{ name: 'module.json', data: '{"moduleUniqueID": "ModuleSafe",' }]), 'manifest_invalid_json', /module\.json is not valid JSON/);
    await refuse('missing-id', raw([{ name: 'module.json', data: JSON.stringify({ version: '1', developer: 'x', support_email: 'x', min_pbx_version: '2024.1.1' }) }]), 'manifest_missing_id', /no "moduleUniqueID"/);
    await refuse('bad-id', raw([{ name: 'module.json', data: manifestJson('../ModuleSafe') }]), 'manifest_bad_id', /malformed "moduleUniqueID"/);
    await refuse('missing-field', raw([{ name: 'module.json', data: JSON.stringify({ moduleUniqueID: 'ModuleSafe', version: '2', developer: 'x', support_email: 'x' }) }]), 'manifest_missing_field', /"min_pbx_version"/);
    await refuse('placeholder', raw([{ name: 'module.json', data: manifestJson('ModuleSafe', { version: '%ModuleVersion%' }) }]), 'manifest_version_placeholder', /%ModuleVersion%/);
  });

  it('a module for a newer PBX', async () => {
    await refuse('too-new', raw([{ name: 'module.json', data: manifestJson('ModuleSafe', { version: '3.0', min_pbx_version: '2099.1.1' }) }]), 'pbx_too_old', /needs MikoPBX 2099\.1\.1 or newer; this PBX runs/);
  });

  it('a paid module on a PBX without a license key', async () => {
    const error = await refuse('paid', raw([{ name: 'module.json', data: manifestJson('ModulePaid', { lic_product_id: 31, lic_feature_id: 41 }) }]), 'license_key_missing', /the license key to activate the license for the module has not been installed/i);
    assert.match(error.hint ?? '', /license register|set-key/);
  });

  it('a bomb of many files, each under the per-file floor, is refused by the whole-archive ratio', async () => {
    // 100 files of 900 KiB of zeros: ~90 MiB from well under 1 MiB packed; no single file is held to the ratio.
    const zeros = Buffer.alloc(900 * 1024);
    const entries = Array.from({ length: 100 }, (_, i) => ({ name: `Lib/zero-${i}.bin`, content: zeros }));
    await refuse('many-small-bombs', yazl(entries), 'archive_ratio', /The archive unpacks \d+ times larger than it is packed \([\d.]+ KiB → 87\.9 MiB\): a zip bomb\. Over 64\.0 MiB the limit is 50:1\./);
  });

  it('a self-extracting zip (data in front, offsets not fixed) is refused with what to do', async () => {
    const zip = buildRawZip([{ name: 'module.json', data: manifestJson('ModuleSafe', { version: '2.0' }) }]);
    const error = await refuse('self-extracting', (file) => writeFile(file, Buffer.concat([Buffer.alloc(4096, 0x90), zip])), 'archive_corrupt', /looks like a self-extracting archive/);
    assert.doesNotMatch(error.message, /signature: 0x/);
    assert.match(error.hint ?? '', /zip -A/);
  });

  it('a control character in an entry name is shown as an escape, quoted once', async () => {
    const error = await refuse('nul-name', raw([{ name: 'module.json', data: manifestJson('ModuleSafe', { version: '2.0' }) }, { name: 'Lib/a\u001b[31mb', data: 'x', declaredSize: 5 }]), 'archive_unsafe_path', /"Lib\/a\\x1b\[31mb"/);
    assert.doesNotMatch(error.message, /\u001b|""/);
  });

  it('a module.json saved as UTF-16 is read as what it says', async () => {
    const text = manifestJson('ModuleSafe', { version: '2.0', min_pbx_version: '2099.1.1' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Read correctly, it reaches the version check; read as UTF-8 it would be "not valid JSON" with NULs.
    const error = await refuse('utf16-manifest', raw([{ name: 'module.json', data: utf16 }]), 'pbx_too_old', /ModuleSafe 2\.0 needs MikoPBX 2099\.1\.1/);
    assert.doesNotMatch(error.message, /\u0000/);
  });

  it('a 300-character id is refused by name, not with ENAMETOOLONG', async () => {
    const error = await refuse('long-id', raw([{ name: 'module.json', data: manifestJson(`Module${'X'.repeat(294)}`) }]), 'manifest_bad_id', /"moduleUniqueID" of 300 characters .*at most 64/);
    assert.doesNotMatch(error.message, /ENAMETOOLONG/);
  });

  it('a missing file', async () => {
    await assert.rejects(installFromFile(ctx, join(inputs, 'nope.zip')), /There is no file .*nope\.zip/);
  });

  it('after all the refusals the installed version still works as before', async () => {
    const php = await readFile(join(pbx.dataDir, 'modules/ModuleSafe/Lib/ModuleSafe.php'), 'utf8');
    assert.equal(php, '<?php // 1.0\n');
    assert.equal(await readFile(join(pbx.dataDir, 'modules/ModuleSafe/db/module.db'), 'utf8'), 'settings of 1.0');
  });
});

describe('a refused archive on a PBX with no module yet', () => {
  it('leaves no module folder, no staging and nothing beside the data dir', async () => {
    const pbx = await newPbx();
    try {
      const ctx = offlineContext(pbx.dataDir);
      const file = join(pbx.sandbox, 'evil.zip');
      await writeRawZip(file, [{ name: 'module.json', data: manifestJson('ModuleEvil') }, { name: 'Lib/ok.php', data: 'x' }, { name: '../../../../evil.txt', data: 'x' }]);
      await assert.rejects(installFromFile(ctx, file), (e: unknown) => e instanceof PbxmodError && e.code === 'archive_unsafe_path');
      assert.deepEqual(await listDir(pbx.sandbox), ['data', 'evil.zip']);
      assert.deepEqual(await listDir(join(pbx.dataDir, 'modules')), []);
      assert.deepEqual(await listDir(join(pbx.dataDir, 'module-staging')), []);
      assert.deepEqual((await ctx.store.read()).modules, []);
    } finally {
      await pbx.cleanup();
    }
  });
});
