import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLicenseCode } from '../../../../src/domain/license-key.js';
import { LicensingClient } from '../../../../src/licensing/client.js';
import { startLicensingService } from '../../../../src/licensing/service/server.js';
import { defaultSecretFile, loadServiceSecret } from '../../../../src/licensing/service/secret.js';
import { JsonLicensingStorage } from '../../../../src/licensing/service/storage/json-storage.js';
import { startTestService, registerCompany } from '../harness.js';

describe('JSON storage', () => {
  test('a format-1 licensing.json (secret inside) is upgraded: its keys keep working and the secret leaves the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-json-v1-'));
    try {
      const oldSecret = randomBytes(32).toString('hex');
      const id = randomBytes(16).toString('hex');
      const key = formatLicenseCode('MIKO', createHmac('sha256', Buffer.from(oldSecret, 'hex')).update(`license-key\0${id}`).digest());
      const now = new Date();
      const v1 = {
        schemaVersion: 1,
        secret: oldSecret,
        keys: [{ id, keyHash: createHash('sha256').update(key).digest('hex'), owner: { company: 'Old Co', contact: 'O', email: 'old@example.com' }, trialHostId: 'old-host', created: now.toISOString(), products: [{ productId: 1, name: 'MikoPBX', expires: new Date(now.getTime() + 86_400_000).toISOString(), trial: true, features: [{ featureId: 33, name: 'MikoPBX free license', count: 1 }] }], trialsGranted: [1] }],
        coupons: [{ code: 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD', productId: 31, productName: 'Bitrix24 integration', days: 30, features: [{ featureId: 41, name: 'Bitrix24', count: 1 }], created: now.toISOString(), blocked: false, activated: null }],
        bindings: [],
        drops: [],
      };
      await writeFile(join(dir, 'licensing.json'), JSON.stringify(v1), { mode: 0o600 });
      const service = await startLicensingService({ host: '127.0.0.1', port: 0, dataDir: dir });
      try {
        const client = new LicensingClient({ baseUrl: service.url, retries: 0 });
        assert.equal((await client.licenseInfo(key)).owner.company, 'Old Co');
        assert.equal((await client.activateCoupon(key, 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD')).products.length, 2);
      } finally {
        await service.close();
      }
      const text = await readFile(join(dir, 'licensing.json'), 'utf8');
      assert.equal(JSON.parse(text).schemaVersion, 2);
      assert.ok(!text.includes(oldSecret));
      assert.ok(!text.includes('MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reads come from memory, and a change on disk by another process is seen on the next request', async () => {
    const t = await startTestService();
    try {
      const key = await registerCompany(t);
      const secret = await loadServiceSecret(defaultSecretFile(t.dataDir));
      const storage = await JsonLicensingStorage.open(t.dataDir, secret);
      const ref = { keyHash: secret.hashCredential(key) };
      const first = await storage.readKey(ref);
      assert.equal((await storage.readKey(ref))?.slice.record, first?.slice.record, 'the same object: no re-read while the file is unchanged');
      // Another process (the service) changes the file: the next read sees it.
      await t.client.addTrial(key, 31);
      const after = await storage.readKey(ref);
      assert.notEqual(after?.slice.record, first?.slice.record);
      assert.ok(after?.slice.record.products.some((p) => p.productId === 31));
      // A file replaced behind its back with the same size and time is still noticed (inode).
      const file = join(t.dataDir, 'licensing.json');
      const text = await readFile(file, 'utf8');
      await writeFile(`${file}.new`, text.replace('"Ann Admin"', '"Ann Admix"'));
      const { rename, stat } = await import('node:fs/promises');
      const old = await stat(file);
      await rename(`${file}.new`, file);
      await utimes(file, old.atime, old.mtime);
      assert.equal((await storage.readKey(ref))?.slice.record.owner.contact, 'Ann Admix');
      await storage.close();
    } finally {
      await t.stop();
    }
  });
});
