import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_PATTERN } from '../../../src/domain/license-key.js';
import { KeySentError, ServiceRequestError } from '../../../src/licensing/errors.js';
import { createHash } from 'node:crypto';
import { ServiceSecret } from '../../../src/licensing/service/secret.js';
import { DAY, assertErrorBody, assertLicenseError, makeCoupon, operatorClient, registerCompany, storedText, startTestService, type TestService } from './harness.js';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

let t: TestService;
before(async () => {
  t = await startTestService();
});
after(async () => {
  await t.stop();
});

function createHmacOfKey(secretHex: string, key: string): string {
  return new ServiceSecret(Buffer.from(secretHex.trim(), 'hex')).hashCredential(key);
}

describe('registration', () => {
  test('issues a MIKO key with the 30-day MikoPBX trial of feature 33, one seat', async () => {
    const { key, license } = await t.client.register({ company: ' Acme  Telecom ', email: 'Admin@Acme.example', contact: 'Ann', phone: '+7 495 123-45-67', inn: '7701234567', hostId: 'host-acme' });
    assert.match(key, KEY_PATTERN);
    assert.deepEqual(license.owner, { company: 'Acme Telecom', contact: 'Ann', email: 'admin@acme.example', phone: '+7 495 123-45-67', inn: '7701234567' });
    assert.equal(license.products.length, 1);
    const [product] = license.products;
    assert.equal(product?.productId, 1);
    assert.equal(product?.name, 'MikoPBX');
    assert.equal(product?.trial, true);
    assert.equal(product?.expired, false);
    assert.equal(Date.parse(product!.expires) - t.clock.time, 30 * DAY);
    assert.deepEqual(product?.features, [{ featureId: 33, name: 'MikoPBX free license', count: 1, captured: 0 }]);
  });

  test("registering again with the owner's email and company returns no key: it goes to the owner's email (the outbox)", async () => {
    const first = await t.client.register({ company: 'Repeat Ltd', email: 'repeat@example.com', contact: 'Bob', hostId: 'host-repeat' });
    t.clock.advance(3 * DAY);
    const stranger = { company: 'REPEAT  LTD', email: 'Repeat@Example.com', contact: 'Mallory', hostId: 'host-repeat-2' };
    const raw = await t.call('POST', '/api/v1/register', stranger);
    assert.equal(raw.status, 200, JSON.stringify(raw.body));
    assert.equal(raw.body.keySent, true);
    assert.equal(raw.body.email, 'repeat@example.com');
    assert.ok(!JSON.stringify(raw.body).includes(first.key.slice(5)), 'the answer holds no part of the key');
    await assert.rejects(t.client.register(stranger), (error: unknown) => error instanceof KeySentError && error.email === 'repeat@example.com');
    const mail = (await operatorClient(t).outbox()).filter((m) => m.to === 'repeat@example.com');
    assert.equal(mail.length, 3, 'the welcome and two resends');
    assert.match(mail[0]!.subject, /sent again/);
    assert.ok(mail[0]!.body.includes(first.key), 'the resend carries the key to its owner');
    assert.match(mail[0]!.body, /host-repeat-2/);
    // Nothing else changed: the trial is not renewed.
    const info = await t.client.licenseInfo(first.key);
    assert.equal(info.products[0]?.expires, first.license.products[0]?.expires);
  });

  test('a stolen store (licensing.json or the database) gives away no key: only keyed hashes, and the secret lives apart in a 0600 file', async () => {
    const key = await registerCompany(t);
    const coupon = await makeCoupon(t, { productId: 31, days: 30 });
    const text = await storedText(t);
    assert.ok(!text.includes(key));
    assert.ok(!text.includes(key.slice(5)), 'no part of the key, not even in the outbox');
    assert.ok(!text.includes(coupon.slice(8)), 'nor of a coupon');
    assert.ok(!/"secret"/.test(text));
    assert.ok(text.includes(createHmacOfKey(await readFile(join(t.dataDir, 'service-secret'), 'utf8'), key)), 'the keyed hash is there');
    assert.ok(!text.includes(createHash('sha256').update(key).digest('hex')), 'not a plain hash');
    const secretFile = await stat(join(t.dataDir, 'service-secret'));
    assert.equal(secretFile.mode & 0o777, 0o600);
    assert.ok(!text.includes((await readFile(join(t.dataDir, 'service-secret'), 'utf8')).trim()));
  });

  test('keys are drawn at random: 40 registrations give 40 different keys over the whole alphabet', async () => {
    const keys = new Set<string>();
    for (let i = 0; i < 40; i++) keys.add(await registerCompany(t));
    assert.equal(keys.size, 40);
    const letters = new Set([...[...keys].join('').replace(/MIKO|-/g, '')]);
    assert.ok(letters.size > 30, `only ${letters.size} different characters`);
  });

  test('an email registered for another company is refused with 2022', async () => {
    await t.client.register({ company: 'First Co', email: 'shared@example.com', contact: 'C', hostId: 'host-first' });
    await assertLicenseError(t.client.register({ company: 'Second Co', email: 'shared@example.com', contact: 'C', hostId: 'host-second' }), 2022, /another company/);
  });

  test('a host that already had a trial for another email is refused with 2051', async () => {
    await t.client.register({ company: 'Host Owner', email: 'owner@example.com', contact: 'D', hostId: 'host-trial-once' });
    await assertLicenseError(t.client.register({ company: 'Host Owner', email: 'other@example.com', contact: 'D', hostId: 'host-trial-once' }), 2051, /host-trial-once/);
  });

  test('an invalid form is a 400 naming the field', async () => {
    const response = await t.call('POST', '/api/v1/register', { company: 'X', email: 'not-an-email', contact: 'Y', hostId: 'h' });
    assertErrorBody(response, 400, 'bad_request');
    assert.match(response.body.error.message, /"email".*not an email/);
    const inn = await t.call('POST', '/api/v1/register', { company: 'X', email: 'x@example.com', contact: 'Y', inn: '12ab', hostId: 'h' });
    assert.match(inn.body.error.message, /"inn".*10 to 12 digits/);
    const missing = await t.call('POST', '/api/v1/register', { company: 'X', email: 'x@example.com', contact: 'Y' });
    assert.match(missing.body.error.message, /"hostId" is required/);
  });
});

