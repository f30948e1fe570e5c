import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { compareVersions } from '../../../src/domain/version.js';
import { DEFAULT_PBX_VERSION } from '../../../src/store/pbx-store.js';
import { ServiceRequestError } from '../../../src/licensing/errors.js';
import { ensureDemoArchives, writeModuleZip } from '../../../src/licensing/service/catalog/archives.js';
import { DAY, MINUTE, assertErrorBody, assertLicenseError, makeCoupon, registerCompany, startTestService, type TestService } from './harness.js';

/** Every entry of a zip: name → bytes (directories map to an empty buffer). */
async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: false, decodeStrings: true }, (e, z) => (e ? reject(e) : resolve(z!))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        entries.set(entry.fileName, Buffer.alloc(0));
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

let t: TestService;
before(async () => {
  t = await startTestService();
});
after(async () => {
  await t.stop();
});

describe('catalog', () => {
  test('lists the demo modules a PBX can install, with the newest such release', async () => {
    const modules = await t.client.catalog(DEFAULT_PBX_VERSION);
    const ids = modules.map((m) => m.id).sort();
    assert.deepEqual(ids, ['ModuleAutoprovision', 'ModuleBackup', 'ModuleBitrix24Integration', 'ModuleTemplate', 'ModuleUsersUI']);
    const usersUi = modules.find((m) => m.id === 'ModuleUsersUI')!;
    // 1.90 needs 2026.1.1 and is hidden from 2025.1.120.
    assert.equal(usersUi.version, '1.81');
    assert.deepEqual([usersUi.licProductId, usersUi.licFeatureId, usersUi.free], [127, 51, false]);
    const bitrix = modules.find((m) => m.id === 'ModuleBitrix24Integration')!;
    assert.deepEqual([bitrix.licProductId, bitrix.licFeatureId, bitrix.free], [31, 41, false]);
    for (const free of ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']) assert.equal(modules.find((m) => m.id === free)?.free, true);
    assert.ok(modules.every((m) => m.size > 1000 && m.developer === 'MIKO' && m.supportEmail === 'help@miko.ru' && m.description.length > 20));
  });

  test('a newer PBX sees the newer releases and the language pack; an old one fewer modules', async () => {
    const newer = await t.client.catalog('2026.2.20');
    assert.equal(newer.find((m) => m.id === 'ModuleUsersUI')?.version, '1.90');
    assert.equal(newer.find((m) => m.id === 'ModuleJapaneseLanguagePack')?.moduleType, 'languagepack');
    const old = await t.client.catalog('2023.2.130');
    assert.deepEqual(old.map((m) => m.id).sort(), ['ModuleAutoprovision', 'ModuleBitrix24Integration']);
    assert.equal(old.find((m) => m.id === 'ModuleAutoprovision')?.version, '1.40');
    assert.deepEqual(await t.client.catalog('2019.1'), []);
  });

  test('details list the installable releases newest first, with md5, size, changelog; EULA for paid modules', async () => {
    const details = await t.client.moduleDetails('ModuleUsersUI', DEFAULT_PBX_VERSION);
    assert.deepEqual(details.releases.map((r) => r.version), ['1.81', '1.80']);
    for (const release of details.releases) {
      assert.match(release.md5, /^[0-9a-f]{32}$/);
      assert.match(release.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(release.changelog.length > 5);
      assert.ok(compareVersions(release.minPbxVersion, DEFAULT_PBX_VERSION) <= 0);
    }
    assert.match(details.eula ?? '', /LICENSE AGREEMENT/);
    assert.equal((await t.client.moduleDetails('ModuleTemplate', DEFAULT_PBX_VERSION)).eula, null);
  });

  test('pbxVersion missing or malformed is 400; an unknown module or one with nothing installable is 404', async () => {
    assertErrorBody(await t.call('GET', '/api/v1/catalog'), 400, 'bad_request');
    const bad = await t.call('GET', '/api/v1/catalog?pbxVersion=latest');
    assertErrorBody(bad, 400, 'bad_request');
    assert.match(bad.body.error.message, /pbxVersion/);
    assertErrorBody(await t.call('GET', '/api/v1/catalog/ModuleTemplate'), 400, 'bad_request');
    assertErrorBody(await t.call('GET', '/api/v1/catalog/NoSuchModule?pbxVersion=2025.1.120'), 404, 'not_found');
    assertErrorBody(await t.call('GET', '/api/v1/catalog/ModuleJapaneseLanguagePack?pbxVersion=2025.1.120'), 404, 'not_found');
    assertErrorBody(await t.call('GET', '/api/v1/catalog/bad%20id?pbxVersion=2025.1.120'), 400, 'bad_request');
  });
});

describe('download links', () => {
  test('a free module needs no key; the download streams the archive with its length, md5 as promised', async () => {
    const link = await t.client.downloadLink('ModuleTemplate', { version: '1.81', hostId: 'any' });
    assert.match(link.href, /^\/api\/v1\/downloads\/[A-Za-z0-9_.-]+$/);
    const response = await fetch(t.client.resolveHref(link.href));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.equal(Number(response.headers.get('content-length')), link.size);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.length, link.size);
    assert.equal(createHash('md5').update(bytes).digest('hex'), link.md5);
    const entries = await readZip(bytes);
    const manifest = JSON.parse(entries.get('module.json')!.toString('utf8'));
    assert.equal(manifest.moduleUniqueID, 'ModuleTemplate');
    assert.equal(manifest.version, '1.81');
    assert.equal(manifest.min_pbx_version, '2023.2.150');
    assert.equal(manifest.developer, 'MIKO');
    assert.ok(entries.has('db/'));
    assert.equal(entries.get('db/module.db')!.subarray(0, 15).toString('latin1'), 'SQLite format 3');
    assert.ok(entries.has('README.md') && entries.has('Lib/ModuleTemplateConf.php') && entries.has('App/Controllers/ModuleTemplateController.php'));
  });

  test('a paid module needs a key holding its live product license: 2026, 2008, then 2011 once expired', async () => {
    await assertLicenseError(t.client.downloadLink('ModuleUsersUI', { version: '1.81', hostId: 'h' }), 2026);
    await assertLicenseError(t.client.downloadLink('ModuleUsersUI', { version: '1.81', hostId: 'h', key: 'MIKO-11111-11111-11111-11111' }), 2026);
    const key = await registerCompany(t);
    await assertLicenseError(t.client.downloadLink('ModuleUsersUI', { version: '1.81', hostId: 'h', key }), 2008);
    await t.client.addTrial(key, 127);
    const link = await t.client.downloadLink('ModuleUsersUI', { version: '1.81', hostId: 'h', key });
    const bytes = Buffer.from(await (await fetch(t.client.resolveHref(link.href))).arrayBuffer());
    assert.equal(createHash('md5').update(bytes).digest('hex'), link.md5);
    const manifest = JSON.parse((await readZip(bytes)).get('module.json')!.toString('utf8'));
    assert.deepEqual([manifest.lic_product_id, manifest.lic_feature_id, manifest.version], [127, 51, '1.81']);
    t.clock.advance(15 * DAY);
    try {
      await assertLicenseError(t.client.downloadLink('ModuleUsersUI', { version: '1.81', hostId: 'h', key }), 2011);
    } finally {
      t.clock.advance(-15 * DAY);
    }
    // A paid coupon keeps it going.
    await t.client.activateCoupon(key, await makeCoupon(t, { productId: 127, days: 365 }));
    t.clock.advance(15 * DAY);
    try {
      await t.client.downloadLink('ModuleUsersUI', { version: '1.80', hostId: 'h', key });
    } finally {
      t.clock.advance(-15 * DAY);
    }
  });

  test('an unknown version or module is not_found', async () => {
    await assert.rejects(t.client.downloadLink('ModuleTemplate', { version: '9.99', hostId: 'h' }), (e: unknown) => e instanceof ServiceRequestError && e.code === 'not_found');
    await assert.rejects(t.client.downloadLink('Nope', { version: '1.0', hostId: 'h' }), (e: unknown) => e instanceof ServiceRequestError && e.code === 'not_found');
  });

  test('a tampered, malformed or expired token is refused with the error shape', async () => {
    const link = await t.client.downloadLink('ModuleBackup', { version: '1.76', hostId: 'h' });
    const token = link.href.split('/').pop()!;
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ m: 'ModuleUsersUI', v: '1.81', e: Date.now() + 10 * DAY })).toString('base64url');
    assertErrorBody(await t.call('GET', `/api/v1/downloads/${forged}.${sig}`), 403, 'link_invalid');
    assertErrorBody(await t.call('GET', `/api/v1/downloads/${payload}.${sig!.slice(0, -2)}AA`), 403, 'link_invalid');
    assertErrorBody(await t.call('GET', '/api/v1/downloads/not-a-token'), 403, 'link_invalid');
    assertErrorBody(await t.call('GET', `/api/v1/downloads/${'x'.repeat(600)}`), 400, 'bad_request');
    t.clock.advance(16 * MINUTE);
    try {
      assertErrorBody(await t.call('GET', link.href), 403, 'link_expired');
    } finally {
      t.clock.advance(-16 * MINUTE);
    }
    const fresh = await fetch(t.client.resolveHref(link.href));
    assert.equal(fresh.status, 200);
    assert.equal((await fresh.arrayBuffer()).byteLength, link.size);
  });

  test('another instance on the same data dir accepts the link and sees the same keys', async () => {
    const key = await registerCompany(t);
    const second = await startTestService({ dataDir: t.dataDir, clock: t.clock });
    try {
      assert.equal((await second.client.licenseInfo(key)).owner.contact, 'Ann Admin');
      const link = await t.client.downloadLink('ModuleAutoprovision', { version: '1.45', hostId: 'h' });
      const bytes = Buffer.from(await (await fetch(`${second.url}${link.href}`)).arrayBuffer());
      assert.equal(createHash('md5').update(bytes).digest('hex'), link.md5);
    } finally {
      await second.stop();
    }
  });
});

