import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../../src/pbx-context.js';
import { loadMessages } from '../../../src/i18n/catalogs.js';
import { registerPbx } from '../../../src/licensing/marketplace-registration.js';
import { addSeatsInStore, openServiceStore } from '../../../src/licensing/service/operator.js';
import { pbxHost, startTestService, TestClock, type TestService } from '../../licensing/service/harness.js';
import { moveCursorTo, press, renderApp, stripAnsi, waitForFrame, type RenderedApp } from '../helpers.js';

/** The service on the real clock: ages and lapses are measured against now. */
function realClock(): TestClock {
  return Object.assign(new TestClock(), { now: () => new Date() });
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface World {
  service: TestService;
  dataDir: string;
  pbx: PbxContext;
  key: string;
  hostId: string;
  hostName: string;
}

/** A real service on loopback and a PBX registered with it (its feature 33 captured). */
async function registeredPbx(): Promise<World> {
  const service = await startTestService({ clock: realClock() });
  cleanups.push(() => service.stop());
  const dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-own-seats-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 30 }));
  const pbx = new PbxContext({ dataDir, api: service.url });
  cleanups.push(() => pbx.close());
  const saved = await registerPbx(pbx, { company: 'Acme Ltd', email: 'seats@acme.example', contact: 'Ann Lee' });
  const { settings } = await pbx.store.read();
  return { service, dataDir, pbx, key: saved.key, hostId: settings.hostId, hostName: saved.binding!.host };
}

async function open(pbx: PbxContext, initialScreen: string, ready: string | RegExp, props: Parameters<typeof renderApp>[0] = {}): Promise<RenderedApp> {
  const app = await renderApp({ pbx, initialScreen, ...props });
  cleanups.push(() => app.dispose());
  await waitForFrame(app, ready);
  return app;
}

const plain = (frame: string | undefined) => stripAnsi(frame ?? '');
const cursorLine = (frame: string) => plain(frame).split('\n').find((l) => l.startsWith('›')) ?? '';
/** A dialog's text as one line: borders, the warning sign of each wrapped line and the wrapping gone. */
const flat = (frame: string) => plain(frame).replace(/[│┃|]/g, ' ').replace(/\s+/g, ' ').replace(/ ! /g, ' ');

