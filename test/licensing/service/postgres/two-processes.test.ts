import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LicenseError } from '../../../../src/domain/license-codes.js';
import { LicensingClient } from '../../../../src/licensing/client.js';
import { KeySentError } from '../../../../src/licensing/errors.js';
import { createTestDatabase, type TestDatabase } from '../database.js';
import { pbxHost } from '../harness.js';

const ROOT = resolve(import.meta.dirname, '../../../..');

/** `pbxmod serve --database URL` in a process of its own, from the sources. */
async function serve(dataDir: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), '--data-dir', dataDir, 'serve', '--host', '127.0.0.1', '--port', '0', '--database', databaseUrl, '--trials-per-address', '1000', '--registrations-per-address', '1000'], {
    cwd: ROOT,
    env: { ...process.env, PBXMOD_SERVICE_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`pbxmod serve printed no URL: ${output}`)), 60_000);
    const onData = (d: Buffer): void => {
      output += d;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`pbxmod serve exited with ${code}: ${output}`)));
  });
  assert.match(output, /PostgreSQL/);
  return { url, child };
}

let db: TestDatabase;
let dataDir: string;
let a: LicensingClient;
let b: LicensingClient;
let operator: LicensingClient;
const children: ChildProcess[] = [];

before(async () => {
  db = await createTestDatabase();
  // One data dir: both processes share the service secret and the operator token, as a deployment would.
  dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-two-'));
  const first = await serve(dataDir, db.url);
  const second = await serve(dataDir, db.url);
  children.push(first.child, second.child);
  a = new LicensingClient({ baseUrl: first.url, retries: 0 });
  b = new LicensingClient({ baseUrl: second.url, retries: 0 });
  operator = new LicensingClient({ baseUrl: second.url, retries: 0, token: (await readFile(join(dataDir, 'licensing', 'operator-token'), 'utf8')).trim() });
});
after(async () => {
  await Promise.all(children.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once('exit', r), child.kill('SIGTERM'))))));
  await db.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('two service processes on one PostgreSQL database', () => {
  test('20 concurrent captures of a one-seat feature through both: exactly one succeeds', async () => {
    const { key } = await a.register({ company: 'Two Co', email: 'two@example.com', contact: 'T', hostId: 'two-host' });
    const coupon = await operator.createCoupon({ productId: 127, days: 30, features: [{ featureId: 51, count: 1 }] });
    await b.activateCoupon(key, coupon.coupon);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).captureFeature(key, 51, pbxHost(`race-${i}`))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof LicenseError && r.reason.code === 2008);
    assert.equal(won.length, 1, JSON.stringify(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)).slice(0, 3)));
    assert.equal(refused.length, 19);
    const info = await b.licenseInfo(key);
    assert.equal(info.products.find((p) => p.productId === 127)?.features[0]?.captured, 1);
  });

  test('10 concurrent registrations of one email: one key is issued, the others are told it went to the email', async (t) => {
    // PGlite serves one session to every connection: statements of two connections that are not
    // inside a transaction can meet in its unnamed portal ("portal does not exist"). Races
    // outside transactions need a real server.
    if (db.kind === 'pglite') return t.skip('the throwaway PGlite server does not keep concurrent statements outside transactions apart');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).register({ company: 'Race Co', email: 'race@example.com', contact: 'R', hostId: `race-reg-${i}` })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const others = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    assert.deepEqual(others.filter((e) => !(e instanceof KeySentError)).map(String), []);
    const mail = (await operator.outbox(50)).filter((m) => m.to === 'race@example.com');
    assert.equal(mail.length, 10, 'the welcome and nine resends');
  });

  test('one coupon activated at once on two keys through both processes: exactly one succeeds (2041 for the other)', async () => {
    const { key: k1 } = await a.register({ company: 'C1', email: 'c1@example.com', contact: 'C', hostId: 'c1-host' });
    const { key: k2 } = await b.register({ company: 'C2', email: 'c2@example.com', contact: 'C', hostId: 'c2-host' });
    const coupon = (await operator.createCoupon({ productId: 31, days: 30 })).coupon;
    const results = await Promise.allSettled([a.activateCoupon(k1, coupon), b.activateCoupon(k2, coupon)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.some((r) => r.status === 'rejected' && r.reason instanceof LicenseError && r.reason.code === 2041));
  });

  test('bindings lapse by the database clock, and the answers carry it', async () => {
    const { key } = await a.register({ company: 'Clock Co', email: 'clock@example.com', contact: 'C', hostId: 'clock-host' });
    const info = await b.licenseInfo(key);
    const drift = Math.abs(Date.parse(info.serviceTime!) - Date.now());
    assert.ok(drift < 60_000, `service time ${info.serviceTime} is the database's`);
  });
});
