import type { Binding, FeatureInfo, ProductInfo } from '../licensing/api.js';

/** MikoPBX's own product and its free per-host feature (SPEC §3). */
export const MIKOPBX_PRODUCT_ID = 1;
export const MIKOPBX_FEATURE_ID = 33;

/** How long the trial of a paid module's product lasts (SPEC §3): what an install's confirmation says. */
export const PRODUCT_TRIAL_DAYS = 14;

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
  const warnings: string[] = [];
  if (bindings.some((b) => b.featureId === MIKOPBX_FEATURE_ID)) {
    warnings.push('This drops feature 33 (MikoPBX free license): that PBX loses its marketplace license until it captures the seat again.');
  }
  const others = [...new Set(bindings.filter((b) => b.productId !== MIKOPBX_PRODUCT_ID).map((b) => `${b.productName} (${b.featureId})`))];
  if (others.length > 0) warnings.push(`This drops features of other products: ${others.join(', ')}. Their modules on that PBX will be disabled at the next license check.`);
  return warnings;
}
