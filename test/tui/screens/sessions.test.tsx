// Local time is not UTC here, so that "times in local time" means something.
process.env.TZ = 'Asia/Vladivostok';

import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../../src/pbx-context.js';
import { dropWarnings } from '../../../src/domain/license-products.js';
import { t } from '../../../src/i18n/index.js';
import type { Binding } from '../../../src/licensing/api.js';
import { registerPbx } from '../../../src/licensing/marketplace-registration.js';
import { addSeatsInStore, blockCouponInStore, createCouponInStore } from '../../../src/licensing/service/operator.js';
import { openServiceStore } from '../../../src/licensing/service/operator.js';
import { screens } from '../../../src/tui/screens/index.js';
import { dropWarningLines } from '../../../src/tui/screens/sessions/drop-request.js';
import { loginOf } from '../../../src/tui/screens/sessions/login-form.js';
import { SessionsScreen } from '../../../src/tui/screens/sessions/sessions-screen.js';
import { wrapText as wrapWords } from '../../../src/tui/text-fit.js';
import type { ScreenDefinition } from '../../../src/tui/screens/types.js';
import { pbxHost, startTestService, TestClock, type TestService } from '../../licensing/service/harness.js';
import { keys, moveCursorTo, press, syncKeys, renderApp, stripAnsi, type, waitForFrame, type RenderedApp } from '../helpers.js';

/** The service on the real clock: the screen shows times relative to now. */
function realClock(): TestClock {
  return Object.assign(new TestClock(), { now: () => new Date() });
}

interface World {
  service: TestService;
  pbx: PbxContext;
  /** The PBX's key (after registration). */
  key: string;
  /** This PBX's own feature-33 binding (registration captured it). */
  own: Binding | null;
  /** Bindings captured for another host, pbx-02. */
  other: { host: ReturnType<typeof pbxHost>; f33: Binding; f51: Binding } | undefined;
  app: RenderedApp | undefined;
}

let world: World | undefined;
const extraDirs: string[] = [];

afterEach(async () => {
  await world?.app?.dispose();
  await world?.pbx.close();
  await world?.service.stop();
  for (const dir of extraDirs.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 30 });
  world = undefined;
});

/**
 * A real licensing service on loopback and a PBX store pointing at it. By default the PBX is
 * registered (its own feature 33 captured), and a second host, pbx-02, holds feature 33 and
 * the paid Users UI feature 51.
 */
async function setUp({ register = true, otherHost = true, api }: { register?: boolean; otherHost?: boolean; api?: string } = {}): Promise<World> {
  const service = await startTestService({ clock: realClock() });
  const dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-sessions-'));
  extraDirs.push(dataDir);
  const pbx = new PbxContext({ dataDir, api: api ?? service.url });
  world = { service, pbx, key: '', own: null, other: undefined, app: undefined };
  if (!register) return world;
  if (api !== undefined) {
    // A key saved earlier, while the service was reachable.
    world.key = (await service.client.register({ company: 'Acme', email: 'admin@acme.example', contact: 'Ann', hostId: 'unused' })).key;
    await pbx.store.update((s) => {
      s.settings.licenseKey = world!.key;
    });
    return world;
  }
  const saved = await registerPbx(pbx, { company: 'Acme Ltd', email: 'admin@acme.example', contact: 'Ann Lee' });
  world.key = saved.key;
  world.own = saved.binding;
  if (otherHost) {
    await addSeatsInStore(openServiceStore(service.dataDir), { key: saved.key, productId: 1, featureId: 33, count: 2 });
    await service.client.addTrial(saved.key, 127);
    const host = pbxHost('pbx-02');
    const f33 = await service.client.captureFeature(saved.key, 33, host);
    const f51 = await service.client.captureFeature(saved.key, 51, host);
    world.other = { host, f33, f51 };
  }
  return world;
}

/** The console on screen 4, once the bindings (or whatever the screen shows first) are there. */
async function open(w: World, props: Parameters<typeof renderApp>[0] = {}, ready: (frame: string) => boolean = (f) => f.includes('last updated')): Promise<RenderedApp> {
  w.app = await renderApp({ pbx: w.pbx, initialScreen: 'sessions', ...props });
  await waitForFrame(w.app, ready, 8000);
  return w.app;
}

