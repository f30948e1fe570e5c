import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors.js';
import { formatLicenseCode, maskLicenseKey, normalizeCoupon, normalizeLicenseKey } from '../../src/domain/license-key.js';

test('a key typed in lower case with spaces and line breaks is normalized', () => {
  assert.equal(normalizeLicenseKey('  miko-ab1cd-ef2gh -ij3kl-\nmn4op '), 'MIKO-AB1CD-EF2GH-IJ3KL-MN4OP');
});

test('each malformed key is rejected with a precise reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /empty/],
    ['MIKA-AB1CD-EF2GH-IJ3KL-MN4OP', /starts with "MIKO-"/],
    ['MIKO-AB1CD-EF2GH-IJ3KL', /4 groups.*got 3/],
    ['MIKO-AB1CD-EF2G-IJ3KL-MN4OP', /Group 2 has 4 characters/],
    ['MIKO-AB1CD-EF2GH-IJ3KL-MN4O_', /"_" is not allowed/],
  ];
  for (const [input, reason] of cases) {
    assert.throws(() => normalizeLicenseKey(input), (error: unknown) => error instanceof ValidationError && reason.test(error.message) && error.field === 'key', input);
  }
});

test('a coupon given as a key, and a key given as a coupon, say which is which', () => {
  assert.throws(() => normalizeLicenseKey('MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD'), /coupon, not a license key/);
  assert.throws(() => normalizeCoupon('MIKO-AAAAA-BBBBB-CCCCC-DDDDD'), /license key, not a coupon/);
  assert.equal(normalizeCoupon('mikoupd-aaaaa-bbbbb-ccccc-ddddd'), 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD');
  assert.throws(() => normalizeCoupon('MIKOUPD-AAAAA'), /Invalid coupon.*4 groups/);
});

test('a masked key shows only its last group', () => {
  assert.equal(maskLicenseKey('MIKO-AB1CD-EF2GH-IJ3KL-MN4OP'), 'MIKO-*****-*****-*****-MN4OP');
});

test('generated codes have the documented format', () => {
  const key = formatLicenseCode('MIKO', new Uint8Array(20).map((_, i) => i * 13));
  assert.equal(key.length, 28);
  assert.equal(normalizeLicenseKey(key), key);
  assert.equal(normalizeCoupon(formatLicenseCode('MIKOUPD', new Uint8Array(20).fill(250))).length, 31);
});

test('a key or coupon typed in groups with spaces only, or with no separators, gets its dashes back', () => {
  assert.equal(normalizeCoupon('mikoupd aaaaa bbbbb ccccc ddddd'), 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD');
  assert.equal(normalizeLicenseKey('miko ab1cd ef2gh ij3kl mn4op'), 'MIKO-AB1CD-EF2GH-IJ3KL-MN4OP');
  assert.equal(normalizeLicenseKey('MIKOAB1CDEF2GHIJ3KLMN4OP'), 'MIKO-AB1CD-EF2GH-IJ3KL-MN4OP');
  assert.throws(() => normalizeLicenseKey('miko ab1cd ef2gh ij3kl'), /4 groups/);
});
