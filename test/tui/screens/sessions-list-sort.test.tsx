import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerPbx } from '../../../src/licensing/marketplace-registration.js';
import { addSeatsInStore, openServiceStore } from '../../../src/licensing/service/operator.js';
import { pbxHost, TestClock } from '../../licensing/service/harness.js';
import { serviceWorlds, type ServiceWorld } from './service-world.js';
import { keys, moveCursorTo, press, renderApp, sendChunks, stripAnsi, type, waitForFrame, waitUntil } from '../helpers.js';

type World = ServiceWorld;
const newWorld = serviceWorlds('pbxmod-sessions-sort-');

/** This PBX registered (its feature 33), and pbx-02 holding feature 33 and the paid feature 51. */
async function setUp(): Promise<World> {
  const world = await newWorld({ clock: Object.assign(new TestClock(), { now: () => new Date() }) });
  const { service, pbx } = world;
  const saved = await registerPbx(pbx, { company: 'Acme Ltd', email: 'admin@acme.example', contact: 'Ann Lee' });
  await addSeatsInStore(openServiceStore(service.dataDir), { key: saved.key, productId: 1, featureId: 33, count: 2 });
  await service.client.addTrial(saved.key, 127);
  const host = pbxHost('pbx-02');
  await service.client.captureFeature(saved.key, 33, host);
  // Feature 51 is captured later than 33 (times are kept to the millisecond).
  const first = Date.now();
  await waitUntil(() => Date.now() > first + 1, 'the clock to move on');
  await service.client.captureFeature(saved.key, 51, host);
  world.app = await renderApp({ pbx, initialScreen: 'sessions' });
  await waitForFrame(world.app, (f) => f.includes('last updated') && f.includes('(51)'), 8000);
  return world;
}

const plain = (f: string | undefined) => stripAnsi(f ?? '');
const cursorLine = (f: string) => plain(f).split('\n').find((l) => l.startsWith('›')) ?? '';
const headerOf = (f: string) => plain(f).split('\n').find((l) => /User@Host/.test(l) && /Features/.test(l)) ?? '';
/** Line numbers of pbx-02's host row, its feature-33 and its feature-51 bindings. */
function pbx02(f: string): { host: number; f33: number; f51: number } {
  const lines = plain(f).split('\n');
  return {
    host: lines.findIndex((l) => /▾\s+pbx-02\s/.test(l)),
    f33: lines.findIndex((l) => /root@pbx-02.*\(33\) per: pbx-02/.test(l)),
    f51: lines.findIndex((l) => /root@pbx-02.*\(51\) per: pbx-02/.test(l)),
  };
}

describe('session monitor: sorting the bindings', () => {
  test('by feature, reversed; bindings stay under their host; the cursor row is kept', async () => {
    const { app } = await setUp();
    await moveCursorTo(app!, /root@pbx-02.*\(33\)/, cursorLine);
    const menu = plain(await press(app!, 's', 'Sort by'));
    assert.match(menu, /1 User@Host\s*\n.*2 Captured\s*\n.*3 Features/);
    assert.doesNotMatch(menu, /Action|Info/, 'columns without an order are not offered');
    let f = await press(app!, '3', (x) => /Features ▲/.test(headerOf(x)));
    let at = pbx02(f);
    assert.ok(at.host >= 0 && at.host + 1 === at.f33 && at.f33 + 1 === at.f51, plain(f));
    await press(app!, 's', 'Sort by');
    f = await press(app!, '3', (x) => /Features ▼/.test(headerOf(x)));
    at = pbx02(f);
    assert.ok(at.host >= 0 && at.host + 1 === at.f51 && at.f51 + 1 === at.f33, plain(f));
    assert.match(cursorLine(f), /root@pbx-02.*\(33\)/);
    // The footer and the help name the key.
    assert.match(plain(f), /s sort/);
  });

  test('by capture time, newest first, in one read; with the filter', async () => {
    const { app } = await setUp();
    await press(app!, '/');
    await type(app!, 'pbx-02', /\/pbx-02/);
    await press(app!, keys.enter);
    // Captured: ascending then reversed, one read. f51 was captured after f33.
    await sendChunks(app!, ['s2s2']);
    // The keys' end state (a loaded machine may take longer than sendChunks' quiet time).
    const f = await waitForFrame(app!, (x) => /Captured ▼/.test(headerOf(x)));
    assert.match(headerOf(f), /Captured ▼/);
    const at = pbx02(f);
    assert.ok(at.host >= 0 && at.host + 1 === at.f51 && at.f51 + 1 === at.f33, plain(f));
    assert.doesNotMatch(plain(f), /this PBX/, 'the filter still hides the other host');
  });
});
