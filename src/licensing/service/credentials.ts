import { randomInt } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';
import { normalizeCoupon, normalizeLicenseKey } from '../../domain/license-key.js';
import type { LicenseCode } from '../../domain/license-codes.js';
import { licenseRefusal } from './service-error.js';
import type { CouponRecord } from './records.js';
import type { ServiceSecret } from './secret.js';
import type { KeyRef, LicensingStorage } from './storage/storage.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A new key or coupon: 20 characters drawn from the CSPRNG, each uniform over A–Z0–9
 * (randomInt rejects biased draws): about 103 bits, nothing derived from anything stored.
 */
export function randomLicenseCode(prefix: 'MIKO' | 'MIKOUPD'): string {
  const groups = [0, 1, 2, 3].map(() => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return [prefix, ...groups].join('-');
}

/** The keyed hash of a key from a request, or a refusal with `code` when it is missing or malformed. */
export function keyHashOf(secret: ServiceSecret, input: string | undefined, code: LicenseCode = 2026): string {
  if (input === undefined || input.trim() === '') throw licenseRefusal(code, 'No license key was given.');
  try {
    return secret.hashCredential(normalizeLicenseKey(input));
  } catch (error) {
    throw licenseRefusal(code, error instanceof ValidationError ? error.message : 'The license key is malformed.');
  }
}

/** The keyed hash of a coupon from a request; 2040 when malformed. */
export function couponHashOf(secret: ServiceSecret, input: string): { codeHash: string; hint: string } {
  let code: string;
  try {
    code = normalizeCoupon(input);
  } catch (error) {
    throw licenseRefusal(2040, error instanceof ValidationError ? error.message : 'The coupon is malformed.');
  }
  return { codeHash: secret.hashCredential(code), hint: code.slice(0, 13) };
}

/** The refusal for a key that no record has. */
export function unknownKey(code: LicenseCode = 2026): Error {
  return licenseRefusal(code, 'This license key is not known to this licensing service.');
}

/** A coupon from a request: 2040 when malformed or unknown. */
export async function requireCoupon(storage: LicensingStorage, secret: ServiceSecret, input: string): Promise<CouponRecord> {
  const { codeHash, hint } = couponHashOf(secret, input);
  const coupon = await storage.findCoupon(codeHash);
  if (!coupon) throw licenseRefusal(2040, `There is no coupon ${hint}-…`);
  return coupon;
}

/**
 * The key behind a session-monitor login: the key itself, or the key a coupon was activated
 * on. A coupon never activated → 2037 (it names no key yet); unknown coupon → 2040; blocked → 2057;
 * anything else → 2026.
 */
export async function resolveCredential(storage: LicensingStorage, secret: ServiceSecret, credential: string): Promise<KeyRef> {
  const squeezed = credential.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!squeezed.startsWith('MIKOUPD')) return { keyHash: keyHashOf(secret, credential, 2026) };
  const coupon = await requireCoupon(storage, secret, squeezed);
  if (coupon.blocked) throw licenseRefusal(2057, 'This coupon is blocked; log in with the license key instead.');
  if (!coupon.activated) throw licenseRefusal(2037, 'This coupon has not been activated on a license key yet; activate it first, or log in with the key.');
  return { keyId: coupon.activated.keyId };
}
