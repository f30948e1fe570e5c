import { z } from 'zod';
import { bindingSchema } from '../api.js';

/**
 * What the licensing service keeps, whatever the storage (JSON file or PostgreSQL). Times are
 * ISO 8601 strings. No key or coupon is kept in clear: only a keyed hash (see secret.ts).
 */

const isoTime = z.string();

export const featureLicenseSchema = z.object({ featureId: z.number().int(), name: z.string(), count: z.number().int().nonnegative() });
export type FeatureLicense = z.infer<typeof featureLicenseSchema>;

export const productLicenseSchema = z.object({
  productId: z.number().int(),
  name: z.string(),
  expires: isoTime,
  trial: z.boolean(),
  features: z.array(featureLicenseSchema),
});
export type ProductLicense = z.infer<typeof productLicenseSchema>;

export const ownerRecordSchema = z.object({ company: z.string(), contact: z.string(), email: z.string(), phone: z.string().optional(), inn: z.string().optional() });

/** An issued key: found by the keyed hash of the key; the key itself is never stored. */
export const keyRecordSchema = z.object({
  id: z.string(),
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  owner: ownerRecordSchema,
  /** The host the registration trial went to (SPEC §2, code 2051). */
  trialHostId: z.string(),
  created: isoTime,
  products: z.array(productLicenseSchema),
  /** Products whose 14-day trial this key has had (once each). */
  trialsGranted: z.array(z.number().int()),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const couponRecordSchema = z.object({
  /** Keyed hash of the code: a stolen store gives no usable coupon. */
  codeHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** `MIKOUPD-XXXXX`: enough for a person to tell coupons apart. */
  hint: z.string(),
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
export const bindingRecordSchema = bindingSchema.extend({ keyId: z.string(), start: isoTime, upd: isoTime, exp: isoTime });
export type BindingRecord = z.infer<typeof bindingRecordSchema>;

/**
 * A seat an administrator dropped in the session monitor. The host's periodic license check
 * sees it and disables the module instead of quietly capturing the seat again; an explicit
 * capture (enabling the module) clears it.
 */
export const dropMarkSchema = z.object({ keyId: z.string(), featureId: z.number().int(), hostId: z.string(), at: isoTime });
export type DropMark = z.infer<typeof dropMarkSchema>;

/**
 * A message the service would mail (no mail server is needed): the operator reads them with
 * `pbxmod service outbox`. The text is sealed with the service secret, since it may carry a key.
 */
export const outboxRecordSchema = z.object({
  id: z.string(),
  created: isoTime,
  to: z.string(),
  subject: z.string(),
  /** The key the message is about. */
  keyId: z.string(),
  /** AES-256-GCM of `{ body, key? }` (see secret.ts). */
  sealed: z.string(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/**
 * Everything one operation on a key reads and changes: the key, its live bindings and its drop
 * marks. Storage loads it (locked for an update), the rules in seats.ts / licenses.ts change it
 * in memory, storage writes back what changed.
 */
export interface KeySlice {
  record: KeyRecord;
  /** Live bindings of this key (lapsed ones are left out when loading). */
  bindings: BindingRecord[];
  drops: DropMark[];
}
