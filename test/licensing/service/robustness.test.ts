import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BODY_BYTES } from '../../../src/licensing/api.js';
import { ServiceRequestError } from '../../../src/licensing/errors.js';
import { MINUTE, assertErrorBody, assertLicenseError, pbxHost, registerCompany, startTestService, type TestService } from './harness.js';

let t: TestService;
before(async () => {
  t = await startTestService();
});
after(async () => {
  await t.stop();
});

async function raw(path: string, init: RequestInit): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${t.url}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertions below will say so
  }
  return { status: response.status, headers: response.headers, body };
}

const POST_ROUTES = [
  '/api/v1/register',
  '/api/v1/license/info',
  '/api/v1/coupons/activate',
  '/api/v1/trials',
  '/api/v1/features/capture',
  '/api/v1/features/check',
  '/api/v1/features/refresh',
  '/api/v1/features/release',
  '/api/v1/sessions',
  '/api/v1/sessions/drop',
  '/api/v1/catalog/ModuleTemplate/link',
];

describe('bad input never gets a 500', () => {
  test('wrong types, missing fields, wrong shapes: 400 bad_request naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/api/v1/license/info', {}, /"key" is required/],
      ['/api/v1/license/info', { key: 42 }, /"key" must be a string, not a number/],
      ['/api/v1/license/info', { key: 'x'.repeat(101) }, /"key".*100/],
      ['/api/v1/trials', { key: 'MIKO-AAAAA-AAAAA-AAAAA-AAAAA', productId: '127' }, /"productId" must be a number, not a string/],
      ['/api/v1/trials', { key: 'MIKO-AAAAA-AAAAA-AAAAA-AAAAA', productId: -1 }, /"productId"/],
      ['/api/v1/features/capture', { key: 'k', featureId: 33, host: { ...pbxHost(), proc: 'x' } }, /"host\.proc" must be a number/],
      ['/api/v1/features/capture', { key: 'k', featureId: 1.5, host: pbxHost() }, /"featureId"/],
      ['/api/v1/features/check', { key: 'k', featureId: 33, hostId: '' }, /"hostId"/],
      ['/api/v1/sessions', { credential: null }, /"credential" must be a string, not null/],
      ['/api/v1/catalog/ModuleTemplate/link', { hostId: 'h' }, /"version" is required/],
      ['/api/v1/register', [1, 2], /must be a JSON object, not an array/],
      ['/api/v1/register', 'text', /must be a JSON object, not a string/],
    ];
    for (const [path, body, message] of cases) {
      const response = await t.call('POST', path, body);
      assertErrorBody(response, 400, 'bad_request');
      assert.match(response.body.error.message, message, `${path} ${JSON.stringify(body)}`);
    }
  });

  test('every POST route answers odd bodies with a 4xx in the error shape', async () => {
    const bodies: (string | undefined)[] = ['', 'null', '{', '{"key":', '[]', '{}', '{"key":{}}', '{"credential":[]}', '"\\u0000"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', undefined];
    for (const path of POST_ROUTES) {
      for (const body of bodies) {
        const init: RequestInit = { method: 'POST' };
        if (body !== undefined) {
          init.headers = { 'content-type': 'application/json' };
          init.body = body;
        }
        const response = await raw(path, init);
        assert.ok(response.status >= 400 && response.status < 500, `${path} ${body} → ${response.status}`);
        assert.equal(typeof response.body?.error?.message, 'string', `${path} ${body} → ${JSON.stringify(response.body)}`);
      }
    }
  });

  test('invalid JSON and a wrong content type are 400', async () => {
    const invalid = await raw('/api/v1/license/info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"key": "MIKO-' });
    assertErrorBody(invalid, 400, 'bad_request');
    assert.match(invalid.body.error.message, /not valid JSON/);
    const text = await raw('/api/v1/license/info', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'MIKO-AAAAA-AAAAA-AAAAA-AAAAA' });
    assertErrorBody(text, 400, 'bad_request');
    assert.match(text.body.error.message, /Content-Type: application\/json/);
    const form = await raw('/api/v1/license/info', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'key=1' });
    assertErrorBody(form, 400, 'bad_request');
    const empty = await raw('/api/v1/license/info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    assertErrorBody(empty, 400, 'bad_request');
  });

  test('a body over the limit is 413 payload_too_large', async () => {
    const big = JSON.stringify({ key: 'MIKO', padding: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await raw('/api/v1/license/info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    assertErrorBody(response, 413, 'payload_too_large');
    const client = t.client.register({ company: 'x'.repeat(MAX_BODY_BYTES), email: 'big@example.com', contact: 'c', hostId: 'h' });
    await assert.rejects(client, (e: unknown) => e instanceof ServiceRequestError && e.code === 'payload_too_large' && e.status === 413);
  });

  test('unknown routes and methods are 404 not_found in the error shape', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/api/v2/ping'], ['POST', '/api/v1/ping'], ['GET', '/api/v1/register'], ['DELETE', '/api/v1/sessions'], ['GET', '/api/v1/catalog/ModuleTemplate/link']] as const) {
      const response = await raw(path, { method });
      assertErrorBody(response, 404, 'not_found');
    }
    assertErrorBody(await raw('/api/v1/catalog/%E0%A4%A?pbxVersion=1', { method: 'GET' }), /^4/, 'bad_request');
  });

  test('malformed keys and coupons come back as license codes, not crashes', async () => {
    for (const key of ['', ' ', 'MIKO-', 'miko-aaaaa-aaaaa-aaaaa-aaaa!', '\u0000\u0001', 'MIKO-ÄÄÄÄÄ-AAAAA-AAAAA-AAAAA', '🙂'.repeat(25)]) {
      await assertLicenseError(t.client.licenseInfo(key), 2026);
    }
    const key = await registerCompany(t);
    for (const coupon of ['', 'MIKOUPD', 'MIKO-AAAAA-AAAAA-AAAAA-AAAAA', 'MIKOUPD-AAAAA-AAAAA-AAAAA-AAAA\u0000']) {
      await assertLicenseError(t.client.activateCoupon(key, coupon), 2040);
    }
  });
});

