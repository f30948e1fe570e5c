import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLicense, registerPbx, resetLicenseKey, setLicenseKey } from '../../src/licensing/marketplace-registration.js';
import { PbxContext } from '../../src/pbx-context.js';
import { pbxStoreFile } from '../../src/store/pbx-store.js';
import { maskLicenseKey } from '../../src/domain/license-key.js';
import { startTestService, type TestService } from './service/harness.js';

// The full key is shown only when asked for (reveal), and never written to the audit log:
// each operation that names the key in the log is checked on the store file itself.
describe('the license key in output and in the audit log', () => {
  let service: TestService;
  let dir: string;
  let pbx: PbxContext;
  let key: string;
  const storeText = () => readFile(pbxStoreFile(dir), 'utf8');

  before(async () => {
    service = await startTestService();
    dir = await mkdtemp(join(tmpdir(), 'pbxmod-key-masking-'));
    pbx = new PbxContext({ dataDir: dir, api: service.url });
    key = (await registerPbx(pbx, { company: 'Mask LLC', email: 'mask@example.com', contact: 'Max' })).key;
  });
  after(async () => {
    await pbx.close();
    await service.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('show gives the masked key unless revealed', async () => {
    const shown = await readLicense(pbx);
    assert.equal(shown.key, maskLicenseKey(key));
    assert.notEqual(shown.key, key);
    assert.equal((await readLicense(pbx, { reveal: true })).key, key);
  });

  it('revealing is audited with the masked key only', async () => {
    await readLicense(pbx, { reveal: true });
    const entry = (await pbx.store.read()).audit.at(-1);
    assert.deepEqual([entry?.action, entry?.target], ['license.reveal', maskLicenseKey(key)]);
    const text = await storeText();
    assert.equal(text.split(key).length - 1, 1, 'the key is in the store once: the setting');
  });

  it('saving a key and resetting it are audited with the masked key only', async () => {
    await setLicenseKey(pbx, key.toLowerCase());
    let entry = (await pbx.store.read()).audit.at(-1);
    assert.deepEqual([entry?.action, entry?.target, entry?.outcome], ['license.set-key', maskLicenseKey(key), 'ok']);
    await resetLicenseKey(pbx);
    entry = (await pbx.store.read()).audit.at(-1);
    assert.deepEqual([entry?.action, entry?.target, entry?.outcome], ['license.reset', maskLicenseKey(key), 'ok']);
    assert.ok(!(await storeText()).includes(key), 'with the key reset, no trace of it is left');
  });
});
