import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { installFromMarketplace, listAvailable } from '../../../src/modules/index.js';
import { serviceWorlds, type ServiceWorld } from './service-world.js';
import { keys, press, renderApp, sendChunks, stripAnsi, type, waitForFrame, type RenderedApp } from '../helpers.js';

type World = ServiceWorld;
const newWorld = serviceWorlds('pbxmod-modules-sort-');

/** A service on loopback; three modules installed, their versions set so that 1.9 < 1.10 < 1.100. */
async function setUp(): Promise<World> {
  const world = await newWorld();
  const { pbx } = world;
  for (const id of ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']) await installFromMarketplace(pbx, id);
  await pbx.store.update((state) => {
    const version: Record<string, string> = { ModuleTemplate: '1.100', ModuleBackup: '1.9', ModuleAutoprovision: '1.10' };
    // Descriptions a filter can tell apart ("one": two of them).
    const description: Record<string, string> = { ModuleTemplate: 'Alpha one', ModuleBackup: 'Beta two', ModuleAutoprovision: 'Gamma one' };
    for (const m of state.modules) Object.assign(m, { version: version[m.id], description: description[m.id] });
  });
  return world;
}

async function open(w: World): Promise<RenderedApp> {
  w.app = await renderApp({ pbx: w.pbx, initialScreen: 'modules', toastDurationMs: 400 });
  await waitForFrame(w.app, /Installed modules \(3\)/);
  return w.app;
}

const plain = (f: string | undefined) => stripAnsi(f ?? '');
const cursorLine = (f: string) => plain(f).split('\n').find((l) => l.startsWith('›')) ?? '';
const headerOf = (f: string) => plain(f).split('\n').find((l) => /Description/.test(l) && /Version/.test(l)) ?? '';
/** The rows' names in the order shown, of those in `names`. */
function shownOrder(f: string, names: readonly string[]): string[] {
  const lines = plain(f).split('\n');
  return lines.flatMap((l) => names.filter((n) => new RegExp(`(^|\\s)${n}\\s{2}`).test(l)));
}
const installedNames = ['Module template', 'Backup', 'Autoprovision'];
const inOrder = (names: readonly string[], ...expected: string[]) => (f: string) => shownOrder(f, names).join('|') === expected.join('|');

describe('modules screen: sorting the installed list', () => {
  test('by version as versions (1.9 < 1.10 < 1.100), reversed by picking it again; the cursor row is kept', async () => {
    const w = await setUp();
    const app = await open(w);
    await waitForFrame(app, inOrder(installedNames, 'Module template', 'Backup', 'Autoprovision'));
    await press(app, 'j', (f) => /Backup/.test(cursorLine(f)));
    const menu = plain(await press(app, 's', 'Sort by'));
    assert.match(menu, /5 Version/);
    let f = await press(app, '5', (x) => inOrder(installedNames, 'Backup', 'Autoprovision', 'Module template')(x) && /Version ▲/.test(headerOf(x)));
    assert.match(cursorLine(f), /Backup/);
    await press(app, 's', 'Sort by');
    f = await press(app, keys.enter, (x) => inOrder(installedNames, 'Module template', 'Autoprovision', 'Backup')(x) && /Version ▼/.test(headerOf(x)));
    assert.match(cursorLine(f), /Backup/);
    // The screen's keys act on the row under the cursor in the new order: details of Backup.
    await press(app, keys.enter, /ModuleBackup/);
  });

  test('by name, with the filter; keys many per read; footer and help name the key', async () => {
    const w = await setUp();
    const app = await open(w);
    assert.match(plain(app.lastFrame()), /s sort/);
    await press(app, '/');
    await type(app, 'one', /2 of 3/); // Module template, Autoprovision
    await press(app, keys.enter);
    await waitForFrame(app, inOrder(installedNames, 'Module template', 'Autoprovision'));
    // Name descending in one read: menu, Name, menu, Name.
    await sendChunks(app, ['s2s2']);
    // The keys' end state (a loaded machine may take longer than sendChunks' quiet time).
    const f = await waitForFrame(app, (x) => /Module ▼/.test(headerOf(x)));
    assert.deepEqual(shownOrder(f, installedNames), ['Module template', 'Autoprovision']);
    assert.match(headerOf(f), /Module ▼/);
    await press(app, keys.escape, inOrder(installedNames, 'Module template', 'Backup', 'Autoprovision'));
    await press(app, '?', 'Keys: ');
    assert.match(plain(app.lastFrame()), /s\s+sort by a column \(the sorted column again reverses\)/);
  });
});

describe('modules screen: sorting the marketplace', () => {
  test('by size as bytes, by installed version; the cursor row is kept', async () => {
    const w = await setUp();
    const available = await listAvailable(w.pbx);
    const names = available.map((m) => m.name);
    const app = await open(w);
    await press(app, 'm');
    await waitForFrame(app, /Marketplace: \d+ module/);
    await waitForFrame(app, (f) => shownOrder(f, names).length === names.length);
    await press(app, 'j');
    const under = names.find((n) => cursorLine(app.lastFrame() ?? '').includes(n))!;
    assert.ok(under);
    const menu = plain(await press(app, 's', 'Sort by'));
    assert.match(menu, /6 Size/);
    const bySize = [...available].sort((a, b) => a.size - b.size).map((m) => m.name);
    let f = await press(app, '6', (x) => inOrder(names, ...bySize)(x) && /Size ▲/.test(headerOf(x)));
    assert.ok(cursorLine(f).includes(under), 'the row under the cursor is still under it');
    // Installed ones by their version, the others after them.
    await press(app, 's', 'Sort by');
    // The column widens for its arrow: the title is not cut.
    f = await press(app, '7', (x) => /Installed ▲/.test(headerOf(x)));
    const order = shownOrder(f, names);
    assert.deepEqual(order.slice(0, 3), ['Backup', 'Autoprovision', 'Module template']);
    assert.deepEqual(new Set(order.slice(3)), new Set(names.filter((n) => !installedNames.includes(n))));
  });
});
