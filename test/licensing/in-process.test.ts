import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LicenseError } from '../../src/domain/license-codes.js';
import { LicensingClient } from '../../src/licensing/client.js';
import { openInProcessService, type InProcessService } from '../../src/licensing/embedded.js';
import { ServiceRequestError } from '../../src/licensing/errors.js';
import { downloadArchive } from '../../src/modules/download.js';
import { startTestService, type TestService } from './service/harness.js';

const HOST = { hostId: '7f6c1d9e-0000-4000-8000-000000000001', user: 'root', host: 'pbx-in-process', db: '/cf/conf/mikopbx.db', net: '02:00:00:00:00:01', proc: 1 };

/**
 * The embedded service reached without a socket answers exactly what the same service says
 * over HTTP: the same bodies, the same license codes, the same archives.
 */
describe('the embedded service in-process', () => {
  let dataDir: string;
  let inProcess: InProcessService;
  let client: LicensingClient;
  let overHttp: TestService;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-in-process-'));
    inProcess = await openInProcessService(dataDir);
    client = new LicensingClient({ baseUrl: inProcess.url, fetch: inProcess.fetch, openArchive: inProcess.openArchive, retries: 0 });
    overHttp = await startTestService();
  });
  after(async () => {
    await inProcess.close();
    await overHttp.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('registers, reads license info and captures a seat through the same routes', async () => {
    const registered = await client.register({ company: 'Socketless Ltd', email: 'ops@socketless.example', contact: 'Sol', hostId: HOST.hostId });
    assert.match(registered.key, /^MIKO(-[A-Z0-9]{5}){4}$/);
    const info = await client.licenseInfo(registered.key);
    assert.equal(info.owner.company, 'Socketless Ltd');
    const binding = await client.captureFeature(registered.key, 33, HOST);
    assert.equal(binding.host, 'pbx-in-process');
    // The store behind it is the embedded service's own file in the PBX's data dir.
    const store = await readFile(join(dataDir, 'licensing/licensing.json'), 'utf8');
    assert.ok(store.includes('Socketless Ltd'));
  });

  test('refusals come out as the same errors as over HTTP', async () => {
    const unknownKey = 'MIKO-AAAAA-BBBBB-CCCCC-DDDDD';
    const local = await client.licenseInfo(unknownKey).catch((error: unknown) => error);
    const remote = await overHttp.client.licenseInfo(unknownKey).catch((error: unknown) => error);
    assert.ok(local instanceof LicenseError && remote instanceof LicenseError);
    assert.equal(local.code, 2026);
    assert.equal(local.message, remote.message);

    const badBody = await client.captureFeature(unknownKey, -1, HOST).catch((error: unknown) => error);
    const badBodyRemote = await overHttp.client.captureFeature(unknownKey, -1, HOST).catch((error: unknown) => error);
    assert.ok(badBody instanceof ServiceRequestError && badBodyRemote instanceof ServiceRequestError, String(badBody));
    assert.equal(badBody.status, 400);
    assert.equal(badBody.message, badBodyRemote.message);
  });

  test('a download link opens as a stream with the announced size and md5', async () => {
    const { key } = await client.register({ company: 'Archive Ltd', email: 'ops@archive.example', contact: 'Arc', hostId: '7f6c1d9e-0000-4000-8000-000000000002' });
    const link = await client.downloadLink('ModuleTemplate', { version: '1.81', key, hostId: HOST.hostId });
    const file = join(dataDir, 'ModuleTemplate.zip');
    await downloadArchive(client.resolveHref(link.href), file, { size: link.size, md5: link.md5, open: client.openArchive! });
    const bytes = await readFile(file);
    assert.equal(bytes.length, link.size);
    assert.equal(createHash('md5').update(bytes).digest('hex'), link.md5);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  });
});
