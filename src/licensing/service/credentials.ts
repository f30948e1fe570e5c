import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';
import { formatLicenseCode, maskLicenseKey, normalizeCoupon, normalizeLicenseKey } from '../../domain/license-key.js';
import type { LicenseCode } from '../../domain/license-codes.js';
import { licenseRefusal } from './service-error.js';
import type { CouponRecord, KeyRecord, ServiceState } from './service-store.js';

/** What the store keeps instead of a key. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The key of a record: an HMAC of its random id under the store secret, formatted as
 * `MIKO-...`. Only the hash is stored; re-deriving lets a repeated registration get its key back.
 */
export function deriveKey(secret: string, recordId: string): string {
  const bytes = createHmac('sha256', Buffer.from(secret, 'hex')).update(`license-key\0${recordId}`).digest();
  return formatLicenseCode('MIKO', bytes);
}

/** A new record id whose key collides with no other. */
export function newKeyRecordId(state: ServiceState): { id: string; key: string; keyHash: string } {
  for (;;) {
    const id = randomBytes(16).toString('hex');
    const key = deriveKey(state.secret, id);
    const keyHash = hashKey(key);
    if (!state.keys.some((k) => k.keyHash === keyHash)) return { id, key, keyHash };
  }
}

/** The record of a normalized key, comparing with every record in constant time. */
export function findKeyRecord(state: ServiceState, key: string): KeyRecord | undefined {
  const wanted = Buffer.from(hashKey(key), 'hex');
  let found: KeyRecord | undefined;
  for (const record of state.keys) {
    const equal = timingSafeEqual(wanted, Buffer.from(record.keyHash, 'hex'));
    if (equal && !found) found = record;
  }
  return found;
}

/**
 * Normalize a key from a request and find its record, or refuse with `code`
 * (2026 for most routes; 2037 when a coupon is being activated without a valid key).
 */
export function requireKey(state: ServiceState, input: string | undefined, code: LicenseCode = 2026): KeyRecord {
  if (input === undefined || input.trim() === '') throw licenseRefusal(code, 'No license key was given.');
  let key: string;
  try {
    key = normalizeLicenseKey(input);
  } catch (error) {
    throw licenseRefusal(code, error instanceof ValidationError ? error.message : 'The license key is malformed.');
  }
  const record = findKeyRecord(state, key);
  if (!record) throw licenseRefusal(code, `The license key ${maskLicenseKey(key)} is not known to this licensing service.`);
  return record;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The coupon with this code, comparing with every coupon in constant time. */
export function findCoupon(state: ServiceState, code: string): CouponRecord | undefined {
  const wanted = digest(code);
  let found: CouponRecord | undefined;
  for (const coupon of state.coupons) {
    const equal = timingSafeEqual(wanted, digest(coupon.code));
    if (equal && !found) found = coupon;
  }
  return found;
}

/** Normalize a coupon from a request and find it: 2040 when malformed or unknown. */
export function requireCoupon(state: ServiceState, input: string): CouponRecord {
  let code: string;
  try {
    code = normalizeCoupon(input);
  } catch (error) {
    throw licenseRefusal(2040, error instanceof ValidationError ? error.message : 'The coupon is malformed.');
  }
  const coupon = findCoupon(state, code);
  if (!coupon) throw licenseRefusal(2040, `There is no coupon ${code.slice(0, 13)}-…`);
  return coupon;
}

/** A fresh coupon code, unique in the store. */
export function newCouponCode(state: ServiceState): string {
  for (;;) {
    const code = formatLicenseCode('MIKOUPD', randomBytes(20));
    if (!findCoupon(state, code)) return code;
  }
}

/**
 * The key behind a session-monitor login: the key itself, or the key a coupon was activated
 * on. A coupon never activated → 2037 (it names no key yet); unknown coupon → 2040; blocked → 2057;
 * anything else → 2026.
 */
export function resolveCredential(state: ServiceState, credential: string): KeyRecord {
  const squeezed = credential.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!squeezed.startsWith('MIKOUPD')) return requireKey(state, credential, 2026);
  const coupon = requireCoupon(state, squeezed);
  if (coupon.blocked) throw licenseRefusal(2057, 'This coupon is blocked; log in with the license key instead.');
  if (!coupon.activated) throw licenseRefusal(2037, 'This coupon has not been activated on a license key yet; activate it first, or log in with the key.');
  const record = state.keys.find((k) => k.id === coupon.activated?.keyId);
  if (!record) throw licenseRefusal(2026, 'The license key this coupon was activated on no longer exists.');
  return record;
}
