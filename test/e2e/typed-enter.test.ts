import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runCli } from '../support/cli.js';
import { againstServe } from './against-serve.js';
import { tmuxAvailable } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/**
 * Over SSH or a serial line a paste or fast typing arrives as one read: the text and the Enter
 * (or Tab) after it together. The form must submit exactly what was typed, not what it held
 * before the read. These tests never wait for the typed text to show before Enter.
 */
describe('text and Enter in one read submit the typed value (built console at 80x24)', { skip }, () => {
  const serve = againstServe();
  const pbx = serve.pbx;


  test('the whole registration form in one read, then coupons typed with Enter in the same read and right after it', async () => {
    const s = await serve.open();
    await s.waitFor('This PBX is not registered');
    s.press('Enter');
    await s.waitFor('› Company name');
    // Five fields, Tab between them and Enter on the last: ONE write to the pane.
    s.type('Chunk Telecom\tnoc@chunk.example\tCora Chunk\t+7 495 000-00-00\t7701234567\r');
    await s.waitFor('Products');
    const shown = await pbx('--json', 'license', 'show');
    assert.equal(shown.code, 0, shown.stderr);
    assert.deepEqual(shown.json.owner, { company: 'Chunk Telecom', contact: 'Cora Chunk', email: 'noc@chunk.example', phone: '+7 495 000-00-00', inn: '7701234567' });

    // An unknown coupon and Enter in one read: the service's 2040 names the typed coupon
    // (an empty field would have been refused by the form, with no request).
    s.press('a');
    await s.waitFor('Activate a coupon');
    s.type('MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD\r');
    let screen = await s.waitFor(/2040/);
    assert.match(screen, /There is no coupon MIKOUPD-AAAAA-/);
    assert.doesNotMatch(screen, /coupon is empty/);

    // A real coupon typed, Enter sent right after in a second write, with no wait between.
    const created = await runCli(['service', 'coupon', 'create', '--product', '127', '--days', '365', '--data-dir', serve.serviceDir]);
    assert.equal(created.code, 0, created.stderr);
    const coupon = /MIKOUPD(-[A-Z0-9]{5}){4}/.exec(created.stdout)?.[0];
    assert.ok(coupon, created.stdout);
    s.press('C-u');
    execFileSync('tmux', ['send-keys', '-t', s.name, '-l', coupon]);
    execFileSync('tmux', ['send-keys', '-t', s.name, 'Enter']);
    screen = await s.waitFor('Users UI');
    assert.match(screen, /1 license for ModuleUsersUI \(51\), 0 occupied/);
    const after = await pbx('--json', 'license', 'show');
    assert.ok(after.json.products.some((p: { productId: number }) => p.productId === 127), after.stdout);
  });
});
