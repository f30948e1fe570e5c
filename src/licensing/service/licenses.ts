import type { LicenseInfo, ProductInfo } from '../api.js';
import { licenseRefusal } from './service-error.js';
import type { BindingRecord, CouponRecord, KeyRecord, KeySlice, ProductLicense } from './records.js';
import type { KnownProduct } from './products.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

export function isProductLive(product: ProductLicense, now: Date): boolean {
  return Date.parse(product.expires) > now.getTime();
}

export function isBindingLive(binding: BindingRecord, now: Date): boolean {
  return Date.parse(binding.exp) > now.getTime();
}

/** Owner, products and seat use of a key, as POST /license/info answers. */
export function licenseInfo(slice: KeySlice, now: Date): LicenseInfo {
  const { record } = slice;
  const live = slice.bindings.filter((b) => isBindingLive(b, now));
  const products: ProductInfo[] = record.products.map((p) => ({
    productId: p.productId,
    name: p.name,
    expires: p.expires,
    trial: p.trial,
    expired: !isProductLive(p, now),
    features: p.features.map((f) => ({
      featureId: f.featureId,
      name: f.name,
      count: f.count,
      captured: live.filter((b) => b.featureId === f.featureId && b.productId === p.productId).length,
    })),
  }));
  return { owner: { ...record.owner }, products, serviceTime: now.toISOString() };
}

/** A trial license of a product: one seat of each of its features. */
export function trialLicense(product: KnownProduct, days: number, now: Date): ProductLicense {
  return {
    productId: product.productId,
    name: product.name,
    expires: addDays(now, days),
    trial: true,
    features: product.features.map((f) => ({ featureId: f.featureId, name: f.name, count: 1 })),
  };
}

/**
 * Add a product's trial to a key, once per key and product: a key that has had the trial,
 * or holds the product in any state, is left as it is. Returns whether anything changed.
 */
export function addProductTrial(record: KeyRecord, product: KnownProduct, days: number, now: Date): boolean {
  if (record.trialsGranted.includes(product.productId) || record.products.some((p) => p.productId === product.productId)) return false;
  record.products.push(trialLicense(product, days, now));
  record.trialsGranted.push(product.productId);
  return true;
}

/**
 * What a coupon brings to a key. A product the key lacks, holds only as a trial, or holds
 * expired becomes the coupon's license (now + days). A live paid product is extended by the
 * coupon's days and gains the coupon's seats: each coupon is a purchase, and purchases add up.
 */
export function applyCoupon(record: KeyRecord, coupon: CouponRecord, now: Date): void {
  const existing = record.products.find((p) => p.productId === coupon.productId);
  const features = coupon.features.map((f) => ({ ...f }));
  if (!existing) {
    record.products.push({ productId: coupon.productId, name: coupon.productName, expires: addDays(now, coupon.days), trial: false, features });
    return;
  }
  if (existing.trial || !isProductLive(existing, now)) {
    existing.expires = addDays(now, coupon.days);
    existing.trial = false;
    existing.name = coupon.productName;
    const kept = existing.features.filter((f) => !features.some((c) => c.featureId === f.featureId));
    existing.features = [...features, ...kept];
    return;
  }
  existing.expires = addDays(new Date(Date.parse(existing.expires)), coupon.days);
  for (const feature of features) {
    const held = existing.features.find((f) => f.featureId === feature.featureId);
    if (held) held.count += feature.count;
    else existing.features.push(feature);
  }
}

/** The live license of a product on a key: 2008 when the key has none, 2011 when it expired. */
export function requireProductLicense(record: KeyRecord, productId: number, productName: string, now: Date): ProductLicense {
  const product = record.products.find((p) => p.productId === productId);
  if (!product) throw licenseRefusal(2008, `This license key holds no license for "${productName}" (product ${productId}); add its trial or activate a coupon.`);
  if (!isProductLive(product, now)) throw licenseRefusal(2011, `The license for "${product.name}" (product ${productId}) expired on ${product.expires.slice(0, 10)}.`);
  return product;
}
