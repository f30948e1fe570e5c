import { ValidationError } from './errors.js';

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

function explain(kind: 'key' | 'coupon', value: string, prefix: string): string {
  const example = `${prefix}-XXXXX-XXXXX-XXXXX-XXXXX`;
  if (value === '') return `The ${kind === 'key' ? 'license key' : 'coupon'} is empty.`;
  if (!value.startsWith(`${prefix}-`)) return `A ${kind === 'key' ? 'license key' : 'coupon'} starts with "${prefix}-"; got "${value.slice(0, 12)}".`;
  const groups = value.slice(prefix.length + 1).split('-');
  if (groups.length !== 4) return `A ${kind === 'key' ? 'license key' : 'coupon'} has 4 groups after "${prefix}-"; got ${groups.length}. Expected ${example}.`;
  const bad = groups.findIndex((g) => g.length !== 5);
  if (bad >= 0) return `Group ${bad + 1} has ${groups[bad]!.length} characters; each group has 5. Expected ${example}.`;
  const char = [...groups.join('')].find((c) => !GROUP_ALPHABET.includes(c));
  if (char) return `"${char}" is not allowed; use only the letters A-Z and digits 0-9. Expected ${example}.`;
  return `Expected ${example}.`;
}

/** Normalize a license key or throw a ValidationError saying exactly what is wrong. */
export function normalizeLicenseKey(input: string): string {
  const value = squeeze(input);
  if (KEY_PATTERN.test(value)) return value;
  if (COUPON_PATTERN.test(value)) {
    throw new ValidationError('This is a coupon, not a license key.', 'Activate it with `pbxmod license coupon CODE` after saving your key.', 'key');
  }
  throw new ValidationError(`Invalid license key. ${explain('key', value, 'MIKO')}`, 'Check the key in your email from lic@miko.ru and type it again.', 'key');
}

/** Normalize a coupon or throw a ValidationError saying exactly what is wrong. */
export function normalizeCoupon(input: string): string {
  const value = squeeze(input);
  if (COUPON_PATTERN.test(value)) return value;
  if (KEY_PATTERN.test(value)) {
    throw new ValidationError('This is a license key, not a coupon.', 'Save it with `pbxmod license set-key KEY`.', 'coupon');
  }
  throw new ValidationError(`Invalid coupon. ${explain('coupon', value, 'MIKOUPD')}`, 'Check the coupon and type it again.', 'coupon');
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
