import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceRequestError } from '../../../src/licensing/errors.js';
import { DAY, MINUTE, assertErrorBody, assertLicenseError, makeCoupon, operatorClient, pbxHost, registerCompany, startTestService, storedBindingIds, type TestService } from './harness.js';

let t: TestService;
before(async () => {
  t = await startTestService();
});
after(async () => {
  await t.stop();
});

describe('feature seats', () => {
  test('capture binds a seat with the host identity and exp = upd + 10 min; again from the same host refreshes it', async () => {
    const key = await registerCompany(t);
    const host = pbxHost('pbx-capture');
    const binding = await t.client.captureFeature(key, 33, host);
    assert.equal(binding.featureId, 33);
    assert.equal(binding.featureName, 'MikoPBX free license');
    assert.equal(binding.productId, 1);
    assert.equal(binding.productName, 'MikoPBX');
    assert.deepEqual(
      { hostId: binding.hostId, user: binding.user, host: binding.host, db: binding.db, net: binding.net, proc: binding.proc },
      host,
    );
    assert.equal(binding.start, new Date(t.clock.time).toISOString());
    assert.equal(Date.parse(binding.exp) - Date.parse(binding.upd), 10 * MINUTE);
    t.clock.advance(MINUTE);
    const again = await t.client.captureFeature(key, 33, { ...host, proc: 4242 });
    assert.equal(again.id, binding.id);
    assert.equal(again.start, binding.start);
    assert.equal(again.proc, 4242);
    assert.equal(Date.parse(again.upd) - Date.parse(binding.upd), MINUTE);
    const info = await t.client.licenseInfo(key);
    assert.equal(info.products[0]?.features[0]?.captured, 1);
  });

  test('a second host gets 2008 naming the host that holds the only seat', async () => {
    const key = await registerCompany(t);
    await t.client.captureFeature(key, 33, pbxHost('pbx-holder'));
    await assertLicenseError(t.client.captureFeature(key, 33, pbxHost('pbx-newcomer')), 2008, /pbx-holder/);
    const response = await t.call('POST', '/api/v1/features/capture', { key, featureId: 33, host: pbxHost('pbx-third') });
    assertErrorBody(response, 403, 2008);
  });

  test('a feature the key has no license for is 2008; an expired license 2011', async () => {
    const key = await registerCompany(t);
    await assertLicenseError(t.client.captureFeature(key, 51, pbxHost()), 2008, /no license for feature 51/);
    await t.client.addTrial(key, 127);
    t.clock.advance(15 * DAY);
    try {
      await assertLicenseError(t.client.captureFeature(key, 51, pbxHost()), 2011, /expired/);
      await assertLicenseError(t.client.checkFeature(key, 51, 'any'), 2011);
    } finally {
      t.clock.advance(-15 * DAY);
    }
  });

  test('check is read-only and counts free seats', async () => {
    const key = await registerCompany(t);
    const coupon = await makeCoupon(t, { productId: 127, days: 30, features: [{ featureId: 51, count: 2 }] });
    await t.client.activateCoupon(key, coupon);
    const a = pbxHost('pbx-a');
    assert.deepEqual(await t.client.checkFeature(key, 51, a.hostId), { held: false, dropped: false, free: 2, binding: null });
    const binding = await t.client.captureFeature(key, 51, a);
    const held = await t.client.checkFeature(key, 51, a.hostId);
    assert.equal(held.held, true);
    assert.equal(held.free, 1);
    assert.deepEqual(held.binding, binding);
    t.clock.advance(MINUTE);
    assert.equal((await t.client.checkFeature(key, 51, a.hostId)).binding?.upd, binding.upd);
    t.clock.advance(-MINUTE);
    await t.client.captureFeature(key, 51, pbxHost('pbx-b'));
    assert.equal((await t.client.checkFeature(key, 51, 'nobody')).free, 0);
  });

  test('a binding not refreshed for 10 minutes lapses and frees its seat; refresh keeps it alive', async () => {
    const key = await registerCompany(t);
    const first = pbxHost('pbx-first');
    const second = pbxHost('pbx-second');
    const binding = await t.client.captureFeature(key, 33, first);
    t.clock.advance(9 * MINUTE);
    const refreshed = await t.client.refreshBindings(key, first.hostId);
    assert.equal(refreshed.length, 1);
    assert.equal(refreshed[0]?.upd, new Date(t.clock.time).toISOString());
    t.clock.advance(9 * MINUTE);
    await assertLicenseError(t.client.captureFeature(key, 33, second), 2008);
    t.clock.advance(MINUTE + 1);
    // 10 minutes after the last refresh: lapsed, not counted, not listed.
    assert.deepEqual(await t.client.checkFeature(key, 33, first.hostId), { held: false, dropped: false, free: 1, binding: null });
    assert.deepEqual(await t.client.sessions(key), []);
    assert.deepEqual(await t.client.refreshBindings(key, first.hostId), []);
    const taken = await t.client.captureFeature(key, 33, second);
    assert.notEqual(taken.id, binding.id);
    assert.ok(!(await storedBindingIds(t)).includes(binding.id), 'the lapsed binding was pruned');
  });

  test('release frees the seat', async () => {
    const key = await registerCompany(t);
    const a = pbxHost();
    await t.client.captureFeature(key, 33, a);
    assert.equal(await t.client.releaseFeature(key, 33, a.hostId), 1);
    assert.equal(await t.client.releaseFeature(key, 33, a.hostId), 0);
    await t.client.captureFeature(key, 33, pbxHost());
  });
});

