import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { JsonFileStore, type Migration } from '../../store/json-file.js';
import { bindingSchema } from '../api.js';

/** The format of `<dataDir>/licensing.json` this program writes. */
export const SERVICE_STORE_VERSION = 1;

const isoTime = z.string();

const featureLicenseSchema = z.object({ featureId: z.number().int(), name: z.string(), count: z.number().int().nonnegative() });
export type FeatureLicense = z.infer<typeof featureLicenseSchema>;

const productLicenseSchema = z.object({
  productId: z.number().int(),
  name: z.string(),
  expires: isoTime,
  trial: z.boolean(),
  features: z.array(featureLicenseSchema),
});
export type ProductLicense = z.infer<typeof productLicenseSchema>;

/**
 * An issued key. The key itself is never stored: `keyHash` (sha256) finds it, and the service
 * can re-derive it from `id` and the store secret only to answer a repeated registration.
 */
const keyRecordSchema = z.object({
  id: z.string(),
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  owner: z.object({ company: z.string(), contact: z.string(), email: z.string(), phone: z.string().optional(), inn: z.string().optional() }),
  /** The host the registration trial went to (SPEC §2, code 2051). */
  trialHostId: z.string(),
  created: isoTime,
  products: z.array(productLicenseSchema),
  /** Products whose 14-day trial this key has had (once each). */
  trialsGranted: z.array(z.number().int()),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

const couponRecordSchema = z.object({
  code: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  days: z.number().int().positive(),
  features: z.array(featureLicenseSchema),
  created: isoTime,
  blocked: z.boolean(),
  /** When and on which key (KeyRecord.id) it was activated; null while unused. */
  activated: z.object({ at: isoTime, keyId: z.string() }).nullable(),
});
export type CouponRecord = z.infer<typeof couponRecordSchema>;

/** A seat of a feature bound to a host; the API's Binding plus the key it belongs to. */
const bindingRecordSchema = bindingSchema.extend({ keyId: z.string(), start: isoTime, upd: isoTime, exp: isoTime });
export type BindingRecord = z.infer<typeof bindingRecordSchema>;

/**
 * A seat an administrator dropped in the session monitor. The host's periodic license check
 * sees it and disables the module instead of quietly capturing the seat again; an explicit
 * capture (enabling the module) clears it.
 */
const dropMarkSchema = z.object({ keyId: z.string(), featureId: z.number().int(), hostId: z.string(), at: isoTime });
export type DropMark = z.infer<typeof dropMarkSchema>;

export const serviceStateSchema = z.object({
  schemaVersion: z.literal(SERVICE_STORE_VERSION),
  /** 32 random bytes, hex: signs download links and derives keys; shared by every instance on this data dir. */
  secret: z.string().regex(/^[0-9a-f]{64}$/),
  keys: z.array(keyRecordSchema),
  coupons: z.array(couponRecordSchema),
  bindings: z.array(bindingRecordSchema),
  drops: z.array(dropMarkSchema),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;

export type ServiceStore = JsonFileStore<ServiceState>;

/** `migrations[n]` upgrades a service store of format n to n + 1. */
export const serviceStoreMigrations: Readonly<Record<number, Migration>> = {};

export function newServiceState(): ServiceState {
  return { schemaVersion: SERVICE_STORE_VERSION, secret: randomBytes(32).toString('hex'), keys: [], coupons: [], bindings: [], drops: [] };
}

export function serviceStoreFile(dataDir: string): string {
  return join(dataDir, 'licensing.json');
}

/** The licensing service's own store; several service instances may share it. */
export function openServiceStore(dataDir: string): ServiceStore {
  return new JsonFileStore<ServiceState>({
    file: serviceStoreFile(dataDir),
    label: 'licensing service store',
    currentVersion: SERVICE_STORE_VERSION,
    migrations: serviceStoreMigrations,
    schema: serviceStateSchema,
    create: newServiceState,
  });
}
