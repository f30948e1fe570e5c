import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { normalizeCoupon } from '../../domain/license-key.js';
import { findCoupon, newCouponCode, requireCoupon, requireKey } from './credentials.js';
import { applyCoupon } from './licenses.js';
import { featureName, findKnownProduct } from './products.js';
import { licenseRefusal } from './service-error.js';
import type { CouponRecord, KeyRecord, ServiceState } from './service-store.js';

/** What an operator sells: a product license of `days` with seats per feature. */
export interface CouponSpec {
  productId: number;
  days: number;
  /** Default: one seat of each feature of a known product. */
  features?: { featureId: number; count: number }[];
  /** Product name; default the known product's name. */
  name?: string;
}

/** Make a coupon; a product the catalog does not know needs a name and features. */
export function createCoupon(state: ServiceState, spec: CouponSpec, now: Date): CouponRecord {
  if (!Number.isInteger(spec.productId) || spec.productId <= 0) throw new ValidationError(`The product id must be a positive integer (got ${spec.productId}).`, 'Give --product ID, e.g. --product 127.', 'product');
  if (!Number.isInteger(spec.days) || spec.days <= 0 || spec.days > 36_500) throw new ValidationError(`The days must be a whole number from 1 to 36500 (got ${spec.days}).`, 'Give --days N, e.g. --days 365.', 'days');
  const known = findKnownProduct(spec.productId);
  const name = spec.name?.trim() || known?.name;
  if (!name) throw new ValidationError(`Product ${spec.productId} is not in the catalog, so the coupon needs its name.`, 'Add --name TEXT and --feature ID:COUNT.', 'name');
  const features = spec.features?.length
    ? spec.features.map((f) => {
        if (!Number.isInteger(f.featureId) || f.featureId <= 0 || !Number.isInteger(f.count) || f.count < 0) {
          throw new ValidationError(`Feature ${f.featureId}:${f.count} is not valid: both are whole numbers, the id positive.`, 'Write features as --feature ID:COUNT, e.g. --feature 33:2.', 'feature');
        }
        return { featureId: f.featureId, name: known?.features.find((k) => k.featureId === f.featureId)?.name ?? featureName(f.featureId), count: f.count };
      })
    : (known?.features.map((f) => ({ featureId: f.featureId, name: f.name, count: 1 })) ?? []);
  if (features.length === 0) throw new ValidationError(`Product ${spec.productId} is not in the catalog, so the coupon needs its features.`, 'Add --feature ID:COUNT.', 'feature');
  const coupon: CouponRecord = {
    code: newCouponCode(state),
    productId: spec.productId,
    productName: name,
    days: spec.days,
    features,
    created: now.toISOString(),
    blocked: false,
    activated: null,
  };
  state.coupons.push(coupon);
  return coupon;
}

/** Block a coupon so that it can no longer be activated or used to log in. */
export function blockCoupon(state: ServiceState, input: string): CouponRecord {
  const code = normalizeCoupon(input);
  const coupon = findCoupon(state, code);
  if (!coupon) throw new NotFoundError(`There is no coupon ${code} in this licensing service's store.`, 'Check the code, and the --data-dir of the service.');
  coupon.blocked = true;
  return coupon;
}

/**
 * Activate a coupon on a key: 2037 without a valid key, 2040 for an unknown coupon,
 * 2057 blocked, 2041 already activated.
 */
export function activateCoupon(state: ServiceState, keyInput: string, couponInput: string, now: Date): KeyRecord {
  const record = requireKey(state, keyInput, 2037);
  const coupon = requireCoupon(state, couponInput);
  if (coupon.blocked) throw licenseRefusal(2057, 'This coupon is blocked and cannot be activated.');
  if (coupon.activated) {
    const where = coupon.activated.keyId === record.id ? 'on this license key' : 'on another license key';
    throw licenseRefusal(2041, `This coupon was already activated ${where} on ${coupon.activated.at.slice(0, 10)}.`);
  }
  applyCoupon(record, coupon, now);
  coupon.activated = { at: now.toISOString(), keyId: record.id };
  return record;
}