describe("this PBX's seats", () => {
  test("dropping this PBX's feature 33 on screen 4 says it is this PBX's; screen 1 then says the seat is not held, and t takes it back", async () => {
    const w = await registeredPbx();
    const app = await open(w.pbx, 'sessions', 'last updated');
    await moveCursorTo(app, /\(this PBX\)/, cursorLine);
    const dialog = flat(await press(app, 'd', '[y/N]'));
    assert.match(dialog, /of THIS PBX \(/);
    assert.match(dialog, /this PBX loses its marketplace license until it takes the seat back/);
    assert.doesNotMatch(dialog, /that PBX/);
    await press(app, 'y');
    await waitForFrame(app, 'Dropped 1 binding');
    assert.equal((await w.service.client.checkFeature(w.key, 33, w.hostId)).held, false, 'the service released it');

    let frame = plain(await press(app, '1', /MikoPBX free license \(33\)\s+NOT held: dropped in the session monitor/));
    assert.match(frame, /This PBX's seats/);
    assert.match(frame, /t takes back the seats this PBX does not hold\./);
    assert.match(frame.split('\n')[0]!, /this PBX holds no seat/, 'the header does not say "registered"');
    assert.doesNotMatch(frame.split('\n')[0]!, /registered/);
    await waitForFrame(app, (f) => /t take seats back/.test(plain(f).trimEnd().split('\n').at(-1)!));

    frame = plain(await press(app, 't', /MikoPBX free license \(33\)\s+held/));
    await waitForFrame(app, 'Taken back: MikoPBX free license (33)');
    assert.equal((await w.service.client.checkFeature(w.key, 33, w.hostId)).held, true, 'the service says this PBX holds it again');
    frame = plain(await waitForFrame(app, (f) => /License: registered MIKO-/.test(stripAnsi(f).split('\n')[0]!)));
    assert.doesNotMatch(frame, /takes back the seats/);
  });

  test('two hosts with the same name: two rows told apart by host id, only one marked this PBX', async () => {
    const w = await registeredPbx();
    // A restored backup of this PBX: the same host name, another host id.
    await addSeatsInStore(openServiceStore(w.service.dataDir), { key: w.key, productId: 1, featureId: 33, count: 2 });
    const twin = { ...pbxHost('restored'), hostId: '7f3e9a10-0000-4000-8000-000000000001', host: w.hostName };
    await w.service.client.captureFeature(w.key, 33, twin);
    const app = await open(w.pbx, 'sessions', '2 hosts, 2 bindings');
    const hostRows = plain(app.lastFrame())
      .split('\n')
      .filter((l) => /Drop all/.test(l));
    assert.equal(hostRows.length, 2, hostRows.join('\n'));
    for (const row of hostRows) assert.ok(row.includes(w.hostName), row);
    const marked = hostRows.filter((r) => r.includes('(this PBX)'));
    assert.equal(marked.length, 1, `one row is this PBX:\n${hostRows.join('\n')}`);
    assert.match(marked[0]!, new RegExp(`id ${w.hostId.slice(0, 8)}`));
    const other = hostRows.find((r) => !r.includes('(this PBX)'))!;
    assert.match(other, /id 7f3e9a10\b/);

    // The twin's host row drops the twin only, and its dialog does not say "this PBX".
    await moveCursorTo(app, /7f3e9a10/, cursorLine);
    const dialog = flat(await press(app, 'd', '[y/N]'));
    assert.doesNotMatch(dialog, /THIS PBX/);
    assert.match(dialog, /that PBX loses/);
  });

  test('offline: screen 1 shows the last license received, with its age, beside the banner', async () => {
    const w = await registeredPbx();
    const online = await open(w.pbx, 'marketplace', /MikoPBX free license \(33\)\s+held/);
    online.unmount();
    const stored = (await w.pbx.store.read()).lastLicense;
    assert.ok(stored, 'the license received is kept in the store');
    // Three hours pass.
    await w.pbx.store.update((s) => {
      s.lastLicense!.receivedAt = new Date(Date.now() - 3 * 3_600_000 - 60_000).toISOString();
    });

    const offline = new PbxContext({ dataDir: w.dataDir, api: 'http://127.0.0.1:9' });
    cleanups.push(() => offline.close());
    const app = await open(offline, 'marketplace', 'received 3 h ago');
    const frame = plain(app.lastFrame());
    assert.match(frame, /No access to the licensing server http:\/\/127\.0\.0\.1:9/);
    assert.match(frame, /The license as last received, received 3 h ago \(\d{4}-\d\d-\d\d \d\d:\d\d\):/);
    assert.match(frame, /License key\s+MIKO-\*{5}-\*{5}-\*{5}-[A-Z0-9]{5}/);
    assert.match(frame, /MikoPBX free license \(33\)\s+unknown: no connection to the service/);
    assert.doesNotMatch(frame, /NOT held/, 'offline, nothing is claimed about the seat');
    assert.match(frame.split('\n')[0]!, /no connection to the licensing service/);
  });

  test('in Russian: the seat dropped elsewhere (pbxmod sessions drop) is said not held, in the header too', async () => {
    const w = await registeredPbx();
    assert.equal(await w.service.client.dropBindings(w.key, { hostId: w.hostId }), 1);
    const app = await open(w.pbx, 'marketplace', /MikoPBX free license \(33\)\s+НЕТ привязки: сброшена в мониторе сессий/, { messages: await loadMessages('ru') });
    const frame = plain(app.lastFrame());
    assert.match(frame, /Привязки этой АТС/);
    assert.match(frame, /t — вернуть привязки, которых у этой АТС нет\./);
    await waitForFrame(app, (f) => /у этой АТС нет привязки/.test(plain(f).split('\n')[0]!));
  });
});