describe('throttle of failed key and coupon look-ups', () => {
  test('after N failures requests wait; beyond M they get 429 with Retry-After; successes do not reset it', async () => {
    const throttled = await startTestService({ throttle: { delayAfter: 2, blockAfter: 5, baseDelayMs: 60, maxDelayMs: 100, windowMs: 10 * MINUTE } });
    try {
      const key = await registerCompany(throttled);
      const wrong = 'MIKO-WRONG-WRONG-WRONG-WRONG';
      for (let i = 0; i < 2; i++) await assertLicenseError(throttled.client.licenseInfo(wrong), 2026);
      // Two failures: the next request waits about 60 ms, even a good one.
      let started = Date.now();
      await throttled.client.licenseInfo(key);
      assert.ok(Date.now() - started >= 50, `waited ${Date.now() - started} ms`);
      await assertLicenseError(throttled.client.sessions('MIKOUPD-AAAAA-AAAAA-AAAAA-AAAAA'), 2040);
      await assertLicenseError(throttled.client.activateCoupon('', 'MIKOUPD-AAAAA-AAAAA-AAAAA-AAAAA'), 2037);
      started = Date.now();
      await assertLicenseError(throttled.client.licenseInfo(wrong), 2026);
      assert.ok(Date.now() - started >= 90, `waited ${Date.now() - started} ms (capped at 100)`);
      // Five failures: refused outright, even with the right key.
      const refused = await throttled.call('POST', '/api/v1/license/info', { key });
      assertErrorBody(refused, 429, 'too_many_attempts');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      await assert.rejects(throttled.client.captureFeature(key, 33, pbxHost()), (e: unknown) => e instanceof ServiceRequestError && e.code === 'too_many_attempts' && e.status === 429);
      // Routes without a key stay open.
      assert.equal((await throttled.client.ping()).ok, true);
      assert.ok((await throttled.client.catalog('2025.1.120')).length > 0);
      // When the failures leave the window, the address may try again.
      throttled.clock.advance(10 * MINUTE + 1);
      assert.equal((await throttled.client.licenseInfo(key)).owner.contact, 'Ann Admin');
    } finally {
      await throttled.stop();
    }
  });
});