describe('license info', () => {
  test('answers owner and products for a key typed loosely', async () => {
    const key = await registerCompany(t, { company: 'Info Co' });
    const info = await t.client.licenseInfo(`  ${key.toLowerCase().replace(/-/g, ' - ')} `);
    assert.equal(info.owner.company, 'Info Co');
    assert.equal(info.products[0]?.productId, 1);
  });

  test('an unknown key is 2026, a malformed one too, with the reason', async () => {
    await assertLicenseError(t.client.licenseInfo('MIKO-AAAAA-BBBBB-CCCCC-DDDDD'), 2026, /not known/);
    await assertLicenseError(t.client.licenseInfo('MIKO-AAAA'), 2026, /4 groups/);
    const response = await t.call('POST', '/api/v1/license/info', { key: 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD' });
    assertErrorBody(response, 403, 2026);
    assert.match(response.body.error.message, /coupon, not a license key/);
  });

  test('an expired product shows expired', async () => {
    const key = await registerCompany(t);
    t.clock.advance(31 * DAY);
    const info = await t.client.licenseInfo(key);
    assert.equal(info.products[0]?.expired, true);
    t.clock.advance(-31 * DAY);
  });
});

describe('coupons', () => {
  test('activating adds the product license with its seats, once', async () => {
    const key = await registerCompany(t);
    const coupon = await makeCoupon(t, { productId: 127, days: 365, features: [{ featureId: 51, count: 3 }] });
    const info = await t.client.activateCoupon(key, coupon.toLowerCase());
    const usersUi = info.products.find((p) => p.productId === 127);
    assert.equal(usersUi?.name, 'Users UI');
    assert.equal(usersUi?.trial, false);
    assert.equal(Date.parse(usersUi!.expires) - t.clock.time, 365 * DAY);
    assert.deepEqual(usersUi?.features, [{ featureId: 51, name: 'ModuleUsersUI', count: 3, captured: 0 }]);
    await assertLicenseError(t.client.activateCoupon(key, coupon), 2041, /this license key/);
    const other = await registerCompany(t);
    await assertLicenseError(t.client.activateCoupon(other, coupon), 2041, /another license key/);
  });

  test('a second coupon for a live product extends it and adds its seats; a trial is converted', async () => {
    const key = await registerCompany(t);
    const before = (await t.client.licenseInfo(key)).products[0]!;
    const extra = await makeCoupon(t, { productId: 1, days: 30, features: [{ featureId: 33, count: 2 }] });
    const info = await t.client.activateCoupon(key, extra);
    const mikopbx = info.products.find((p) => p.productId === 1)!;
    // The registration trial is replaced by the bought license.
    assert.equal(mikopbx.trial, false);
    assert.equal(mikopbx.features[0]?.count, 2);
    const more = await makeCoupon(t, { productId: 1, days: 10, features: [{ featureId: 33, count: 1 }] });
    const after = (await t.client.activateCoupon(key, more)).products.find((p) => p.productId === 1)!;
    assert.equal(after.features[0]?.count, 3);
    assert.equal(Date.parse(after.expires) - Date.parse(mikopbx.expires), 10 * DAY);
    assert.ok(Date.parse(before.expires) > 0);
  });

  test('without a valid key it is 2037; an unknown or malformed coupon 2040; a blocked one 2057', async () => {
    const coupon = await makeCoupon(t, { productId: 31, days: 30 });
    await assertLicenseError(t.client.activateCoupon('MIKO-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ', coupon), 2037);
    await assertLicenseError(t.client.activateCoupon('', coupon), 2037, /No license key/);
    const key = await registerCompany(t);
    await assertLicenseError(t.client.activateCoupon(key, 'MIKOUPD-AAAAA-AAAAA-AAAAA-AAAAA'), 2040);
    await assertLicenseError(t.client.activateCoupon(key, 'MIKOUPD-AAAA'), 2040, /Group 4|4 groups|characters/);
    await operatorClient(t).blockCoupon(coupon);
    await assertLicenseError(t.client.activateCoupon(key, coupon), 2057);
  });
});

describe('trials', () => {
  test('adds a 14-day trial of a catalog product once; a second request changes nothing', async () => {
    const key = await registerCompany(t);
    const info = await t.client.addTrial(key, 31);
    const bitrix = info.products.find((p) => p.productId === 31)!;
    assert.equal(bitrix.trial, true);
    assert.equal(Date.parse(bitrix.expires) - t.clock.time, 14 * DAY);
    assert.deepEqual(bitrix.features.map((f) => [f.featureId, f.count]), [[41, 1]]);
    t.clock.advance(DAY);
    const again = await t.client.addTrial(key, 31);
    assert.deepEqual(again.products, info.products);
    assert.equal(Date.parse(again.serviceTime!) - Date.parse(info.serviceTime!), DAY, 'answers carry the service time');
    t.clock.advance(-DAY);
  });

  test('an unknown product is not_found; an unknown key 2026', async () => {
    const key = await registerCompany(t);
    await assert.rejects(t.client.addTrial(key, 999), (error: unknown) => error instanceof ServiceRequestError && error.code === 'not_found' && error.status === 404);
    await assertLicenseError(t.client.addTrial('MIKO-QQQQQ-QQQQQ-QQQQQ-QQQQQ', 127), 2026);
  });
});

test('ping answers', async () => {
  const pong = await t.client.ping();
  assert.equal(pong.service, 'pbxmod-licensing');
});
