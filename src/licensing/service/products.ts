import type { ModuleLicense } from './catalog/catalog.js';
import { DEMO_MODULES, MIKOPBX_LICENSE } from './catalog/demo-catalog.js';

/** A product the service can license: its name and its features. */
export interface KnownProduct {
  productId: number;
  name: string;
  features: { featureId: number; name: string }[];
}

function fromLicense(license: ModuleLicense): KnownProduct {
  return { productId: license.productId, name: license.productName, features: [{ featureId: license.featureId, name: license.featureName }] };
}

/** MikoPBX itself plus every paid module of the catalog. */
export const KNOWN_PRODUCTS: readonly KnownProduct[] = [
  fromLicense(MIKOPBX_LICENSE),
  ...DEMO_MODULES.flatMap((m) => (m.license ? [fromLicense(m.license)] : [])),
];

export function findKnownProduct(productId: number): KnownProduct | undefined {
  return KNOWN_PRODUCTS.find((p) => p.productId === productId);
}

/** The name of a feature wherever it is known, else a neutral one. */
export function featureName(featureId: number): string {
  for (const product of KNOWN_PRODUCTS) {
    const feature = product.features.find((f) => f.featureId === featureId);
    if (feature) return feature.name;
  }
  return `Feature ${featureId}`;
}

/** Lengths of the trials (SPEC §3). */
export const REGISTRATION_TRIAL_DAYS = 30;
export { PRODUCT_TRIAL_DAYS } from '../../domain/license-products.js';
