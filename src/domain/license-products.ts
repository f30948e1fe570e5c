import type { Binding } from '../licensing/api.js';

/** MikoPBX's own product and its free per-host feature (SPEC §3). */
export const MIKOPBX_PRODUCT_ID = 1;
export const MIKOPBX_FEATURE_ID = 33;

/** How long the trial of a paid module's product lasts (SPEC §3): what an install's confirmation says. */
export const PRODUCT_TRIAL_DAYS = 14;

/**
 * What a person should know before dropping these bindings (SPEC §4), in English (the faces say
 * it in their language from `dropConsequences`): losing feature 33
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
