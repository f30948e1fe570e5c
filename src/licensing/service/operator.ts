import { join } from 'node:path';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { LicenseError } from '../../domain/license-codes.js';
import { blockCoupon, createCoupon, type CouponSpec } from './coupons.js';
import { requireKey } from './credentials.js';
import { featureName } from './products.js';
import { openServiceStore, type CouponRecord, type ServiceStore } from './service-store.js';

/**
 * What the operator of a licensing service does from the command line, straight on its store
 * (the service may be running: every change is one locked update).
 */

/** The service's data dir inside a pbxmod data dir (where the embedded service keeps it). */
export function licensingDataDir(pbxmodDataDir: string): string {
  return join(pbxmodDataDir, 'licensing');
}

export function openOperatorStore(pbxmodDataDir: string): ServiceStore {
  return openServiceStore(licensingDataDir(pbxmodDataDir));
}

export function createCouponInStore(store: ServiceStore, spec: CouponSpec, now = new Date()): Promise<CouponRecord> {
  return store.update((state) => structuredClone(createCoupon(state, spec, now)));
}

export function blockCouponInStore(store: ServiceStore, code: string): Promise<CouponRecord> {
  return store.update((state) => structuredClone(blockCoupon(state, code)));
}

export interface SeatsSpec {
  key: string;
  productId: number;
  featureId: number;
  count: number;
}

/** Add seats of a feature to a product a key holds; returns the feature's new seat count. */
export function addSeatsInStore(store: ServiceStore, spec: SeatsSpec): Promise<{ productName: string; featureName: string; count: number }> {
  for (const [field, value, max] of [['product', spec.productId, 1e9], ['feature', spec.featureId, 1e9], ['count', spec.count, 100_000]] as const) {
    if (!Number.isInteger(value) || value <= 0 || value > max) throw new ValidationError(`--${field} must be a whole number from 1 to ${max} (got ${value}).`, 'Example: pbxmod service seats add --key KEY --product 1 --feature 33 --count 2', field);
  }
  return store.update((state) => {
    let record;
    try {
      record = requireKey(state, spec.key);
    } catch (error) {
      if (error instanceof LicenseError) throw new NotFoundError(error.serviceMessage, 'Check the key, and the --data-dir of the service.');
      throw error;
    }
    const product = record.products.find((p) => p.productId === spec.productId);
    if (!product) {
      const held = record.products.map((p) => `${p.productId} (${p.name})`).join(', ');
      throw new NotFoundError(`This key holds no license for product ${spec.productId}; it holds ${held}.`, 'Activate a coupon for the product first, or give one of the products it holds.');
    }
    let feature = product.features.find((f) => f.featureId === spec.featureId);
    if (!feature) {
      feature = { featureId: spec.featureId, name: featureName(spec.featureId), count: 0 };
      product.features.push(feature);
    }
    feature.count += spec.count;
    return { productName: product.name, featureName: feature.name, count: feature.count };
  });
}
