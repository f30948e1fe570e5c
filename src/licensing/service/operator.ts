import { join } from 'node:path';
import { NotFoundError, PbxmodError, ValidationError, reason } from '../../domain/errors.js';
import type { CouponCreated, SeatsAdded } from '../api.js';
import { blockCoupon, createCoupon, type CouponSpec } from './coupons.js';
import { keyHashOf } from './credentials.js';
import { featureName } from './products.js';
import { defaultSecretFile, loadServiceSecret, type ServiceSecret } from './secret.js';
import { JsonLicensingStorage } from './storage/json-storage.js';
import type { LicensingStorage } from './storage/storage.js';

/**
 * What the operator of a licensing service does: coupons, seats, blocking, the outbox. The
 * service's operator routes call these; so do the functions at the end, which work straight on
 * a local JSON data dir (tests, and a service that is not running).
 */

/** The service's data dir inside a pbxmod data dir (where the embedded service keeps it). */
export function licensingDataDir(pbxmodDataDir: string): string {
  return join(pbxmodDataDir, 'licensing');
}

/** The service token file inside the service's data dir. */
export function operatorTokenFile(serviceDataDir: string): string {
  return join(serviceDataDir, 'operator-token');
}

export function couponCreatedAnswer(code: string, created: Awaited<ReturnType<typeof createCoupon>>['record']): CouponCreated {
  return { coupon: code, productId: created.productId, productName: created.productName, days: created.days, features: created.features };
}

export interface SeatsSpec {
  key: string;
  productId: number;
  featureId: number;
  count: number;
}

/** Add seats of a feature to a product a key holds; returns the feature's new seat count. */
export async function addSeats(storage: LicensingStorage, secret: ServiceSecret, spec: SeatsSpec): Promise<SeatsAdded> {
  for (const [field, value, max] of [['product', spec.productId, 1e9], ['feature', spec.featureId, 1e9], ['count', spec.count, 100_000]] as const) {
    if (!Number.isInteger(value) || value <= 0 || value > max) throw new ValidationError(reason('seats_number_invalid', { flag: `--${field}`, max, value }), field);
  }
  let keyHash: string;
  try {
    keyHash = keyHashOf(secret, spec.key);
  } catch (error) {
    throw new ValidationError(error instanceof PbxmodError && error.reason ? error.reason : reason('seats_key_malformed'), 'key');
  }
  return storage.updateKey({ keyHash }, (slice) => {
    if (!slice) throw new NotFoundError(reason('key_not_on_service'));
    const product = slice.record.products.find((p) => p.productId === spec.productId);
    if (!product) {
      const held = slice.record.products.map((p) => `${p.productId} (${p.name})`).join(', ');
      throw new NotFoundError(reason('key_lacks_product', { productId: spec.productId, held }));
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

// --- straight on a local JSON data dir ------------------------------------------------------------

/** A local service data dir (JSON backend), opened on each use. */
export interface LocalServiceDir {
  dataDir: string;
}

/** The service data dir `dataDir` (holding licensing.json and service-secret). */
export function openServiceStore(dataDir: string): LocalServiceDir {
  return { dataDir };
}

async function withLocal<R>(dir: LocalServiceDir, use: (storage: LicensingStorage, secret: ServiceSecret) => Promise<R>): Promise<R> {
  const secret = await loadServiceSecret(defaultSecretFile(dir.dataDir));
  const storage = await JsonLicensingStorage.open(dir.dataDir, secret);
  try {
    return await use(storage, secret);
  } finally {
    await storage.close();
  }
}

/** A coupon made straight in a local store; `code` is the coupon. */
export function createCouponInStore(dir: LocalServiceDir, spec: CouponSpec): Promise<CouponCreated & { code: string }> {
  return withLocal(dir, async (storage, secret) => {
    const { code, record } = await createCoupon(storage, secret, spec);
    return { ...couponCreatedAnswer(code, record), code };
  });
}

export function blockCouponInStore(dir: LocalServiceDir, code: string): Promise<{ code: string }> {
  return withLocal(dir, async (storage, secret) => ({ code: (await blockCoupon(storage, secret, code)).code }));
}

export function addSeatsInStore(dir: LocalServiceDir, spec: SeatsSpec): Promise<SeatsAdded> {
  return withLocal(dir, (storage, secret) => addSeats(storage, secret, spec));
}