describe('session monitor', () => {
  async function keyWithTwoHosts() {
    const key = await registerCompany(t);
    await t.client.activateCoupon(key, await makeCoupon(t, { productId: 1, days: 365, features: [{ featureId: 33, count: 2 }] }));
    await t.client.activateCoupon(key, await makeCoupon(t, { productId: 127, days: 365, features: [{ featureId: 51, count: 2 }] }));
    const alpha = pbxHost('alpha');
    const beta = pbxHost('beta');
    await t.client.captureFeature(key, 33, alpha);
    await t.client.captureFeature(key, 51, alpha);
    await t.client.captureFeature(key, 33, beta);
    return { key, alpha, beta };
  }

  test('lists live bindings grouped by host', async () => {
    const { key, alpha, beta } = await keyWithTwoHosts();
    const hosts = await t.client.sessions(key);
    assert.deepEqual(hosts.map((h) => [h.host, h.hostId, h.net, h.bindings.map((b) => b.featureId)]), [
      ['alpha', alpha.hostId, alpha.net, [33, 51]],
      ['beta', beta.hostId, beta.net, [33]],
    ]);
  });

  test('a coupon activated on the key logs in as the key; one never activated is 2037, unknown 2040, blocked 2057', async () => {
    const { key } = await keyWithTwoHosts();
    const coupon = await makeCoupon(t, { productId: 31, days: 30 });
    await assertLicenseError(t.client.sessions(coupon), 2037, /not been activated/);
    await t.client.activateCoupon(key, coupon);
    assert.deepEqual(await t.client.sessions(` ${coupon.toLowerCase()} `), await t.client.sessions(key));
    await assertLicenseError(t.client.sessions('MIKOUPD-00000-00000-00000-00000'), 2040);
    await assertLicenseError(t.client.sessions('MIKO-00000-00000-00000-00000'), 2026);
    await assertLicenseError(t.client.sessions('hello'), 2026);
    await operatorClient(t).blockCoupon(coupon);
    await assertLicenseError(t.client.sessions(coupon), 2057);
  });

  test('drop by binding id, by host id, by host name; nothing matched is not_found', async () => {
    const { key, alpha, beta } = await keyWithTwoHosts();
    const [alphaRow] = await t.client.sessions(key);
    const feature51 = alphaRow!.bindings.find((b) => b.featureId === 51)!;
    assert.equal(await t.client.dropBindings(key, { bindingId: feature51.id }), 1);
    assert.equal(await t.client.dropBindings(key, { hostId: alpha.hostId }), 1);
    assert.equal(await t.client.dropBindings(key, { host: 'BETA' }), 1);
    assert.deepEqual(await t.client.sessions(key), []);
    await assert.rejects(t.client.dropBindings(key, { hostId: beta.hostId }), (error: unknown) => error instanceof ServiceRequestError && error.code === 'not_found' && error.status === 404);
    // Another key's bindings are out of reach.
    const other = await keyWithTwoHosts();
    await assert.rejects(t.client.dropBindings(key, { hostId: other.alpha.hostId }), ServiceRequestError);
    assert.equal((await t.client.sessions(other.key)).length, 2);
  });

  test('a dropped seat is reported by check until the host captures it again explicitly', async () => {
    const { key, alpha } = await keyWithTwoHosts();
    const [alphaRow] = await t.client.sessions(key);
    const feature = alphaRow!.bindings[0]!;
    await t.client.dropBindings(key, { bindingId: feature.id });
    assert.deepEqual(await t.client.checkFeature(key, feature.featureId, alpha.hostId), { held: false, dropped: true, free: 1, binding: null });
    await t.client.captureFeature(key, feature.featureId, alpha);
    const after = await t.client.checkFeature(key, feature.featureId, alpha.hostId);
    assert.equal(after.held, true);
    assert.equal(after.dropped, false);
    // Giving a seat back by itself (release) is not a drop.
    await t.client.releaseFeature(key, feature.featureId, alpha.hostId);
    assert.equal((await t.client.checkFeature(key, feature.featureId, alpha.hostId)).dropped, false);
  });

  test('drop without a selector is a 400', async () => {
    const key = await registerCompany(t);
    const response = await t.call('POST', '/api/v1/sessions/drop', { credential: key });
    assertErrorBody(response, 400, 'bad_request');
    assert.match(response.body.error.message, /bindingId, hostId or host/);
  });
});
