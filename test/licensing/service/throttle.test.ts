import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { registerCompany, startTestService } from './harness.js';

/** POST JSON from a chosen loopback address (the service throttles by the address it sees). */
function postFrom(url: string, path: string, body: unknown, options: { localAddress?: string; agent?: Agent } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const payload = JSON.stringify(body);
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, localAddress: options.localAddress, agent: options.agent },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const wrongKey = (i: number): string => `MIKO-WRONG-${String(i).padStart(5, '0')}-AAAAA-BBBBB`.slice(0, 28);

describe('throttles that hold under concurrency', () => {
  test('2,000 wrong keys sent at once from one address: only the first few are looked up, the rest are 429', async () => {
    const t = await startTestService({ throttle: {} });
    const agent = new Agent({ keepAlive: true, maxSockets: 400 });
    try {
      const answers = await Promise.all(Array.from({ length: 2000 }, (_, i) => postFrom(t.url, '/api/v1/license/info', { key: wrongKey(i) }, { agent })));
      const looked = answers.filter((a) => a.status === 403 && a.body.error.code === 2026).length;
      const refused = answers.filter((a) => a.status === 429 && a.body.error.code === 'too_many_attempts').length;
      assert.equal(looked + refused, 2000, 'every request is either looked up or refused');
      assert.ok(looked <= 20, `${looked} guesses were evaluated; the limit is 20`);
      assert.ok(looked >= 1);
    } finally {
      agent.destroy();
      await t.stop();
    }
  });

  test('rotating loopback addresses buys no more guesses than the global ceiling; a PBX that uses its key keeps working', async () => {
    const t = await startTestService({ throttle: { delayAfter: 1000, blockAfter: 10, globalCeiling: 40 } });
    try {
      const key = await registerCompany(t);
      // A PBX on 127.0.0.200 with a good key: a known-good address.
      assert.equal((await postFrom(t.url, '/api/v1/license/info', { key }, { localAddress: '127.0.0.200' })).status, 200);
      let looked = 0;
      let refused = 0;
      for (let host = 2; host < 42; host++) {
        const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => postFrom(t.url, '/api/v1/license/info', { key: wrongKey(host * 10 + i) }, { localAddress: `127.0.0.${host}` })));
        looked += burst.filter((a) => a.status === 403).length;
        refused += burst.filter((a) => a.status === 429).length;
      }
      assert.equal(looked + refused, 200);
      assert.ok(looked <= 40, `${looked} guesses from 40 addresses were evaluated; the global ceiling is 40`);
      assert.ok(refused >= 160);
      const pbx = await postFrom(t.url, '/api/v1/license/info', { key }, { localAddress: '127.0.0.200' });
      assert.equal(pbx.status, 200, 'the PBX that had used its key is not locked out');
      const stranger = await postFrom(t.url, '/api/v1/license/info', { key }, { localAddress: '127.0.0.201' });
      assert.equal(stranger.status, 429, 'a new address waits until the failures leave the window');
    } finally {
      await t.stop();
    }
  });

  test('registration is throttled per address, and new trial keys per address are limited', async () => {
    const t = await startTestService({ registrationThrottle: { delayAfter: 1000, blockAfter: 4 }, trialThrottle: { blockAfter: 2 } });
    try {
      const form = (n: number) => ({ company: `Trial ${n}`, email: `trial${n}@example.com`, contact: 'T', hostId: `trial-host-${n}` });
      const from = '127.0.0.60';
      assert.equal((await postFrom(t.url, '/api/v1/register', form(1), { localAddress: from })).status, 201);
      assert.equal((await postFrom(t.url, '/api/v1/register', form(2), { localAddress: from })).status, 201);
      const third = await postFrom(t.url, '/api/v1/register', form(3), { localAddress: from });
      assert.equal(third.status, 429, JSON.stringify(third.body));
      assert.match(third.body.error.message, /trial keys/);
      // Another address still registers; the first one is out of attempts after 4.
      assert.equal((await postFrom(t.url, '/api/v1/register', form(4), { localAddress: '127.0.0.61' })).status, 201);
      const fifth = await postFrom(t.url, '/api/v1/register', form(5), { localAddress: from });
      assert.equal(fifth.status, 429);
      const sixth = await postFrom(t.url, '/api/v1/register', form(6), { localAddress: from });
      assert.match(sixth.body.error.message, /Too many registrations/);
      // 300 registrations at once from one address create at most the trial limit.
      const burst = await Promise.all(Array.from({ length: 300 }, (_, i) => postFrom(t.url, '/api/v1/register', form(100 + i), { localAddress: '127.0.0.62' })));
      assert.ok(burst.filter((a) => a.status === 201).length <= 2);
    } finally {
      await t.stop();
    }
  });
});
