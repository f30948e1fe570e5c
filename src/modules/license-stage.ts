import type { Binding } from '../licensing/api.js';
import type { LicensingClient } from '../licensing/client.js';
import { ConnectionError, ServiceRequestError } from '../licensing/errors.js';
import { LicenseError } from '../domain/license-codes.js';
import type { ModuleContext } from './context.js';
import { licenseKeyMissing } from './errors.js';

export interface PaidModuleRef {
  id: string;
  licProductId: number;
  licFeatureId: number;
}

/** The saved license key, or the SPEC §5 refusal for a paid module. */
export async function requireLicenseKey(ctx: ModuleContext, moduleId: string): Promise<string> {
  const { settings } = await ctx.store.read();
  if (!settings.licenseKey) throw licenseKeyMissing(moduleId);
  return settings.licenseKey;
}

/**
 * The license stage of a paid module, as MikoPBX does it. A module with a feature binds a seat
 * of it to this PBX; when the key has no license for the module's product at all (2008), the
 * product's 14-day trial is added — once per product, the service decides — and the capture
 * tried again (SPEC §3, §5). A module with a product and feature 0 binds no seat: its key gets
 * the product's trial when it has none, best effort, as MikoPBX's install does.
 * Every refusal is a LicenseError (the caller marks the module DisabledByLicense); `null` when no
 * seat was bound.
 */
export async function captureModuleFeature(client: LicensingClient, key: string, module: PaidModuleRef, ctx: ModuleContext): Promise<Binding | null> {
  if (module.licFeatureId <= 0) {
    try {
      const info = await client.licenseInfo(key);
      if (!info.products.some((p) => p.productId === module.licProductId)) await addProductTrial(client, key, module.licProductId);
    } catch (error) {
      // MikoPBX ignores the trial's answer here; only an unreachable service is worth saying.
      if (error instanceof ConnectionError) throw error;
    }
    return null;
  }
  const host = await ctx.hostIdentity();
  try {
    return await client.captureFeature(key, module.licFeatureId, host);
  } catch (error) {
    if (!(error instanceof LicenseError) || error.code !== 2008) throw error;
    const info = await client.licenseInfo(key);
    if (info.products.some((p) => p.productId === module.licProductId)) throw error;
    await addProductTrial(client, key, module.licProductId);
    return client.captureFeature(key, module.licFeatureId, host);
  }
}

/** Add the product's trial. A refusal is a license refusal. */
async function addProductTrial(client: LicensingClient, key: string, productId: number): Promise<void> {
  try {
    await client.addTrial(key, productId);
  } catch (error) {
    // "Product 191 is not in the catalog, so it has no trial": the service's words, as a license
    // refusal (no seat, the session monitor pointer), not a request the user mistyped.
    if (error instanceof ServiceRequestError && error.status >= 400 && error.status < 500 && error.code !== 'too_many_attempts') {
      throw new LicenseError(2008, error.message);
    }
    throw error;
  }
}
