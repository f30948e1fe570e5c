import type { Binding, FeatureInfo, ProductInfo } from '../licensing/api.js';

/** MikoPBX's own product and its free per-host feature (SPEC §3). */
export const MIKOPBX_PRODUCT_ID = 1;
export const MIKOPBX_FEATURE_ID = 33;

/** "1 license for MikoPBX free license (33), 1 occupied" — the vendor's wording. */
export function describeFeatureSeats(feature: FeatureInfo): string {
  const noun = feature.count === 1 ? 'license' : 'licenses';
  return `${feature.count} ${noun} for ${feature.name} (${feature.featureId}), ${feature.captured} occupied`;
}

/** "trial, expires 2026-12-22 (30 days left)" or "EXPIRED on 2026-10-01". */
export function describeProductTerm(product: ProductInfo, now: Date = new Date()): string {
  const date = product.expires.slice(0, 10);
  if (product.expired) return `${product.trial ? 'trial ' : ''}EXPIRED on ${date}`;
  const days = Math.max(0, Math.ceil((Date.parse(product.expires) - now.getTime()) / 86_400_000));
  return `${product.trial ? 'trial, ' : ''}expires ${date} (${days} day${days === 1 ? '' : 's'} left)`;
}

/** "MikoPBX free license (33) per: pbx-01" — a feature line of the session monitor. */
export function describeBinding(binding: Binding): string {
  return `${binding.featureName} (${binding.featureId}) per: ${binding.host}`;
}

/**
 * What a person should know before dropping these bindings (SPEC §4): losing feature 33
 * unlicenses the PBX itself; features of paid products switch those modules off.
 */
export function dropWarnings(bindings: readonly Binding[]): string[] {
  const { mikoPbx, otherProducts } = dropConsequences(bindings);
  const warnings: string[] = [];
  if (mikoPbx) warnings.push('This drops feature 33 (MikoPBX free license): that PBX loses its marketplace license until it captures the seat again.');
  if (otherProducts.length > 0) warnings.push(`This drops features of other products: ${otherProducts.join(', ')}. Their modules on that PBX will be disabled at the next license check.`);
  return warnings;
}

/** What dropping these bindings costs, for a face to say in its language: feature 33, and the other products' features (`Name (id)`). */
export function dropConsequences(bindings: readonly Binding[]): { mikoPbx: boolean; otherProducts: string[] } {
  return {
    mikoPbx: bindings.some((b) => b.featureId === MIKOPBX_FEATURE_ID),
    otherProducts: [...new Set(bindings.filter((b) => b.productId !== MIKOPBX_PRODUCT_ID).map((b) => `${b.productName} (${b.featureId})`))],
  };
}
