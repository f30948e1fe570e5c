import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastReceivedLicense, readLicense, registerPbx, resetLicenseKey } from '../../src/licensing/marketplace-registration.js';
import { wantedSeats } from '../../src/licensing/own-seats.js';
import { PbxContext } from '../../src/pbx-context.js';
import { pbxStoreFile } from '../../src/store/pbx-store.js';
import type { InstalledModule } from '../../src/store/schema.js';
import { startTestService, type TestService } from './service/harness.js';

function module(id: string, fields: Partial<InstalledModule>): InstalledModule {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, version: '1.0.0', developer: 'MIKO', supportEmail: 'help@miko.ru', minPbxVersion: '2024.1.1', name: id, description: id, enabled: true, disabledReason: null, disabledReasonText: null, installedAt: at, updatedAt: at, ...fields };
}

describe("the seats this PBX should hold", () => {
  test('feature 33 first, then each enabled paid module\'s feature, modules sharing a feature on one seat; free and disabled modules hold none', () => {
    const seats = wantedSeats({
      modules: [
        module('ModuleUsersUI', { licProductId: 127, licFeatureId: 51 }),
        module('ModuleFree', {}),
        module('ModuleOff', { licProductId: 31, licFeatureId: 40, enabled: false, disabledReason: 'DisabledByUser' }),
        module('ModuleUsersExtra', { licProductId: 127, licFeatureId: 51 }),
        module('ModuleProductOnly', { licProductId: 191, licFeatureId: 0 }),
      ],
    });
    assert.deepEqual(seats, [
      { featureId: 33, modules: [] },
      { featureId: 51, modules: ['ModuleUsersUI', 'ModuleUsersExtra'] },
    ]);
  });
});

describe('the last license received, kept in the store', () => {
  let service: TestService;
  let dataDir: string;
  let pbx: PbxContext;
  before(async () => {
    service = await startTestService();
    dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-last-license-'));
    pbx = new PbxContext({ dataDir, api: service.url });
  });
  after(async () => {
    await pbx.close();
    await service.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a read keeps it (masked key, info, when); the same answer read again at once leaves the store file as it was; a reset forgets it', async () => {
    assert.equal(await lastReceivedLicense(pbx), null, 'nothing before a key');
    const saved = await registerPbx(pbx, { company: 'Acme Ltd', email: 'kept@acme.example', contact: 'Ann Lee' });
    const status = await readLicense(pbx);
    assert.deepEqual(status.seats.map((s) => [s.featureId, s.held]), [[33, true]]);

    const kept = await lastReceivedLicense(pbx);
    assert.ok(kept);
    assert.equal(kept.last.maskedKey, status.key);
    assert.deepEqual(kept.last.info.products, status.info!.products);
    assert.ok(Date.now() - Date.parse(kept.last.receivedAt) < 60_000);
    assert.deepEqual(kept.seats, [{ featureId: 33, modules: [], held: null, dropped: false, free: 0 }], 'offline, whether a seat is held is unknown');
    const file = await readFile(pbxStoreFile(dataDir), 'utf8');
    assert.ok(!JSON.stringify(JSON.parse(file).lastLicense).includes(saved.key), 'the kept answer holds the key masked only');

    await readLicense(pbx);
    assert.equal(await readFile(pbxStoreFile(dataDir), 'utf8'), file, 'no write: the console rereads on every store change');

    await resetLicenseKey(pbx);
    assert.equal(JSON.parse(await readFile(pbxStoreFile(dataDir), 'utf8')).lastLicense, undefined);
    assert.equal(await lastReceivedLicense(pbx), null);
  });
});
