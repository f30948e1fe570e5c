import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LicensingClient } from '../../../src/licensing/client.js';
import { COUPON_PATTERN } from '../../../src/domain/license-key.js';
import { assertErrorBody, assertLicenseError, operatorToken, pbxHost, registerCompany, startTestService, type TestService } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli.ts')];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pbxmod(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', PBXMOD_SERVICE_TOKEN: '', PBXMOD_API_URL: '', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

let pbxmodDir: string;
let t: TestService;
before(async () => {
  pbxmodDir = await mkdtemp(join(tmpdir(), 'pbxmod-operator-'));
  // The service runs on <data-dir>/licensing, where the commands work too.
  t = await startTestService({ dataDir: join(pbxmodDir, 'licensing') });
});
after(async () => {
  await t.stop();
  await rm(pbxmodDir, { recursive: true, force: true });
});

describe('operator commands', () => {
  test('coupon create prints a coupon that then activates over HTTP; block makes it 2057', async () => {
    const created = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '127', '--days', '365', '--feature', '51:2', '--json']);
    assert.equal(created.code, 0, created.stderr);
    const json = JSON.parse(created.stdout);
    assert.equal(json.ok, true);
    assert.match(json.coupon, COUPON_PATTERN);
    assert.deepEqual(json.features, [{ featureId: 51, name: 'ModuleUsersUI', count: 2 }]);
    const key = await registerCompany(t);
    const info = await t.client.activateCoupon(key, json.coupon);
    assert.deepEqual(info.products.find((p) => p.productId === 127)?.features.map((f) => f.count), [2]);

    const plain = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '31', '--days', '30']);
    assert.equal(plain.code, 0, plain.stderr);
    const coupon = plain.stdout.split('\n')[0]!;
    assert.match(coupon, COUPON_PATTERN);
    assert.match(plain.stdout, /Bitrix24 integration \(product 31\) for 30 days/);
    const blocked = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'block', coupon.toLowerCase()]);
    assert.equal(blocked.code, 0, blocked.stderr);
    await assertLicenseError(t.client.activateCoupon(key, coupon), 2057);
  });

  test('seats add gives a key more seats of feature 33', async () => {
    const key = await registerCompany(t);
    await t.client.captureFeature(key, 33, pbxHost('seat-one'));
    await assertLicenseError(t.client.captureFeature(key, 33, pbxHost('seat-two')), 2008);
    // The key comes on standard input: nothing in the process's arguments.
    const added = await pbxmod(['--data-dir', pbxmodDir, 'service', 'seats', 'add', '--product', '1', '--feature', '33', '--count', '2', '--json'], { input: `${key}\n` });
    assert.equal(added.code, 0, added.stderr);
    assert.equal(JSON.parse(added.stdout).count, 3);
    assert.equal(added.stderr, '', 'no warning for a key on standard input');
    await t.client.captureFeature(key, 33, pbxHost('seat-two'));
    // From a file, and as an argument (still works, with a warning).
    const keyFile = join(pbxmodDir, 'key.txt');
    await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
    const fromFile = await pbxmod(['--data-dir', pbxmodDir, 'service', 'seats', 'add', '--key-file', keyFile, '--product', '1', '--feature', '33', '--count', '1', '--json']);
    assert.equal(JSON.parse(fromFile.stdout).count, 4, fromFile.stderr);
    const asArgument = await pbxmod(['--data-dir', pbxmodDir, 'service', 'seats', 'add', '--key', key, '--product', '1', '--feature', '33', '--count', '1', '--json']);
    assert.equal(JSON.parse(asArgument.stdout).count, 5, asArgument.stderr);
    assert.match(asArgument.stderr, /warning: a key given on the command line is visible to every user/);
  });

  test('against a service elsewhere (--api): the token from PBXMOD_SERVICE_TOKEN or --token-file; refused without it', async () => {
    const token = await operatorToken(t);
    const made = await pbxmod(['--api', t.url, '--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '31', '--days', '30', '--json'], { env: { PBXMOD_SERVICE_TOKEN: token } });
    assert.equal(made.code, 0, made.stderr);
    assert.match(JSON.parse(made.stdout).coupon, COUPON_PATTERN);
    const tokenFile = join(pbxmodDir, 'token.txt');
    await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
    const viaFile = await pbxmod(['--api', t.url, '--data-dir', pbxmodDir, 'service', '--token-file', tokenFile, 'outbox', '--json']);
    assert.equal(viaFile.code, 0, viaFile.stderr);
    const without = await pbxmod(['--api', t.url, '--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '31', '--days', '30']);
    assert.equal(without.code, 2);
    assert.match(without.stderr, /needs its service token/);
    const wrong = await pbxmod(['--api', t.url, '--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '31', '--days', '30', '--json'], { env: { PBXMOD_SERVICE_TOKEN: 'not-the-token' } });
    assert.equal(wrong.code, 1);
    assert.equal(JSON.parse(wrong.stdout).error.code, 'unauthorized');
    const raw = await t.call('POST', '/api/v1/operator/coupons', { productId: 31, days: 30 });
    assertErrorBody(raw, 401, 'unauthorized');
    assert.equal((await stat(join(t.dataDir, 'operator-token'))).mode & 0o777, 0o600, 'the token file is private');
    assert.ok(token.length >= 40, 'a long random token');
  });

  test('outbox shows the key sent to its owner when someone registers with their email again', async () => {
    const { key } = await t.client.register({ company: 'Outbox Co', email: 'owner@outbox.example', contact: 'Olga', hostId: 'outbox-host-1' });
    await assert.rejects(t.client.register({ company: 'Outbox Co', email: 'owner@outbox.example', contact: 'Eve', hostId: 'outbox-host-2' }));
    const outbox = await pbxmod(['--data-dir', pbxmodDir, 'service', 'outbox', '--limit', '5']);
    assert.equal(outbox.code, 0, outbox.stderr);
    assert.match(outbox.stdout, /To: owner@outbox\.example\nSubject: Your MikoPBX license key \(sent again\)/);
    assert.ok(outbox.stdout.includes(key));
    assert.match(outbox.stdout, /outbox-host-2/);
  });

  test('bad flags exit 2, unknown things 1, each with a message on stderr', async () => {
    const badDays = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '127', '--days', 'soon']);
    assert.equal(badDays.code, 2);
    assert.match(badDays.stderr, /^pbxmod: --days must be a whole number/);
    const unknownProduct = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'create', '--product', '555', '--days', '3']);
    assert.equal(unknownProduct.code, 2);
    assert.match(unknownProduct.stderr, /--name/);
    const unknownKey = await pbxmod(['--data-dir', pbxmodDir, 'service', 'seats', 'add', '--key', 'MIKO-AAAAA-AAAAA-AAAAA-AAAAA', '--product', '1', '--feature', '33', '--count', '1']);
    assert.equal(unknownKey.code, 1);
    assert.match(unknownKey.stderr, /not known/);
    const unknownCoupon = await pbxmod(['--data-dir', pbxmodDir, 'service', 'coupon', 'block', 'MIKOUPD-AAAAA-AAAAA-AAAAA-AAAAA', '--json']);
    assert.equal(unknownCoupon.code, 1);
    assert.equal(JSON.parse(unknownCoupon.stdout).error.code, 'not_found');
  });

  test('serve prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-serve-'));
    const child = spawn(process.execPath, [...CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL: ${output}`)), 15_000);
        const onData = (d: Buffer): void => {
          output += d;
          const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolvePromise(match[0]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      assert.match(output, new RegExp(`data in ${join(dir, 'licensing').replace(/[/\\]/g, '.')}`));
      const client = new LicensingClient({ baseUrl: url, retries: 0 });
      const { key } = await client.register({ company: 'Serve Co', email: 'serve@example.com', contact: 'S', hostId: 'serve-host' });
      assert.equal((await client.licenseInfo(key)).owner.company, 'Serve Co');
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      assert.match(output, /stopped/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
