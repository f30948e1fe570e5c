import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

const MASKED = /MIKO-\*{5}-\*{5}-\*{5}-[A-Z0-9]{5}/;

describe('the built console: marketplace & license at 80x24', { skip }, () => {
  const cleanup: Array<() => unknown> = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  test('register through the form, see the masked key, reveal it, activate a coupon and see its product', async () => {
    const serviceDir = await tempDir('pbxmod-e2e-service-');
    const pbxDir = await tempDir('pbxmod-e2e-pbx-');
    cleanup.push(serviceDir.remove, pbxDir.remove);
    const service = await startServeProcess(serviceDir.path);
    cleanup.push(service.stop);
    const s: ConsoleSession = await startConsole({ columns: 80, rows: 24, args: ['--data-dir', pbxDir.path, '--api', service.url] });
    cleanup.push(() => s.kill());

    await s.waitFor('This PBX is not registered');
    s.press('Enter');
    await s.waitFor('Register this PBX in the module marketplace');
    const fields: Array<[label: string, text: string]> = [
      ['Company name', 'Tmux Telecom'],
      ['Contact email', 'noc@tmux.example'],
      ['Contact person', 'Tess Tmux'],
      ['Phone', '+7 495 000-00-00'],
      ['Company identifier', '7701234567'],
    ];
    for (const [index, [label, text]] of fields.entries()) {
      // A person looks: the field has the focus, then what they typed is there.
      await s.waitFor(`› ${label}`);
      s.type(text);
      await s.waitFor(new RegExp(`${label}\\s+${text.replace(/[.+]/g, '\\$&')}`));
      s.press(index === fields.length - 1 ? 'Enter' : 'Tab');
    }

    // A license read made while the registration ran may show first, before the seat was taken.
    let screen = await s.waitFor(/1 license for MikoPBX free license \(33\), 1 occupied/);
    assert.match(screen, new RegExp(`License key\\s+${MASKED.source}\\s+r reveals`));
    assert.match(screen, /1 license for MikoPBX free license \(33\), 1 occupied/);
    assert.match(screen, /trial, expires \d{4}-\d\d-\d\d \(30 days left\)/);
    const key = JSON.parse(await readFile(join(pbxDir.path, 'pbx.json'), 'utf8')).settings.licenseKey as string;
    assert.match(key, /^MIKO(-[A-Z0-9]{5}){4}$/);
    assert.ok(!screen.includes(key), 'masked until asked');

    s.press('r');
    screen = await s.waitFor(key);
    assert.match(screen, /r hides, c copies/);
    s.press('r');
    await s.waitForGone(key);

    const created = await runCli(['service', 'coupon', 'create', '--product', '127', '--days', '365', '--data-dir', serviceDir.path]);
    assert.equal(created.code, 0, created.stderr);
    const coupon = /MIKOUPD(-[A-Z0-9]{5}){4}/.exec(created.stdout)?.[0];
    assert.ok(coupon, created.stdout);

    s.press('a');
    await s.waitFor('Activate a coupon');
    s.type(coupon);
    await s.waitFor(coupon);
    s.press('Enter');
    screen = await s.waitFor('Users UI');
    assert.match(screen, /Users UI\s+expires \d{4}-\d\d-\d\d \(365 days left\)/);
    assert.match(screen, /1 license for ModuleUsersUI \(51\), 0 occupied/);
    // Toasts queue: this one may wait for the registration's to fade.
    await s.waitFor('Coupon activated.');
    for (const line of screen.split('\n')) assert.ok([...line].length <= 80, line);

    s.press('q');
    await waitUntil(() => !s.alive());
    assert.equal(s.exitStatus(), 0);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
