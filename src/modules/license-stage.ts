import type { Binding } from '../licensing/api.js';
import type { LicensingClient } from '../licensing/client.js';
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
 * Bind a seat of the module's feature to this PBX. When the key has no license for the
 * module's product at all (2008), add the product's 14-day trial — once per product, the
 * service decides — and capture again (SPEC §3, §5). Any other refusal is a LicenseError.
 */
export async function captureModuleFeature(client: LicensingClient, key: string, module: PaidModuleRef, ctx: ModuleContext): Promise<Binding> {
  const host = await ctx.hostIdentity();
  try {
    return await client.captureFeature(key, module.licFeatureId, host);
  } catch (error) {
    if (!(error instanceof LicenseError) || error.code !== 2008) throw error;
    const info = await client.licenseInfo(key);
    if (info.products.some((p) => p.productId === module.licProductId)) throw error;
    await client.addTrial(key, module.licProductId);
    return client.captureFeature(key, module.licFeatureId, host);
  }
}
