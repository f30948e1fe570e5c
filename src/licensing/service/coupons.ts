import type { LicenseInfo } from '../api.js';
import { NotFoundError, ValidationError, reason } from '../../domain/errors.js';
import { normalizeCoupon } from '../../domain/license-key.js';
import { couponHashOf, keyHashOf, randomLicenseCode, unknownKey } from './credentials.js';
import { applyCoupon, licenseInfo } from './licenses.js';
import { featureName, findKnownProduct } from './products.js';
import { licenseRefusal } from './service-error.js';
import type { CouponRecord } from './records.js';
import type { ServiceSecret } from './secret.js';
import type { LicensingStorage } from './storage/storage.js';

/** What an operator sells: a product license of `days` with seats per feature. */
export interface CouponSpec {
  productId: number;
  days: number;
  /** Default: one seat of each feature of a known product. */
  features?: { featureId: number; count: number }[];
  /** Product name; default the known product's name. */
  name?: string;
}

/** A coupon just made: the code is shown this once; the store keeps only its hash. */
export interface CreatedCoupon {
  code: string;
  record: CouponRecord;
}

/** Make a coupon; a product the catalog does not know needs a name and features. */
export async function createCoupon(storage: LicensingStorage, secret: ServiceSecret, spec: CouponSpec): Promise<CreatedCoupon> {
  if (!Number.isInteger(spec.productId) || spec.productId <= 0) throw new ValidationError(reason('coupon_product_invalid', { value: spec.productId }), 'product');
  if (!Number.isInteger(spec.days) || spec.days <= 0 || spec.days > 36_500) throw new ValidationError(reason('coupon_days_invalid', { value: spec.days }), 'days');
  const known = findKnownProduct(spec.productId);
  const name = spec.name?.trim() || known?.name;
  if (!name) throw new ValidationError(reason('coupon_name_needed', { productId: spec.productId }), 'name');
  const features = spec.features?.length
    ? spec.features.map((f) => {
        if (!Number.isInteger(f.featureId) || f.featureId <= 0 || !Number.isInteger(f.count) || f.count < 0) {
          throw new ValidationError(reason('coupon_feature_invalid', { feature: `${f.featureId}:${f.count}` }), 'feature');
        }
        return { featureId: f.featureId, name: known?.features.find((k) => k.featureId === f.featureId)?.name ?? featureName(f.featureId), count: f.count };
      })
    : (known?.features.map((f) => ({ featureId: f.featureId, name: f.name, count: 1 })) ?? []);
  if (features.length === 0) throw new ValidationError(reason('coupon_features_needed', { productId: spec.productId }), 'feature');
  const now = await storage.now();
  for (;;) {
    const code = randomLicenseCode('MIKOUPD');
    const record: CouponRecord = {
      codeHash: secret.hashCredential(code),
      hint: code.slice(0, 13),
      productId: spec.productId,
      productName: name,
      days: spec.days,
      features,
      created: now.toISOString(),
      blocked: false,
      activated: null,
    };
    if (await storage.createCoupon(record)) return { code, record };
  }
}

/** Block a coupon so that it can no longer be activated or used to log in. */
export async function blockCoupon(storage: LicensingStorage, secret: ServiceSecret, input: string): Promise<{ code: string; record: CouponRecord }> {
  const code = normalizeCoupon(input);
  const record = await storage.blockCoupon(secret.hashCredential(code));
  if (!record) throw new NotFoundError(reason('coupon_not_on_service', { coupon: code }));
  return { code, record };
}

/**
 * Activate a coupon on a key, in one atomic change of both: 2037 without a valid key, 2040 for
 * an unknown coupon, 2057 blocked, 2041 already activated.
 */
export async function activateCoupon(storage: LicensingStorage, secret: ServiceSecret, keyInput: string, couponInput: string): Promise<LicenseInfo> {
  const keyHash = keyHashOf(secret, keyInput, 2037);
  const { codeHash, hint } = couponHashOf(secret, couponInput);
  return storage.updateKey(
    { keyHash },
    (slice, now, coupon) => {
      if (!slice) throw unknownKey(2037);
      if (!coupon) throw licenseRefusal(2040, `There is no coupon ${hint}-…`);
      if (coupon.blocked) throw licenseRefusal(2057, 'This coupon is blocked and cannot be activated.');
      if (coupon.activated) {
        const where = coupon.activated.keyId === slice.record.id ? 'on this license key' : 'on another license key';
        throw licenseRefusal(2041, `This coupon was already activated ${where} on ${coupon.activated.at.slice(0, 10)}.`);
      }
      applyCoupon(slice.record, coupon, now);
      coupon.activated = { at: now.toISOString(), keyId: slice.record.id };
      return licenseInfo(slice, now);
    },
    { couponHash: codeHash },
  );
}
