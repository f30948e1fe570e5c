import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { maskLicenseKey } from '../../../src/domain/license-key.js';
import { registerPbx } from '../../../src/licensing/marketplace-registration.js';
import { blockCouponInStore } from '../../../src/licensing/service/operator.js';
import { openServiceStore } from '../../../src/licensing/service/operator.js';
import { PbxContext } from '../../../src/pbx-context.js';
import { pbxStoreFile } from '../../../src/store/pbx-store.js';
import { App } from '../../../src/tui/app.js';
import { osc52Sequence } from '../../../src/tui/terminal/osc52.js';
import { createTheme, type Theme } from '../../../src/tui/theme.js';
import { DAY, makeCoupon, registerCompany, startTestService, TestClock, type TestService } from '../../licensing/service/harness.js';
import { keys, press, stripAnsi, TEST_ESCAPE_DELAY_MS, type, waitForFrame } from '../helpers.js';

/** A service whose clock is the real one, so that "30 days left" reads as a person would see it. */
async function realTimeService(): Promise<TestService> {
  const clock = new TestClock();
  clock.time = Date.now();
  return startTestService({ clock });
}

interface Console {
  app: ReturnType<typeof render>;
  pbx: PbxContext;
  dir: string;
  /** The frame as text, without colours. */
  frame: () => string;
  /** Wait until the frame shows `pattern`. */
  see: (pattern: RegExp | string, timeoutMs?: number) => Promise<string>;
  storeText: () => Promise<string>;
  close: () => Promise<void>;
}

const opened: Console[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

/** The whole console on a fresh PBX store, talking to the service at `api`. */
async function openConsole(api: string, options: { readonly?: boolean; theme?: Theme; sizeFlag?: string; prepare?: (pbx: PbxContext) => Promise<void> } = {}): Promise<Console> {
  const dir = await mkdtemp(join(tmpdir(), 'pbxmod-marketplace-'));
  const pbx = new PbxContext({ dataDir: dir, api });
  await options.prepare?.(pbx);
  const app = render(
    <App
      pbx={pbx}
      onQuit={() => undefined}
      env={{}}
      escapeDelayMs={TEST_ESCAPE_DELAY_MS}
      toastDurationMs={600}
      readonly={options.readonly ?? false}
      {...(options.theme ? { theme: options.theme } : {})}
      {...(options.sizeFlag ? { sizeFlag: options.sizeFlag } : {})}
    />,
  );
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const see = (pattern: RegExp | string, timeoutMs?: number) =>
    waitForFrame(app, pattern, timeoutMs).then(stripAnsi);
  const c: Console = {
    app,
    pbx,
    dir,
    frame,
    see,
    storeText: () => readFile(pbxStoreFile(dir), 'utf8'),
    close: async () => {
      app.unmount();
      app.cleanup();
      await pbx.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 30 });
    },
  };
  opened.push(c);
  return c;
}

let companies = 0;

/**
 * A PBX registered the way the command line does it, before the console starts. Each one a
 * new company: the service gives a repeated registration its earlier key back.
 */
async function registered(pbx: PbxContext): Promise<void> {
  const n = ++companies;
  const saved = await registerPbx(pbx, { company: `Acme ${n} LLC`, email: `ann${n}@acme.example`, contact: 'Ann Admin' });
  assert.equal(saved.warning, undefined, 'this PBX holds the seat of feature 33');
}

async function savedKey(pbx: PbxContext): Promise<string> {
  const key = (await pbx.store.read()).settings.licenseKey;
  assert.ok(key, 'a key is saved');
  return key;
}

/** Replace a form field's text: clear what is there, type the new text. */
async function retype(c: Console, text: string, current: string) {
  for (let i = 0; i < current.length; i++) await press(c.app, keys.backspace);
  await type(c.app, text);
}

