import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PBXMOD_BIN, runCli, tempDir } from '../support/cli.js';
import { againstServe } from '../e2e/against-serve.js';

const KEY_MASK = /^MIKO-\*{5}-\*{5}-\*{5}-[A-Z0-9]{5}$/;
const register = ['license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee', '--phone', '+7 495 123-45-67', '--inn', '7701234567'];

describe('license and sessions commands against a spawned licensing service', () => {
  const serve = againstServe();
  const pbx = (...args: string[]) => runCli(['--data-dir', serve.pbxDir, '--api', serve.url, '--json', ...args]);

  test('register, show, list sessions, drop: the whole first-day flow', async () => {
    const registered = await pbx(...register);
    assert.equal(registered.code, 0, registered.stdout + registered.stderr);
    assert.match(registered.json.key, KEY_MASK);

    const shown = await pbx('license', 'show');
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.json.registered, true);
    assert.match(shown.json.key, KEY_MASK, 'the key is masked by default');
    assert.deepEqual(shown.json.owner, { company: 'Acme Ltd', contact: 'Ann Lee', email: 'admin@acme.example', phone: '+7 495 123-45-67', inn: '7701234567' });
    const mikopbx = shown.json.products.find((p: any) => p.features.some((f: any) => f.featureId === 33));
    assert.ok(mikopbx, 'the MikoPBX product with feature 33');
    assert.equal(mikopbx.trial, true);
    assert.equal(mikopbx.expired, false);
    const days = (Date.parse(mikopbx.expires) - Date.now()) / 86_400_000;
    assert.ok(days > 29 && days <= 30, `a 30-day trial, got ${days}`);
    assert.equal(mikopbx.features.find((f: any) => f.featureId === 33).captured, 1, 'feature 33 captured once');

    const revealed = await pbx('license', 'show', '--reveal');
    assert.match(revealed.json.key, /^MIKO(-[A-Z0-9]{5}){4}$/);
    const store = await readFile(join(serve.pbxDir, 'pbx.json'), 'utf8');
    assert.ok(store.includes(revealed.json.key), 'the store keeps the key');
    assert.ok(!JSON.stringify(JSON.parse(store).audit).includes(revealed.json.key), 'the audit log never holds the full key');

    const sessions = await pbx('sessions', 'list');
    assert.equal(sessions.code, 0, sessions.stderr);
    assert.equal(sessions.json.hosts.length, 1);
    const [host] = sessions.json.hosts;
    assert.equal(host.bindings.length, 1);
    assert.equal(host.bindings[0].featureId, 33);
    for (const field of ['user', 'host', 'db', 'net', 'proc', 'start', 'upd', 'exp']) assert.ok(field in host.bindings[0], field);

    const refused = await pbx('sessions', 'drop', host.host);
    assert.notEqual(refused.code, 0, 'without a terminal and without --yes nothing is dropped');
    assert.equal(refused.json.error.code, 'confirmation_required');
    assert.equal((await pbx('sessions', 'list')).json.hosts.length, 1);

    const dropped = await pbx('sessions', 'drop', host.host, '--yes');
    assert.equal(dropped.code, 0, dropped.stderr);
    assert.equal(dropped.json.released, 1);
    assert.ok(dropped.json.warnings.some((w: string) => /feature 33/.test(w)), 'dropping feature 33 warns');
    assert.deepEqual((await pbx('sessions', 'list')).json.hosts, []);
    assert.equal((await pbx('license', 'show')).json.products[0].features[0].captured, 0);
  });

  test('a second registration of the same PBX is refused until the key is reset', async () => {
    const again = await pbx(...register);
    assert.equal(again.code, 2);
    assert.match(again.json.error.message, /already registered/);
    const reset = await pbx('license', 'reset', '--yes');
    assert.equal(reset.code, 0, reset.stderr);
    assert.equal((await pbx('license', 'show')).json.registered, false);
  });

  test('a key is checked with the service before it is saved', async () => {
    const unknown = await pbx('license', 'set-key', 'MIKO-AAAAA-BBBBB-CCCCC-DDDDD');
    assert.equal(unknown.code, 1);
    assert.equal(unknown.json.error.code, 2026);
    assert.match(unknown.json.error.hint, /session monitor/);
    assert.equal((await pbx('license', 'show')).json.registered, false, 'an unknown key is not saved');

    const malformed = await runCli(['--data-dir', serve.pbxDir, '--api', serve.url, 'license', 'set-key', 'miko-123']);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /Invalid license key.*4 groups/);
  });

  test('echo KEY | pbxmod license set-key saves the key, and no process shows the key in its arguments', async () => {
    const owner = await tempDir();
    try {
      const registered = await runCli(['--data-dir', owner.path, '--api', serve.url, '--json', 'license', 'register', '--company', 'Pipe Co', '--email', 'pipe@example.com', '--contact', 'P']);
      assert.equal(registered.code, 0, registered.stderr);
      const key = (await runCli(['--data-dir', owner.path, '--api', serve.url, '--json', 'license', 'show', '--reveal'])).json.key as string;
      const other = await tempDir();
      try {
        // Standard input held open: while set-key waits for it, look at every process's arguments.
        const child = spawn(process.execPath, [PBXMOD_BIN, '--data-dir', other.path, '--api', serve.url, '--json', 'license', 'set-key'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.stdin.write(`${key}\n`);
        await new Promise((r) => setTimeout(r, 300));
        const shown: string[] = [];
        for (const pid of await readdir('/proc')) {
          if (!/^\d+$/.test(pid)) continue;
          const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
          if (cmdline.includes(key) || cmdline.includes(key.slice(5))) shown.push(pid);
        }
        assert.deepEqual(shown, [], 'no process has the key in its arguments');
        child.stdin.end();
        const code = await new Promise<number | null>((r) => child.once('close', r));
        assert.equal(code, 0, stdout + stderr);
        assert.equal(stderr, '', 'no warning when the key comes on standard input');
        const saved = await runCli(['--data-dir', other.path, '--api', serve.url, '--json', 'license', 'show', '--reveal']);
        assert.equal(saved.json.key, key);
        // `-` reads standard input too; a key file works; an argument works with a warning.
        const dash = await runCli(['--data-dir', other.path, '--api', serve.url, '--json', 'license', 'set-key', '-'], { input: `  ${key.toLowerCase()}  \n` });
        assert.equal(dash.code, 0, dash.stderr);
        const keyFile = join(other.path, 'key.txt');
        await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
        const fromFile = await runCli(['--data-dir', other.path, '--api', serve.url, '--json', 'license', 'set-key', '--key-file', keyFile]);
        assert.equal(fromFile.code, 0, fromFile.stderr);
        const asArgument = await runCli(['--data-dir', other.path, '--api', serve.url, '--json', 'license', 'set-key', key]);
        assert.equal(asArgument.code, 0, asArgument.stderr);
        assert.match(asArgument.stderr, /warning: a key given on the command line is visible to every user/);
        const empty = await runCli(['--data-dir', other.path, '--api', serve.url, 'license', 'set-key']);
        assert.equal(empty.code, 2);
        assert.match(empty.stderr, /No license key came from standard input/);
        // The session monitor logs in with a key from standard input as well.
        const sessions = await runCli(['--data-dir', other.path, '--api', serve.url, '--json', 'sessions', 'list', '--key', '-'], { input: key });
        assert.equal(sessions.code, 0, sessions.stderr);
        assert.equal(sessions.stderr, '');
      } finally {
        await other.remove();
      }
    } finally {
      await owner.remove();
    }
  });

  test('bad input is refused with a message that says what to do', async () => {
    const noEmail = await runCli(['--data-dir', serve.pbxDir, '--api', serve.url, 'license', 'register', '--company', 'A', '--email', 'nope', '--contact', 'B']);
    assert.equal(noEmail.code, 2);
    assert.match(noEmail.stderr, /Contact email is not an email address/);
    const missingFlag = await runCli(['--data-dir', serve.pbxDir, 'license', 'register', '--company', 'A']);
    assert.equal(missingFlag.code, 2);
    assert.match(missingFlag.stderr, /required option '--email/);
    const badCoupon = await pbx('license', 'coupon', 'MIKOUPD-1');
    assert.equal(badCoupon.code, 2);
    const noKey = await pbx('license', 'coupon', 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD');
    assert.equal(noKey.json.error.code, 'no_license_key');
    const badUrl = await runCli(['--data-dir', serve.pbxDir, '--api', 'ftp://x', 'license', 'show', '--json']);
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.json.error.message, /http:\/\/ or https:\/\//);
  });

  test('an unreachable service is reported with its URL, and nothing is lost', async () => {
    const before = await readFile(join(serve.pbxDir, 'pbx.json'), 'utf8');
    const down = await runCli(['--data-dir', serve.pbxDir, '--api', 'http://127.0.0.1:9', 'license', 'set-key', 'MIKO-AAAAA-BBBBB-CCCCC-DDDDD']);
    assert.equal(down.code, 1);
    assert.match(down.stderr, /No connection to the licensing service at http:\/\/127\.0\.0\.1:9/);
    const after = JSON.parse(await readFile(join(serve.pbxDir, 'pbx.json'), 'utf8'));
    assert.deepEqual(after.settings, JSON.parse(before).settings);
    assert.equal(after.audit.at(-1).outcome, 'failed', 'the failed attempt is in the audit log');
  });

  test('the store is created private to its owner', async () => {
    assert.equal((await stat(join(serve.pbxDir, 'pbx.json'))).mode & 0o777, 0o600);
  });
});

describe('the embedded default', () => {
  test('with no API URL, commands start a licensing service on loopback inside the data dir', async () => {
    const dir = await tempDir();
    try {
      const env = { PBXMOD_API_URL: '' };
      const registered = await runCli(['--data-dir', dir.path, '--json', ...register], { env });
      assert.equal(registered.code, 0, registered.stdout + registered.stderr);
      const shown = await runCli(['--data-dir', dir.path, '--json', 'license', 'show'], { env });
      assert.equal(shown.json.owner.company, 'Acme Ltd', 'a second process sees the same embedded service data');
      await stat(join(dir.path, 'licensing'));
    } finally {
      await dir.remove();
    }
  });

  test('license diagnose checks the embedded service, as the console\'s d does', async () => {
    const dir = await tempDir();
    try {
      const diagnosed = await runCli(['--data-dir', dir.path, 'license', 'diagnose'], { env: { PBXMOD_API_URL: '' } });
      assert.equal(diagnosed.code, 0, diagnosed.stdout + diagnosed.stderr);
      assert.match(diagnosed.stdout, /^Licensing service http:\/\/127\.0\.0\.1:\d+ \(the embedded one, on loopback\)$/m);
      assert.match(diagnosed.stdout, /ok {3}.*HTTP/i);
      assert.doesNotMatch(diagnosed.stdout, /nothing to diagnose/);
    } finally {
      await dir.remove();
    }
  });
});
