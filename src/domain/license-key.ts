import type { KeyProblem } from '../i18n/en/errors/licensing.js';
import { ValidationError, reason } from './errors.js';

/** `MIKO-XXXXX-XXXXX-XXXXX-XXXXX`, X = A–Z or 0–9 (28 characters). */
export const KEY_PATTERN = /^MIKO(-[A-Z0-9]{5}){4}$/;
/** `MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX`. */
export const COUPON_PATTERN = /^MIKOUPD(-[A-Z0-9]{5}){4}$/;

const GROUP_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Trim, upper-case, drop whitespace inside (keys are often pasted with spaces or line breaks).
 * A key or coupon typed in groups separated by spaces only (`mikoupd aaaaa bbbbb …`) or with
 * no separators at all gets its dashes back, so the hint "spaces and lower case are fine" holds.
 */
function squeeze(input: string): string {
  const trimmed = input.normalize('NFKC').trim().toUpperCase();
  // Groups separated by spaces only: the spaces stand for the dashes.
  const value = trimmed.includes('-') ? trimmed.replace(/\s+/g, '') : trimmed.replace(/\s+/g, '-');
  const bare = value.replace(/-/g, '');
  const grouped = /^(MIKOUPD|MIKO)([A-Z0-9]{20})$/.exec(bare);
  if (grouped && (bare.length === 27) === (grouped[1] === 'MIKOUPD')) {
    const chars = grouped[2]!;
    return [grouped[1], ...[0, 5, 10, 15].map((i) => chars.slice(i, i + 5))].join('-');
  }
  return value;
}

/** The first thing wrong with a key or coupon that does not match its pattern. */
function explain(value: string, prefix: string): KeyProblem {
  if (value === '') return { problem: 'empty' };
  if (!value.startsWith(`${prefix}-`)) return { problem: 'prefix', prefix, start: value.slice(0, 12) };
  const groups = value.slice(prefix.length + 1).split('-');
  if (groups.length !== 4) return { problem: 'groups', prefix, groups: groups.length };
  const bad = groups.findIndex((g) => g.length !== 5);
  if (bad >= 0) return { problem: 'group_length', prefix, group: bad + 1, length: groups[bad]!.length };
  const char = [...groups.join('')].find((c) => !GROUP_ALPHABET.includes(c));
  if (char) return { problem: 'character', prefix, char };
  return { problem: 'other', prefix };
}

/** Normalize a license key or throw a ValidationError saying exactly what is wrong. */
export function normalizeLicenseKey(input: string): string {
  const value = squeeze(input);
  if (KEY_PATTERN.test(value)) return value;
  if (COUPON_PATTERN.test(value)) throw new ValidationError(reason('key_is_coupon'), 'key');
  throw new ValidationError(reason('key_malformed', explain(value, 'MIKO')), 'key');
}

/** Normalize a coupon or throw a ValidationError saying exactly what is wrong. */
export function normalizeCoupon(input: string): string {
  const value = squeeze(input);
  if (COUPON_PATTERN.test(value)) return value;
  if (KEY_PATTERN.test(value)) throw new ValidationError(reason('coupon_is_key'), 'coupon');
  throw new ValidationError(reason('coupon_malformed', explain(value, 'MIKOUPD')), 'coupon');
}

/** Keys are shown masked by default: only the last group stays readable. */
export function maskLicenseKey(key: string): string {
  const last = key.slice(-5);
  return `MIKO-*****-*****-*****-${last}`;
}

const KEY_ANYWHERE = /MIKO(?:-[A-Z0-9]{5}){4}/g;

/** Every license key in a text masked (a coupon, MIKOUPD-..., is left as it is). */
export function maskKeysIn(text: string): string {
  return text.replace(KEY_ANYWHERE, (key, offset: number) => (text.slice(offset, offset + 7) === 'MIKOUPD' ? key : maskLicenseKey(key)));
}

/** Make a random string of `MIKO`/`MIKOUPD` groups from a byte source. */
export function formatLicenseCode(prefix: 'MIKO' | 'MIKOUPD', bytes: Uint8Array): string {
  if (bytes.length < 20) throw new RangeError('need 20 random bytes');
  const chars = [...bytes.subarray(0, 20)].map((b) => GROUP_ALPHABET[b % GROUP_ALPHABET.length]);
  const groups = [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join(''));
  return [prefix, ...groups].join('-');
}