const MONITOR_HINT = /Manage license bindings in the session monitor \(console screen 4/;

describe('the marketplace screen', () => {
  let service: TestService;
  before(async () => {
    service = await realTimeService();
  });
  after(async () => {
    await service.stop();
  });

  test('an unregistered PBX is offered the registration and the key form; typing there is not a command', async () => {
    const c = await openConsole(service.url);
    // The header and the screen read the store on their own: wait for both.
    const frame = await c.see(/License: unregistered[\s\S]*This PBX is not registered/);
    assert.match(frame, /Enter\s+register this PBX/);
    assert.match(frame, /e\s+I already have a license key/);
    assert.doesNotMatch(frame, /will be here/, 'the placeholder is gone');
    assert.match(footerOf(frame), /\? help\s+q quit/);
    await press(c.app, keys.enter);
    // In a field ? and q type: the footer stops offering them.
    await waitForFrame(c.app, (f) => stripAnsi(f).includes('Register this PBX in the module marketplace') && !/\? help|q quit/.test(footerOf(stripAnsi(f))));
    await type(c.app, 'q2', /Company name\s+q2/);
    await press(c.app, keys.escape, 'This PBX is not registered');
  });

  test('the registration form explains each bad field as it is typed', async () => {
    const c = await openConsole(service.url);
    await c.see('This PBX is not registered');
    await press(c.app, keys.enter);
    await c.see('Company name');

    await type(c.app, 'A');
    await press(c.app, keys.backspace);
    await c.see('Company name is required.');

    await press(c.app, keys.tab);
    await type(c.app, 'ann@');
    await c.see('Contact email is not an email address');

    await press(c.app, keys.tab);
    await type(c.app, 'x');
    await press(c.app, keys.backspace);
    await c.see('Contact person is required.');

    await press(c.app, keys.tab);
    await type(c.app, 'call me');
    await c.see('Phone may hold digits, spaces, "+", "-" and brackets only');

    await press(c.app, keys.tab);
    await type(c.app, '12345');
    await c.see('Company identifier must be 10 to 12 digits');

    // Submitting with bad fields changes nothing.
    await press(c.app, keys.enter);
    await c.see('Correct the fields marked');
    assert.equal((await c.pbx.store.read()).settings.licenseKey, null);
  });

  test('registering through the form shows the masked key and the license: feature 33, one license, one occupied, 30 days', async () => {
    const c = await openConsole(service.url);
    await c.see('This PBX is not registered');
    await press(c.app, keys.enter);
    await c.see('Company name');
    for (const [value, last] of [['Acme LLC', false], ['ann@acme.example', false], ['Ann Admin', false], ['+7 495 123-45-67', false], ['7701234567', true]] as const) {
      if (value) await type(c.app, value, value);
      await press(c.app, last ? keys.enter : keys.tab);
    }
    // The note, the header and the screen agree from the first frame that has the note.
    const noted = await c.see('Registered. License key');
    assert.match(noted, /License: registered/, 'the header says registered in the same frame as the note');
    assert.match(noted, /Products/, 'and the screen shows the license');
    assert.doesNotMatch(noted, /not registered/);
    // A license read made while the registration ran may show first, before the seat was taken.
    const frame = await c.see(/1 license for MikoPBX free license \(33\), 1 occupied/);
    const key = await savedKey(c.pbx);
    assert.match(frame, new RegExp(`License key\\s+${escape(maskLicenseKey(key))}`));
    assert.match(frame, /Owner\s+Acme LLC/);
    assert.match(frame, /Contact\s+Ann Admin, ann@acme\.example/);
    assert.match(frame, /Phone\s+\+7 495 123-45-67/);
    assert.match(frame, /Tax id\s+7701234567/);
    assert.match(frame, /MikoPBX\s+trial, expires \d{4}-\d\d-\d\d \(30 days left\)/);
    assert.match(frame, /1 license for MikoPBX free license \(33\), 1 occupied/);
    assert.ok(!frame.includes(key), 'the whole key is not on screen');
    await c.see(`License: registered ${maskLicenseKey(key)}`);
  });

  test('"I have a key": a malformed key gets the precise message, an unknown one 2026 with the session monitor hint, a good one is saved', async () => {
    const c = await openConsole(service.url);
    await c.see('This PBX is not registered');
    await press(c.app, 'e');
    await c.see('Enter the license key you already have');

    await type(c.app, 'miko-abcde-fghij-klmn-pqrst');
    await press(c.app, keys.enter);
    let frame = await c.see('Group 3 has 4 characters; each group has 5.');
    assert.match(frame, /Invalid license key\./);
    assert.match(frame, /Check the key in your email/);
    assert.ok(!frame.includes('miko-abcde'), 'typing is masked');

    await retype(c, 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST', 'miko-abcde-fghij-klmn-pqrst');
    await press(c.app, keys.enter);
    frame = await c.see('License error 2026');
    assert.match(frame, /Error in license number: the key is unknown or malformed/);
    assert.match(frame.replace(/\s+/g, ' '), /Manage license bindings in the session monitor \(console screen 4, or `pbxmod sessions list` \/ `pbxmod sessions drop HOST`\)\./);
    assert.equal((await c.pbx.store.read()).settings.licenseKey, null);

    const key = await registerCompany(service);
    await retype(c, ` ${key.toLowerCase()} `, 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST');
    await press(c.app, keys.enter);
    frame = await c.see(/1 license for MikoPBX free license \(33\), 1 occupied/);
    assert.equal(await savedKey(c.pbx), key);
    assert.match(frame, new RegExp(escape(maskLicenseKey(key))));
    assert.match(frame, /1 license for MikoPBX free license \(33\), 1 occupied/, 'saving the key captured the seat for this PBX');
  });

  test('r reveals the whole key and hides it again; leaving the screen hides it; the audit never holds it', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    const key = await savedKey(c.pbx);
    await press(c.app, 'r');
    let frame = await c.see(key);
    assert.match(frame, /r hides, c copies/);
    await press(c.app, 'r');
    frame = await c.see(maskLicenseKey(key) + '   r reveals');
    assert.ok(!frame.includes(key));

    await press(c.app, 'r');
    await c.see(key);
    await press(c.app, '2');
    await waitForFrame(c.app, (f) => !f.includes('Products'));
    await press(c.app, '1');
    frame = await c.see('Products');
    assert.ok(!frame.includes(key), `hidden after leaving the screen:\n${frame}`);

    const audit = (await c.pbx.store.read()).audit;
    assert.ok(audit.some((e) => e.action === 'license.reveal'), 'revealing is audited');
    assert.ok(!JSON.stringify(audit).includes(key), 'the audit holds the masked key only');
  });

  test('c sends the key to the terminal clipboard as OSC 52, and says so', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    const key = await savedKey(c.pbx);
    await press(c.app, 'c');
    const said = await c.see('Key sent by OSC 52: on your clipboard only if the terminal allows OSC 52.');
    assert.doesNotMatch(said, /Key sent to the terminal's clipboard/);
    const sent = c.app.frames.filter((f) => f.includes('\u001B]52;'));
    assert.deepEqual(sent, [`\u001B]52;c;${Buffer.from(key).toString('base64')}\u0007`]);
    assert.deepEqual(sent, [osc52Sequence(key)]);
    assert.ok(!c.frame().includes(key), 'copying does not reveal');
    assert.ok(!JSON.stringify((await c.pbx.store.read()).audit).includes(key));
  });

  test('a coupon adds its product to the license info', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    const coupon = await makeCoupon(service, { productId: 127, days: 365 });
    await press(c.app, 'a');
    await c.see('Activate a coupon');
    await type(c.app, coupon.toLowerCase());
    await press(c.app, keys.enter);
    // The toast and the refreshed license come on their own: wait for each.
    await c.see('Coupon activated.');
    const frame = await c.see(/1 license for ModuleUsersUI \(51\), 0 occupied/);
    assert.match(frame, /Users UI\s+expires \d{4}-\d\d-\d\d \(365 days left\)/);
    assert.match(frame, /1 license for ModuleUsersUI \(51\), 0 occupied/);
    assert.match(frame, /1 license for MikoPBX free license \(33\), 1 occupied/);
  });

  test('coupon refusals: 2040 unknown, 2041 already activated, 2057 blocked, each with where to manage bindings', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    const used = await makeCoupon(service, { productId: 127, days: 30 });
    const blocked = await makeCoupon(service, { productId: 31, days: 30 });
    await blockCouponInStore(openServiceStore(service.dataDir), blocked);

    await press(c.app, 'a');
    await c.see('Activate a coupon');
    await type(c.app, used);
    await press(c.app, keys.enter);
    await c.see('Coupon activated.');

    const cases: Array<[string, RegExp]> = [
      ['MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD', /License error 2040: No such coupon\./],
      [used, /License error 2041: The coupon has already been activated\./],
      [blocked, /License error 2057: The coupon is blocked\./],
    ];
    for (const [code, message] of cases) {
      await press(c.app, 'a');
      await c.see('Activate a coupon');
      await type(c.app, code);
      await press(c.app, keys.enter);
      const frame = await c.see(message);
      assert.match(frame.replace(/\s+/g, ' '), MONITOR_HINT);
      await press(c.app, keys.escape, (f) => f.includes('Products') && !f.includes('Activate a coupon'));
    }
  });

  test('a saved key the service does not know: the refusal with what to do, and a coupon gets 2037', async () => {
    const c = await openConsole(service.url, {
      prepare: (pbx) =>
        pbx.store.update((s) => {
          s.settings.licenseKey = 'MIKO-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ';
        }),
    });
    let frame = await c.see('License error 2026');
    assert.match(frame, /x resets the key so that you can register again/);
    const coupon = await makeCoupon(service, { productId: 127, days: 30 });
    await press(c.app, 'a');
    await c.see('Activate a coupon');
    await type(c.app, coupon);
    await press(c.app, keys.enter);
    frame = await c.see('License error 2037');
    assert.match(frame, /Error in registration number: the coupon needs a valid license key\./);
    assert.match(frame.replace(/\s+/g, ' '), MONITOR_HINT);
  });

  test('a store that cannot be read: its own message, and no x key that would do nothing', async () => {
    const c = await openConsole(service.url, { prepare: async (pbx) => { await mkdir(pbx.dataDir, { recursive: true }); await writeFile(pbxStoreFile(pbx.dataDir), '{ "schemaVersion": '); } });
    // The status line says it first; the screen's own message follows: wait for that one.
    const frame = await c.see(/Once the store file is fixed or moved aside,\s+u reads it again\./);
    assert.match(frame, /cannot be read/);
    assert.doesNotMatch(frame, /x resets the key/);
  });

  test('a coupon with no key saved (reset elsewhere meanwhile) says a key is needed and how to get one', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    await press(c.app, 'a');
    await c.see('Activate a coupon');
    await c.pbx.store.update((s) => {
      s.settings.licenseKey = null;
    });
    await type(c.app, await makeCoupon(service, { productId: 127, days: 30 }));
    await press(c.app, keys.enter);
    const frame = await c.see('Coupon activation needs a license key, and this PBX has none.');
    assert.match(frame.replace(/\s+/g, ' '), /console: screen 1/);
  });

  test('reset: No (the default) changes nothing; Yes removes the key and cancels the registration', async () => {
    const c = await openConsole(service.url, { prepare: registered });
    await c.see('Products');
    const key = await savedKey(c.pbx);
    await press(c.app, 'x');
    let frame = await c.see(`Reset the license key ${maskLicenseKey(key)}?`);
    assert.match(frame, /cancels the marketplace registration/);
    assert.match(frame, /›No\s+\[y\/N\]/);
    await press(c.app, keys.enter);
    await c.see('Products');
    assert.equal(await savedKey(c.pbx), key);

    await press(c.app, 'x');
    await c.see('Reset the license key');
    await press(c.app, 'y');
    await c.see('License key removed; 1 binding of this host released.');
    await c.see('This PBX is not registered');
    await c.see('License: unregistered');
    assert.equal((await c.pbx.store.read()).settings.licenseKey, null);
  });

  test('--readonly refuses to register or change the key, and says why', async () => {
    const c = await openConsole(service.url, { readonly: true });
    await c.see('This PBX is not registered');
    await press(c.app, keys.enter);
    await c.see(/Read-only mode: "[^"]+" is off\./);
    assert.doesNotMatch(c.frame(), /Company name/);
  });

  test('no arrows needed to read a long license: it scrolls and says where it is', async () => {
    const c = await openConsole(service.url, { sizeFlag: '100x16', prepare: registered });
    await c.see('Products');
    const lineCount = (frame: string) => Number(/lines \d+-\d+ of (\d+); arrows scroll/.exec(frame)?.[1] ?? 0);
    const before = lineCount(c.frame());
    const key = await savedKey(c.pbx);
    const pbxClient = await c.pbx.licensing();
    for (const productId of [127, 31]) await pbxClient.activateCoupon(key, await makeCoupon(service, { productId, days: 10 }));
    await press(c.app, 'u');
    // The longer license has come in when the count of lines grows (the seat lines may scroll already).
    let frame = await waitForFrame(c.app, (f) => /lines 1-\d+ of \d+; arrows scroll/.test(stripAnsi(f)) && lineCount(stripAnsi(f)) > before);
    await press(c.app, keys.end);
    frame = await c.see(/Bitrix24/);
    assert.doesNotMatch(frame, /^Owner/m, 'scrolled past the owner');
    assert.match(frame, /License key/, 'the key line stays on top');
  });

  test('without colours and Unicode the screen is plain ASCII', async () => {
    const c = await openConsole(service.url, { theme: createTheme({ color: false, unicode: false }), prepare: registered });
    const frame = await c.see('Products');
    assert.match(frame, /\+ MikoPBX/);
    for (const line of frame.split('\n')) assert.ok(/^[\x20-\x7e]*$/.test(line), `not ASCII: ${line}`);
  });
});