describe('demo archives', () => {
  test('are rebuilt when missing or corrupt, with the same content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-archives-'));
    try {
      const first = await ensureDemoArchives(dir);
      assert.ok(first.length >= 6);
      for (const entry of first) {
        assert.ok(entry.releases.length >= 2, entry.id);
        for (const release of entry.releases) {
          const bytes = await readFile(release.file);
          assert.equal(createHash('md5').update(bytes).digest('hex'), release.md5);
          assert.equal(bytes.length, release.size);
        }
      }
      assert.ok(first.some((e) => e.releases.some((r) => compareVersions(r.minPbxVersion, DEFAULT_PBX_VERSION) > 0)));
      const victim = first[0]!.releases[0]!;
      await writeFile(victim.file, 'garbage');
      await unlink(first[1]!.releases[1]!.file);
      const second = await ensureDemoArchives(dir);
      const repaired = await readFile(victim.file);
      assert.equal(createHash('md5').update(repaired).digest('hex'), second[0]!.releases[0]!.md5);
      assert.equal((await readZip(repaired)).has('module.json'), true);
      assert.equal((await readFile(second[1]!.releases[1]!.file)).length, second[1]!.releases[1]!.size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('writeModuleZip writes bespoke and hostile entries byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-zip-'));
    try {
      const file = join(dir, 'evil.zip');
      const written = await writeModuleZip(file, [
        { name: 'module.json', content: '{"moduleUniqueID":"Evil"}' },
        { name: '../../etc/evil.txt', content: 'escape', raw: true },
        { name: '/abs/path.txt', content: 'absolute', raw: true },
        { name: 'link', content: '/etc/passwd', mode: 0o120777 },
        { name: 'db/', content: '' },
      ]);
      const bytes = await readFile(file);
      assert.equal(bytes.length, written.size);
      assert.equal(createHash('md5').update(bytes).digest('hex'), written.md5);
      const names: string[] = [];
      const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false }, (e, z) => (e ? reject(e) : resolve(z!))));
      await new Promise<void>((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', () => resolve());
        zip.on('entry', (entry: yauzl.Entry) => {
          names.push((entry.fileName as unknown as Buffer).toString('utf8'));
          zip.readEntry();
        });
        zip.readEntry();
      });
      assert.deepEqual(names, ['module.json', '../../etc/evil.txt', '/abs/path.txt', 'link', 'db/']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
