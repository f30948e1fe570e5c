import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LicenseError, MANAGE_BINDINGS_HINT } from '../../src/domain/license-codes.js';
import { writeModuleZip } from '../../src/licensing/service/catalog/archives.js';
import { installFromFile } from '../../src/modules/install.js';
import { checkLicenses } from '../../src/modules/license-check.js';
import { enableModule } from '../../src/modules/lifecycle.js';
import { LICENSE_KEY_MISSING_MESSAGE, ModuleError } from '../../src/modules/errors.js';
import { manifestJson } from './fixtures/raw-zip.js';
import { registerPbx, serviceWithPbxes, type TestPbx } from './helpers.js';

/** Paid modules as the vendor ships them, installed from a zip on disk. */
describe('paid modules whose license the marketplace catalog does not describe', () => {
  const bed = serviceWithPbxes();
  const { pbx } = bed;
  const moduleZip = async (p: TestPbx, id: string, license: Record<string, number>): Promise<string> => {
    const file = join(p.sandbox, `${id}.zip`);
    await writeModuleZip(file, [
      { name: 'module.json', content: manifestJson(id, license) },
      { name: 'Lib/', content: '' },
      { name: `Lib/${id}.php`, content: '<?php\n' },
    ]);
    return file;
  };

  it('a module with lic_product_id 85 and lic_feature_id 0 installs with a key, enables, and binds no seat', async () => {
    const p = await pbx();
    const file = await moduleZip(p, 'ModuleCTIClient', { lic_product_id: 85, lic_feature_id: 0 });
    await assert.rejects(installFromFile(p.ctx, file), (e: unknown) => e instanceof ModuleError && e.code === 'license_key_missing');
    const key = await registerPbx(bed.service, p);
    const installed = await installFromFile(p.ctx, file);
    assert.equal(installed.module.licProductId, 85);
    const enabled = await enableModule(p.ctx, 'ModuleCTIClient');
    assert.equal(enabled.enabled, true);
    assert.equal(enabled.disabledReason, null);
    // The hourly check has no seat to look at, and leaves it enabled.
    const check = await checkLicenses(p.ctx);
    assert.deepEqual(check.disabled, []);
    assert.equal((await p.ctx.store.read()).modules[0]?.enabled, true);
    const { hostId } = await p.ctx.hostIdentity();
    const bindings = await bed.service.client.refreshBindings(key, hostId);
    assert.deepEqual(bindings, [], 'no seat was bound');
  });

  it('enabling a paid module after its key was removed ends disabled by license with the SPEC\'s words', async () => {
    const p = await pbx();
    await registerPbx(bed.service, p);
    await installFromFile(p.ctx, await moduleZip(p, 'ModuleNoKey', { lic_product_id: 127, lic_feature_id: 51 }));
    await p.ctx.store.update((s) => {
      s.settings.licenseKey = null;
    });
    await assert.rejects(enableModule(p.ctx, 'ModuleNoKey'), (e: unknown) => e instanceof ModuleError && e.code === 'license_key_missing');
    const record = (await p.ctx.store.read()).modules[0];
    assert.equal(record?.disabledReason, 'DisabledByLicense');
    assert.equal(record?.disabledReasonText, LICENSE_KEY_MISSING_MESSAGE);
  });

  it('enabling a paid module whose product the service does not know ends disabled by license, in the service\'s words', async () => {
    const p = await pbx();
    await registerPbx(bed.service, p);
    await installFromFile(p.ctx, await moduleZip(p, 'ModuleUnknownProduct', { lic_product_id: 191, lic_feature_id: 191 }));
    await assert.rejects(enableModule(p.ctx, 'ModuleUnknownProduct'), (e: unknown) => {
      assert.ok(e instanceof LicenseError, String(e));
      assert.match(e.message, /Product 191 is not in the catalog/);
      assert.doesNotMatch(e.hint ?? '', /Check the name/);
      assert.equal(e.hint, MANAGE_BINDINGS_HINT);
      return true;
    });
    const record = (await p.ctx.store.read()).modules[0];
    assert.equal(record?.enabled, false);
    assert.equal(record?.disabledReason, 'DisabledByLicense');
    assert.match(record?.disabledReasonText ?? '', /Product 191 is not in the catalog, so it has no trial/);
  });
});