describe('the marketplace screen: expired products', () => {
  test('a product past its expiry is shown as expired', async () => {
    const service = await realTimeService();
    try {
      const c = await openConsole(service.url, { prepare: registered });
      await c.see('Products');
      const key = await savedKey(c.pbx);
      await (await c.pbx.licensing()).activateCoupon(key, await makeCoupon(service, { productId: 127, days: 1 }));
      const expiry = new Date(service.clock.time + DAY).toISOString().slice(0, 10);
      service.clock.advance(2 * DAY);
      await press(c.app, 'u');
      const frame = await c.see('EXPIRED');
      assert.match(frame, new RegExp(`✗ Users UI\\s+EXPIRED on ${expiry}`));
      assert.match(frame, /MikoPBX\s+trial, expires/);
    } finally {
      await service.stop();
    }
  });
});

describe('the marketplace screen: the licensing service cannot be reached', () => {
  test('a banner names the URL, the header says so, and the diagnostics list DNS, TCP and HTTP with results and times', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const c = await openConsole(url, {
      prepare: (pbx) =>
        pbx.store.update((s) => {
          s.settings.licenseKey = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
        }),
    });
    let frame = await c.see(`No access to the licensing server ${url}`);
    assert.match(frame, /connection refused/);
    assert.match(frame, /d runs the connection diagnostics/);
    await c.see('License: no connection to the licensing service');

    await press(c.app, 'd');
    frame = await c.see(/A check failed/);
    assert.match(frame, new RegExp(`Connection diagnostics: ${escape(url)}`));
    assert.match(frame, /✓ DNS lookup\s+ok\s+\d+ ms\s+127\.0\.0\.1/);
    assert.match(frame, /✗ TCP connect\s+failed\s+\d+ ms\s+.*ECONNREFUSED/);
    assert.match(frame, /HTTP ping\s+not run: an earlier check failed/);
    assert.doesNotMatch(frame, /TLS handshake/, 'no TLS for http');

    await press(c.app, 'u');
    await c.see(/A check failed/);
    await press(c.app, keys.escape, (f) => f.includes('No access to the licensing server') && !f.includes('Connection diagnostics'));
  });

  test('registering while the service is down says so, and the screen shows the banner after', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const c = await openConsole(url);
    await c.see('This PBX is not registered');
    await press(c.app, keys.enter);
    await c.see('Company name');
    for (const [value, last] of [['Acme LLC', false], ['ann@acme.example', false], ['Ann Admin', false], ['', false], ['', true]] as const) {
      if (value) await type(c.app, value, value);
      await press(c.app, last ? keys.enter : keys.tab);
    }
    const frame = await c.see(`No connection to the licensing service at ${url} (connection refused).`);
    assert.match(frame.replace(/\s+/g, ' '), /diagnostics view runs DNS, TCP, TLS and HTTP checks/);
    await press(c.app, keys.escape, `No access to the licensing server ${url}`);
    assert.equal((await c.pbx.store.read()).settings.licenseKey, null);
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The frame's last line: the footer with its key hints. */
function footerOf(frame: string): string {
  return frame.trimEnd().split('\n').at(-1) ?? '';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
