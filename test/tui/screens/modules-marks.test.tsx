import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { enableModule, installFromMarketplace } from '../../../src/modules/index.js';
import { renderApp, sendChunks, stripAnsi, tempPbx, waitForFrame, type RenderedApp } from '../helpers.js';

/**
 * Marks on screen 2 with keys that arrive many per read: the embedded licensing service on
 * loopback, a real store, the whole console rendered.
 */
describe('marks on the modules screen', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function consoleWith(enabled: string[], installed: string[]): Promise<{ app: RenderedApp; states: () => Promise<Array<[string, boolean]>> }> {
    const store = await tempPbx();
    cleanups.push(store.remove);
    for (const id of installed) await installFromMarketplace(store.pbx, id);
    for (const id of enabled) await enableModule(store.pbx, id);
    const app = await renderApp({ pbx: store.pbx, initialScreen: 'modules' });
    cleanups.push(app.dispose);
    await waitForFrame(app, new RegExp(`Installed modules \\(${installed.length}\\)`));
    await waitForFrame(app, /› \[/);
    return { app, states: async () => (await store.pbx.store.read()).modules.map((m): [string, boolean] => [m.id, m.enabled]) };
  }

  test('Space j Space x in one read marks two rows and asks once about both', async () => {
    const all = ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision'];
    const { app, states } = await consoleWith(all, all);
    await sendChunks(app, [' j x']);
    const asked = stripAnsi(await waitForFrame(app, /Disable 2 modules\?/));
    assert.match(asked, /Module template \(ModuleTemplate\) 1\.81/);
    assert.match(asked, /Backup \(ModuleBackup\) 1\.76/);
    assert.doesNotMatch(asked, /\(ModuleAutoprovision\)/);
    await sendChunks(app, ['y']);
    await waitForFrame(app, /Disabled 2 modules\./);
    assert.deepEqual(await states(), [['ModuleTemplate', false], ['ModuleBackup', false], ['ModuleAutoprovision', true]]);
  });

  test('a marks every shown row, c clears; Esc on the question changes nothing and keeps the marks', async () => {
    const all = ['ModuleTemplate', 'ModuleBackup'];
    const { app, states } = await consoleWith([], all);
    let frame = stripAnsi(await sendChunks(app, ['a']));
    await waitForFrame(app, /Installed modules \(2\)\s+2 marked/);
    frame = stripAnsi(await sendChunks(app, ['c']));
    assert.doesNotMatch(frame, /\d+ marked/);
    await sendChunks(app, ['ae']);
    await waitForFrame(app, /Enable 2 modules\?/);
    await sendChunks(app, ['\x1b']);
    frame = stripAnsi(await waitForFrame(app, (f) => !/Enable 2 modules\?/.test(f) && /2 marked/.test(f)));
    assert.deepEqual(await states(), [['ModuleTemplate', false], ['ModuleBackup', false]]);
  });
});