const plain = (frame: string | undefined) => stripAnsi(frame ?? '');
const cursorLine = (frame: string) => plain(frame).split('\n').find((l) => l.startsWith('›')) ?? '';

/** Move the cursor to the first row matching `pattern` (from the top). */
function moveTo(app: RenderedApp, pattern: RegExp): Promise<string> {
  return moveCursorTo(app, pattern, cursorLine);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The sv-SE locale writes "2026-05-04 14:03:07": local time, written the way the screen writes it. */
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE');

async function liveFeatures(w: World, hostName: string): Promise<number[]> {
  const hosts = await w.service.client.sessions(w.key);
  return hosts.filter((h) => h.host === hostName).flatMap((h) => h.bindings.map((b) => b.featureId));
}

describe('session monitor screen', () => {
  test('bindings of two hosts grouped by host: host rows with name and MAC, the columns, the feature lines', async () => {
    const w = await setUp();
    const app = await open(w);
    const frame = plain(app.lastFrame());
    const own = w.own!;
    assert.match(frame, /Info\s+User@Host\s+Captured\s+Features\s+Action/);
    assert.match(frame, /^This PBX's key · 2 hosts, 3 bindings/m);
    assert.match(frame, /2 hosts, 3 bindings/);
    assert.match(frame, /last updated \d\d:\d\d:\d\d/);
    assert.doesNotMatch(frame, new RegExp(w.key), 'the key is masked');

    const lines = frame.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    const otherHostRow = at(/pbx-02\s+id host-id-\s+02:00:00:00:00:[0-9a-f]{2}\s+Drop all/);
    const otherF33 = at(/root@pbx-02\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+MikoPBX free license \(33\) per: pbx-02\s+Drop\b/);
    const otherF51 = at(/root@pbx-02\s+.*ModuleUsersUI \(51\) per: pbx-02\s+Drop\b/);
    const ownHostId = (await w.pbx.store.read()).settings.hostId;
    const ownHostRow = at(new RegExp(`${own.host} \\(this PBX\\)\\s+id ${ownHostId.slice(0, 8)}\\s+${own.net}\\s+Drop all`));
    const ownF33 = at(new RegExp(`${own.user}@${own.host}\\s+.*MikoPBX free license \\(33\\) per: ${own.host}`));
    for (const [name, index] of Object.entries({ otherHostRow, otherF33, otherF51, ownHostRow, ownF33 })) assert.ok(index > 0, `${name} missing:\n${frame}`);
    // Hosts by name, each followed by its bindings.
    const order = [otherHostRow, otherF33, otherF51, ownHostRow, ownF33];
    if (own.host < 'pbx-02') order.push(...order.splice(0, 3));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `grouped by host:\n${frame}`);
    // The capture time is local time.
    assert.ok(lines[otherF33]!.includes(local(w.other!.f33.start).slice(0, 16)), lines[otherF33]);
  });

  test('the info panel (Enter or i) shows user, host, db, net, proc, start, upd, exp in local time; Esc closes it', async () => {
    const w = await setUp();
    const app = await open(w);
    await moveTo(app, /MikoPBX free license \(33\) per: pbx-02/);
    let frame = plain(await press(app, 'i', 'Binding: MikoPBX free license (33) per: pbx-02'));
    const b = w.other!.f33;
    assert.match(frame, /Binding: MikoPBX free license \(33\) per: pbx-02/);
    const field = (label: string, value: string) => assert.match(frame, new RegExp(`^\\s+${label}\\s+${value.replace(/[()[\].*+?^$|\\/]/g, '\\$&')}`, 'm'), `${label} ${value}:\n${frame}`);
    field('user', 'root');
    field('host', 'pbx-02');
    field('db', '/cf/conf/mikopbx.db');
    field('net', b.net);
    field('proc', String(b.proc));
    field('start', local(b.start));
    field('upd', `${local(b.upd)} (less than a minute ago)`);
    field('exp', `${local(b.exp)} (in 9 min)`);
    assert.notEqual(local(b.start).slice(11, 13), b.start.slice(11, 13), 'local time, not UTC');

    // The panel follows the cursor; a host row shows the host.
    await moveTo(app, /▾\s+pbx-02/);
    frame = plain(await waitForFrame(app, (f) => f.includes('Host pbx-02')));
    assert.match(frame, /host id\s+host-id-pbx-02/);

    // Esc closes it; Enter opens it again, on this PBX's own binding.
    await press(app, keys.escape, (f) => !f.includes('Host pbx-02'));
    await moveTo(app, new RegExp(`MikoPBX free license \\(33\\) per: ${w.own!.host}`));
    frame = plain(await press(app, keys.enter, `Binding: MikoPBX free license (33) per: ${w.own!.host}`));
    assert.match(frame, new RegExp(`host\\s+${w.own!.host} \\(this PBX\\)`));
    assert.match(frame, new RegExp(`proc\\s+${process.pid}`));
  });

  test('dropping a binding asks first (default No); No keeps it, Yes drops it and says so; a paid feature warns about its product', async () => {
    const w = await setUp();
    const app = await open(w);
    await moveTo(app, /ModuleUsersUI \(51\) per: pbx-02/);
    await waitForFrame(app, (f) => /d drop binding/.test(f.split('\n').at(-1)!));

    let frame = plain(await press(app, 'd', '[y/N]'));
    assert.match(frame, /Drop the binding ModuleUsersUI \(51\) per: pbx-02\?/);
    assert.match(frame, /- ModuleUsersUI \(51\), captured \d{4}-/);
    assert.match(frame, /! This drops features of other products: Users UI \(51\)\./);
    assert.match(frame, /Their modules on/);
    assert.match(frame, /that PBX will be disabled at the next license check\./);
    assert.doesNotMatch(frame, /feature 33/, 'no feature-33 warning for feature 51');
    assert.match(frame, /\[y\/N\]/);

    frame = plain(await press(app, 'n', (f) => !f.includes('Drop the binding')));
    assert.match(frame, /ModuleUsersUI \(51\) per: pbx-02/);
    await press(app, 'd', 'Drop the binding');
    frame = plain(await press(app, keys.enter, (f) => !f.includes('Drop the binding')));
    assert.match(frame, /ModuleUsersUI \(51\) per: pbx-02/);
    assert.deepEqual((await liveFeatures(w, 'pbx-02')).sort(), [33, 51], 'No and Enter dropped nothing');

    await press(app, 'd', '[y/N]');
    await press(app, 'y');
    // The toast and the list read again arrive on their own: wait for each.
    await waitForFrame(app, 'Dropped 1 binding of pbx-02');
    frame = plain(await waitForFrame(app, (f) => !f.includes('ModuleUsersUI (51)')));
    assert.match(frame, /2 hosts, 2 bindings/);
    assert.deepEqual(await liveFeatures(w, 'pbx-02'), [33]);
  });

  test('a d that follows a cursor move at once drops the row the cursor moved to', async () => {
    const w = await setUp();
    const app = await open(w);
    await moveTo(app, /▾\s+pbx-02/);
    await waitForFrame(app, (f) => /d drop host/.test(f.split('\n').at(-1)!));
    // Both keys before the console has drawn the move, as on a busy PBX or a slow line.
    app.stdin.write(keys.down);
    app.stdin.write('d');
    const frame = plain(await waitForFrame(app, (f) => f.includes('[y/N]')));
    assert.match(frame, /Drop the binding MikoPBX free license \(33\) per: pbx-02\?/);
    await press(app, 'n');
  });

  test('dropping a host row drops all its bindings, with the feature-33 and other-product warnings', async () => {
    const w = await setUp();
    const app = await open(w);
    await moveTo(app, /▾\s+pbx-02/);
    await waitForFrame(app, (f) => /d drop host/.test(f.split('\n').at(-1)!));
    let frame = plain(await press(app, 'd', '[y/N]'));
    assert.match(frame, /Drop all 2 bindings of host pbx-02\?/);
    assert.match(frame, /- MikoPBX free license \(33\), captured/);
    assert.match(frame, /- ModuleUsersUI \(51\), captured/);
    assert.match(frame, /! This drops feature 33 \(MikoPBX free license\): that PBX loses its/);
    assert.match(frame, /! This drops features of other products: Users UI \(51\)/);
    await press(app, 'y');
    await waitForFrame(app, 'Dropped 2 bindings of pbx-02');
    frame = plain(await waitForFrame(app, (f) => !/pbx-02\s+id /.test(stripAnsi(f))));
    assert.match(frame, /1 host, 1 binding/);
    assert.deepEqual(await liveFeatures(w, 'pbx-02'), []);
    assert.deepEqual(await liveFeatures(w, w.own!.host), [33], "this PBX's binding stays");
  });

  test('the read-only console does not drop', async () => {
    const w = await setUp();
    const app = await open(w, { readonly: true });
    await moveTo(app, /▾\s+pbx-02/);
    await press(app, 'd');
    await waitForFrame(app, (f) => /Read-only mode: "[^"]+" is off\./.test(f));
    assert.doesNotMatch(plain(app.lastFrame()), /Drop all 2 bindings/);
    assert.deepEqual((await liveFeatures(w, 'pbx-02')).sort(), [33, 51]);
  });

  test('log in with a coupon activated on the key: the same bindings', async () => {
    const w = await setUp();
    const coupon = await createCouponInStore(openServiceStore(w.service.dataDir), { productId: 31, days: 365 });
    await w.service.client.activateCoupon(w.key, coupon.code);
    const app = await open(w);
    const before = plain(app.lastFrame()).split('\n').filter((l) => / per: /.test(l));
    let frame = plain(await press(app, 'l', 'Log in to the session monitor'));
    assert.match(frame, /Leave it empty to log in with this PBX's own key/);
    // Typed as a person might: lower case, with spaces.
    const typed = ` ${coupon.code.toLowerCase().replace(/-/g, ' - ')} `;
    // Masked: as many stars as characters typed.
    frame = plain(await type(app, typed, `Key or coupon  ${'*'.repeat(typed.length)}`));
    assert.doesNotMatch(frame, /MIKOUPD|mikoupd/, 'typing is hidden');
    await press(app, keys.enter);
    frame = plain(await waitForFrame(app, (f) => f.includes('Coupon MIKOUPD-') && f.includes('last updated')));
    assert.match(frame, new RegExp(`Coupon MIKOUPD-…-${coupon.code.slice(-5)} · 2 hosts, 3 bindings`));
    assert.doesNotMatch(frame, new RegExp(coupon.code.slice(8, 13)), 'only the last group shows');
    assert.deepEqual(frame.split('\n').filter((l) => / per: /.test(l)), before);

    // Empty: back to this PBX's own key.
    await press(app, 'l', 'Log in to the session monitor');
    await press(app, keys.enter);
    await waitForFrame(app, (f) => f.includes("This PBX's key ·") && f.includes('last updated'));
  });

  test('login errors: unknown key (2026), unknown coupon (2040), coupon never activated (2037), blocked coupon (2057), malformed input', async () => {
    const w = await setUp({ otherHost: false });
    const store = openServiceStore(w.service.dataDir);
    const fresh = (await createCouponInStore(store, { productId: 127, days: 30 })).code;
    const blocked = (await createCouponInStore(store, { productId: 127, days: 30 })).code;
    await blockCouponInStore(store, blocked);
    const app = await open(w);

    const attempt = async (input: string, expected: RegExp[]) => {
      await press(app, 'l', 'Log in to the session monitor');
      await type(app, input, `Key or coupon  ${'*'.repeat(input.length)}`);
      await press(app, keys.enter);
      const frame = plain(await waitForFrame(app, (f) => expected.every((p) => p.test(stripAnsi(f)))));
      assert.match(frame, /Log in to the session monitor/, 'the form stays open');
      await press(app, keys.escape, (f) => f.includes('last updated') && !f.includes('Log in to the session monitor'));
      return frame;
    };
    await attempt('MIKO-AAAAA-BBBBB-CCCCC-DDDDD', [/The licensing service does not know this license key \(error 2026\)\./, /Check the key in your email/]);
    await attempt('MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD', [/There is no such coupon \(error 2040\)\./, /Check the coupon code/]);
    await attempt(fresh, [/This coupon has not been activated on a license key yet \(error 2037\)\./, /Activate it first/]);
    await attempt(blocked, [/This coupon is blocked \(error 2057\)\./, /Log in with the license key instead/]);
    await attempt('MIKO-12345', [/Invalid license key\. A license key has 4 groups after "MIKO-"; got 1\./]);

    // Wrong from the first characters: said at once, under the field.
    await press(app, 'l', 'Log in to the session monitor');
    await type(app, 'X', 'A license key starts with "MIKO-"; got "X"');
    // Still logged in with the PBX's key after all that.
    const after = await press(app, keys.escape, (f) => f.includes('last updated') && !f.includes('Log in to the session monitor'));
    assert.match(plain(after), /This PBX's key ·/);
  });

  test('a PBX without a key opens on the login form, which says registration is on screen 1; Esc shows the same', async () => {
    const w = await setUp({ register: false });
    const app = await open(w, {}, (f) => f.includes('Log in to the session monitor'));
    let frame = plain(app.lastFrame());
    assert.match(frame, /This PBX has no license key yet\. Register it, or save the key you have, on screen 1/);
    await press(app, keys.enter);
    frame = plain(await waitForFrame(app, (f) => f.includes('Enter a license key or a coupon.')));
    frame = plain(await press(app, keys.escape, 'Register or save a key on screen 1'));
    assert.match(frame, /This PBX has no license key/);
    assert.match(frame, /Register or save a key on screen 1/);
    assert.match(frame, /l logs in here with another key/);
    // The digits work again: screen 1 is one key away.
    await press(app, '1');
    await waitForFrame(app, (f) => !f.includes('This PBX has no license key'));
  });

  test('the service unreachable: the error names the URL and says how to retry', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const w = await setUp({ api: url });
    const app = await open(w, {}, (f) => f.includes('No connection'));
    const frame = plain(await waitForFrame(app, (f) => f.includes('tries again')));
    assert.ok(frame.includes(`No connection to the licensing service at ${url} (connection refused).`), frame);
    assert.match(frame, /r tries again now; the screen also tries every 30 s\./);
    assert.match(frame, /Check the network and the service URL/);
  });

  test('the service going away keeps the last bindings on screen, marked as such', async () => {
    const w = await setUp();
    const app = await open(w);
    await w.service.stop();
    await press(app, 'r');
    const frame = plain(await waitForFrame(app, (f) => f.includes('No connection'), 8000));
    assert.match(frame, new RegExp(`No connection to the licensing service at ${w.service.url.replace(/[.]/g, '\\.')}`));
    assert.match(frame, /The bindings below are from the last successful update\./);
    assert.match(frame, /MikoPBX free license \(33\) per: pbx-02/);
    // afterEach stops it again: harmless.
  });

  test("a saved key the service does not know: says so, and that another login is possible", async () => {
    const w = await setUp({ register: false });
    await w.pbx.store.update((s) => {
      s.settings.licenseKey = 'MIKO-AAAAA-BBBBB-CCCCC-DDDDD';
    });
    const app = await open(w, {}, (f) => f.includes('error 2026'));
    const frame = plain(app.lastFrame());
    assert.match(frame, /The licensing service does not know this license key \(error 2026\)\./);
    assert.match(frame, /The key saved on this PBX may belong to another licensing service; l logs in with another key or a\s+coupon\./);
  });

  test('a binding that lapsed after the list was read: the drop says nothing was dropped, and the list is read again', async () => {
    const w = await setUp();
    const app = await open(w);
    await moveTo(app, /ModuleUsersUI \(51\) per: pbx-02/);
    await w.service.client.releaseFeature(w.key, 51, w.other!.host.hostId);
    await press(app, 'd');
    await waitForFrame(app, (f) => f.includes('[y/N]'));
    await press(app, 'y');
    const said = plain(await waitForFrame(app, 'Nothing was dropped'));
    // One line: a message that does not fit keeps its start and its end (the middle gives way).
    assert.match(said, /Nothing was dropped: No live binding .*binding [0-9a-f]+\./);
    const frame = plain(await waitForFrame(app, (f) => !f.includes('ModuleUsersUI (51)')));
    assert.match(frame, /2 hosts, 2 bindings/);
  });

  test('no live bindings: the empty state says what that means', async () => {
    const w = await setUp({ otherHost: false });
    await w.service.client.dropBindings(w.key, { hostId: w.own!.hostId });
    const app = await open(w);
    const frame = plain(app.lastFrame());
    assert.match(frame, /No live bindings for this key\./);
    assert.match(frame, /No PBX holds a seat of this license right now/);
    assert.match(frame, /lapses by\s+itself/);
    assert.match(frame, /0 hosts, 0 bindings/);
  });

  test('r picks up a binding captured meanwhile', async () => {
    const w = await setUp();
    const app = await open(w);
    await w.service.client.captureFeature(w.key, 33, pbxHost('pbx-03'));
    // Not shown before r asks for it: the help opened after r's absence proves the frame is current.
    await syncKeys(app);
    assert.doesNotMatch(plain(app.lastFrame()), /pbx-03/);
    await press(app, 'r');
    const frame = plain(await waitForFrame(app, (f) => f.includes('MikoPBX free license (33) per: pbx-03')));
    assert.match(frame, /3 hosts, 4 bindings/);
  });

  test('it refreshes by itself while shown', async () => {
    const w = await setUp();
    const sessions = screens.find((s) => s.id === 'sessions')!;
    const fast: ScreenDefinition = { ...sessions, component: (props) => <SessionsScreen {...props} refreshEveryMs={150} /> };
    const app = await open(w, { screens: [fast] });
    await w.service.client.captureFeature(w.key, 33, pbxHost('pbx-04'));
    await waitForFrame(app, (f) => f.includes('MikoPBX free license (33) per: pbx-04'));
  });

  test('? lists the keys of the screen', async () => {
    const w = await setUp({ otherHost: false });
    const app = await open(w);
    const frame = plain(await press(app, '?', 'Keys: '));
    for (const line of [/d\s+drop host/, /i\s+info panel/, /r\s+refresh/, /l\s+log in/, /Enter\s+show \/ hide the info panel/, /Esc\s+close the info panel/]) assert.match(frame, line);
  });
});

describe('session monitor wording', () => {
  const binding = (featureId: number, productId: number, productName: string): Binding => ({
    id: `b${featureId}`,
    featureId,
    featureName: `Feature ${featureId}`,
    productId,
    productName,
    hostId: 'h',
    user: 'root',
    host: 'pbx',
    db: '/db',
    net: '02:00:00:00:00:01',
    proc: 1,
    start: '2026-01-01T00:00:00Z',
    upd: '2026-01-01T00:00:00Z',
    exp: '2026-01-01T00:10:00Z',
  });

  test('the drop warnings say in the catalog what dropWarnings() says', () => {
    const sets = [[], [binding(33, 1, 'MikoPBX')], [binding(51, 127, 'Users UI')], [binding(33, 1, 'MikoPBX'), binding(51, 127, 'Users UI'), binding(41, 31, 'Bitrix24 integration')]];
    for (const set of sets) assert.deepEqual(dropWarningLines(set, t.screens.sessions), dropWarnings(set));
  });

  test('login input: a coupon when it says so, else a key; empty means the PBX key', () => {
    assert.equal(loginOf('  '), undefined);
    assert.deepEqual(loginOf(' mikoupd-aaaaa bbbbb '), { coupon: 'MIKOUPD-AAAAABBBBB' });
    assert.deepEqual(loginOf('miko-aaaaa'), { key: 'MIKO-AAAAA' });
  });

  test('long warnings wrap at spaces', () => {
    assert.deepEqual(wrapWords('one two three four', 9), ['one two', 'three', 'four']);
  });
});
