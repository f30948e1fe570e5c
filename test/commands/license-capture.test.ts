import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { againstServe } from '../e2e/against-serve.js';

const register = ['license', 'register', '--company', 'Acme Ltd', '--email', 'seats@acme.example', '--contact', 'Ann Lee'];

/** An enabled paid module (Users UI: product 127, feature 51) in the PBX store, as install leaves it. */
async function addEnabledPaidModule(dataDir: string): Promise<void> {
  const file = join(dataDir, 'pbx.json');
  const state = JSON.parse(await readFile(file, 'utf8'));
  const now = new Date().toISOString();
  state.modules.push({
    id: 'ModuleUsersUI', version: '1.0.0', developer: 'MIKO', supportEmail: 'help@miko.ru', minPbxVersion: '2024.1.1', name: 'Users UI', description: 'Users UI',
    licProductId: 127, licFeatureId: 51, enabled: true, disabledReason: null, disabledReasonText: null, installedAt: now, updatedAt: now,
  });
  await writeFile(file, JSON.stringify(state, null, 2));
}

describe('pbxmod license capture against a spawned licensing service', () => {
  const serve = againstServe();
  const pbx = (...args: string[]) => runCli(['--data-dir', serve.pbxDir, '--api', serve.url, ...args]);
  const pbxJson = (...args: string[]) => runCli(['--data-dir', serve.pbxDir, '--api', serve.url, '--json', ...args]);
  const held = async (featureId: number) => {
    const shown = await pbxJson('license', 'show');
    return shown.json.seats.find((s: { featureId: number }) => s.featureId === featureId)?.held;
  };

  test('after a drop in the session monitor, capture takes back feature 33 and the paid module seat; a seat none is free of is reported with its code', async () => {
    assert.equal((await pbxJson(...register)).code, 0);
    // A paid module enabled on this PBX, its product's trial on the key and its seat taken.
    await addEnabledPaidModule(serve.pbxDir);
    const nothing = await pbxJson('license', 'capture');
    assert.equal(nothing.code, 1, 'the key has no Users UI license yet: refused');
    assert.deepEqual(nothing.json.held.map((s: { featureId: number }) => s.featureId), [33]);
    assert.equal(nothing.json.failed.length, 1);
    assert.equal(nothing.json.failed[0].featureId, 51);
    assert.deepEqual(nothing.json.failed[0].modules, ['ModuleUsersUI']);
    assert.equal(nothing.json.failed[0].code, 2008, 'the license code of the refusal');

    const text = await pbx('license', 'capture');
    assert.equal(text.code, 1);
    assert.match(text.stdout, /held\s+feature 33 \(already\)/);
    assert.match(text.stdout, /NOT taken\s+feature 51 for ModuleUsersUI: error 2008/);
    assert.match(text.stdout, /0 seat\(s\) taken back, 1 refused\./);
    assert.match(text.stdout, /pbxmod sessions drop HOST/, 'says where to free a seat');

    // The seat exists now: the trial of product 127 on the key.
    const key = (await pbxJson('license', 'show', '--reveal')).json.key as string;
    const trial = await fetch(`${serve.url}/api/v1/trials`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key, productId: 127 }) });
    assert.equal(trial.status < 300, true, await trial.text());

    // Drop this PBX's host (both seats it holds) in the session monitor.
    const sessions = await pbxJson('sessions', 'list');
    const own = sessions.json.hosts.find((h: { thisPbx: boolean }) => h.thisPbx);
    assert.ok(own, 'sessions list marks this PBX');
    const listed = await pbx('sessions', 'list');
    assert.match(listed.stdout, new RegExp(`\\(host id ${own.hostId}\\)  \\(this PBX\\)`));
    const dropped = await pbxJson('sessions', 'drop', own.hostId, '--yes');
    assert.equal(dropped.code, 0, dropped.stdout);
    assert.ok(dropped.json.warnings.some((w: string) => /this PBX loses its marketplace license/.test(w)), 'the warning says it is this PBX');
    assert.ok(dropped.json.warnings.every((w: string) => !/that PBX/.test(w)));
    assert.equal(await held(33), false, 'feature 33 dropped');
    const shown = await pbx('license', 'show');
    assert.match(shown.stdout, /This PBX's seats\n\s+feature 33: NOT held: dropped in the session monitor\n\s+feature 51 for ModuleUsersUI: NOT held/);

    const captured = await pbxJson('license', 'capture');
    assert.equal(captured.code, 0, captured.stdout + captured.stderr);
    assert.deepEqual(captured.json.captured.map((s: { featureId: number }) => s.featureId), [33, 51]);
    assert.deepEqual(captured.json.failed, []);
    assert.equal(await held(33), true, 'the service says this PBX holds feature 33 again');
    assert.equal(await held(51), true, 'and the module seat');

    const again = await pbx('license', 'capture');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /This PBX already holds every seat it should\./);

    const audit = JSON.parse(await readFile(join(serve.pbxDir, 'pbx.json'), 'utf8')).audit.filter((e: { action: string }) => e.action === 'license.capture');
    assert.ok(audit.length >= 3, 'each capture is in the audit log');
    assert.ok(audit.every((e: { target: string }) => !e.target.includes(key)), 'never with the whole key');
  });

  test('without a key: says there is nothing to take back and how to get a key (exit 1), in Russian too', async () => {
    const empty = await tempDir();
    try {
      const result = await runCli(['--data-dir', empty.path, '--api', serve.url, '--json', 'license', 'capture']);
      assert.equal(result.code, 1);
      assert.equal(result.json.error.code, 'no_license_key');
      assert.equal(result.json.error.reason, 'seats_no_license_key');
      assert.match(result.json.error.hint, /license set-key/);
      const ru = await runCli(['--data-dir', empty.path, '--api', serve.url, '--lang', 'ru', 'license', 'capture']);
      assert.match(ru.stderr, /нет лицензионного ключа/);
    } finally {
      await empty.remove();
    }
  });
});
