import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { keys, press, pressThenProve, renderApp, sleep, stripAnsi, type, waitForFrame, waitUntil, type RenderedApp, tick } from './helpers.js';
import { testScreens } from './test-screens.js';

const SPLIT_DELAY_MS = 300;
let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('the console frame', () => {
  test('shows the header, the five screens as tabs, and the first screen', async () => {
    app = await renderApp();
    const frame = await waitForFrame(app, /PBX 2025\.1\.120/);
    assert.match(frame, /License: unregistered/);
    for (const title of ['1 Marketplace & license', '2 Modules', '3 Dialplan applications', '4 Session monitor', '5 Audit log']) assert.ok(frame.includes(title), title);
    await waitForFrame(app, (f) => f.includes('not registered in the module marketplace'));
  });

  test('the frame is one line shorter than the terminal', async () => {
    app = await renderApp({ sizeFlag: '100x20' });
    const frame = await waitForFrame(app, 'License:');
    assert.equal(frame.split('\n').length, 19);
  });

  test('a saved key shows as registered and masked', async () => {
    app = await renderApp();
    await app.pbx.store.update((s) => {
      s.settings.licenseKey = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
    });
    app.unmount();
    const first = app;
    const second = await renderApp({ pbx: first.pbx });
    app = { ...second, dispose: async () => (await second.dispose(), await first.dispose()) };
    const frame = await waitForFrame(app, (f) => f.includes('registered MIKO'));
    assert.match(frame, /License: registered MIKO-\*{5}-\*{5}-\*{5}-PQRST/);
    assert.doesNotMatch(frame, /ABCDE/);
  });

  test('--readonly shows as a badge after the name, and the keys that change something are not offered', async () => {
    app = await renderApp({ readonly: true });
    const frame = await waitForFrame(app, (f) => /^pbxmod +READ-ONLY +PBX 2025\.1\.120 · host \S+/.test(f) && f.includes('not registered in the module marketplace'));
    const footer = frame.trimEnd().split('\n').at(-1) ?? '';
    assert.doesNotMatch(footer, /register|license key/i, 'the footer offers no changing key');
    const help = await press(app, '?', 'Keys: ');
    assert.match(help, /Read-only: the keys that change something are off\./);
  });

  test('--readonly: a changing key is refused with a toast saying why, and no form opens', async () => {
    app = await renderApp({ readonly: true });
    await waitForFrame(app, 'not registered in the module marketplace');
    const refused = await press(app, 'e', 'Read-only mode: "');
    assert.match(refused, /Read-only mode: "enter a key you have" is off\./);
    assert.doesNotMatch(refused, /Enter the license key you already have/);
  });

  test('number keys switch screens', async () => {
    app = await renderApp();
    await press(app, '2');
    await waitForFrame(app, (f) => f.includes('No module is installed'));
    // No such screen: nothing happens. The help opened after it proves '9' was handled first.
    const help = await pressThenProve(app, '9', '?', 'Keys: ');
    assert.match(help, /Keys: Modules/, 'still on screen 2');
    await press(app, keys.escape, (f) => !f.includes('Keys: '));
    await press(app, '4', 'Log in to the session monitor');
  });

  test('Tab and Shift-Tab go to the next and previous screen, wrapping around', async () => {
    app = await renderApp();
    await press(app, keys.tab);
    await waitForFrame(app, (f) => f.includes('No module is installed'));
    await press(app, keys.shiftTab, (f) => f.includes('not registered in the module marketplace') && !f.includes('No module is installed'));
    await press(app, keys.shiftTab, 'The audit log is empty');
    await press(app, keys.shiftTab, 'Log in to the session monitor');
  });

  test('? lists every key of the current screen and the global keys; Esc, ? and q close it', async () => {
    app = await renderApp({ screens: testScreens });
    for (const closeKey of [keys.escape, '?', 'q']) {
      const open = await press(app, '?', 'Keys: List screen');
      assert.match(open, /Keys: List screen/);
      assert.match(open, /delete the module/);
      assert.match(open, /↓\/j\s+move down the list/);
      assert.match(open, /Enter\s+open the module/);
      assert.match(open, /1-3\s+switch screen/);
      assert.match(open, /q\s+quit the console/);
      const closed = await press(app, closeKey, (f) => !f.includes('Keys: List screen'));
      assert.match(closed, /Module00/);
    }
    assert.equal(app.quits(), 0, 'q closed the help, it did not quit');
  });

  test('the footer shows the screen keys marked for it and the global ones', async () => {
    app = await renderApp({ screens: testScreens });
    const frame = await waitForFrame(app, 'Module00');
    const footer = frame.split('\n').at(-1)!;
    assert.match(footer, /↓ move down the list/);
    assert.match(footer, /\? help/);
    assert.match(footer, /q quit/);
    assert.doesNotMatch(footer, /delete the module/);
  });

  test('a screen can change its keys at run time (useScreenKeys): footer and help follow', async () => {
    app = await renderApp({ screens: testScreens, initialScreen: 'blank' });
    let frame = await waitForFrame(app, (f) => f.includes('o open details'));
    frame = await press(app, 'o', 'o back to the list');
    frame = await press(app, '?', 'Keys: ');
    assert.match(frame, /o\s+back to the list/);
    assert.doesNotMatch(frame, /open details/);
    await press(app, 'q', (f) => !f.includes('Keys: '));
    await press(app, '1');
    frame = await waitForFrame(app, (f) => f.includes('Module00'));
    assert.doesNotMatch(frame, /back to the list/, 'live keys go when the screen goes');
  });

  test('q quits', async () => {
    app = await renderApp();
    await press(app, 'q');
    await waitUntil(() => app!.quits() === 1, 'q to quit');
  });

  test('Ctrl-C quits even while a form field has focus', async () => {
    app = await renderApp({ screens: testScreens, initialScreen: 'form' });
    await waitForFrame(app, (f) => f.includes('Company'));
    await press(app, keys.ctrlC);
    await waitUntil(() => app!.quits() === 1, 'Ctrl-C to quit');
  });

  test('q typed into a form field is text, not quit; neither are ? and digits', async () => {
    app = await renderApp({ screens: testScreens, initialScreen: 'form' });
    await waitForFrame(app, (f) => f.includes('Company'));
    const frame = await type(app, 'q?2', /Company\s+q\?2/);
    assert.equal(app.quits(), 0);
    assert.match(frame, /Company\s+q\?2/);
    assert.doesNotMatch(frame, /Keys: /);
  });

  test('Esc is held, then counts as back on the screen', async () => {
    app = await renderApp({ screens: testScreens });
    await press(app, keys.escape, 'backs=1');
  });

  test('an arrow split across two reads (Esc, then "[A") moves up and is not back', async () => {
    // A long hold, so that a slow test machine cannot turn the pause between the reads into an Esc.
    app = await renderApp({ screens: testScreens, escapeDelayMs: SPLIT_DELAY_MS });
    await press(app, keys.down);
    await press(app, keys.down, 'current=Module02');
    app.stdin.write('\u001B');
    await tick();
    await tick();
    app.stdin.write('[A');
    await waitForFrame(app, 'current=Module01');
    // Let the hold run out (an Esc taken as back would count now), then prove a later key ran.
    await sleep(SPLIT_DELAY_MS + 50);
    const frame = await press(app, keys.down, 'current=Module02');
    assert.match(frame, /backs=0/);
  });

  test('an arrow split inside a form field moves focus and types nothing', async () => {
    app = await renderApp({ screens: testScreens, initialScreen: 'form', escapeDelayMs: SPLIT_DELAY_MS });
    await waitForFrame(app, (f) => f.includes('Company'));
    await type(app, 'ab', /Company\s+ab/);
    await press(app, keys.tab, /›\s*Email/);
    app.stdin.write('\u001B');
    await tick();
    await tick();
    app.stdin.write('[A');
    await sleep(SPLIT_DELAY_MS + 50);
    // 'c' lands in Company only if the split arrow moved the focus back up.
    const frame = await type(app, 'c', /abc/);
    assert.match(frame, /Company\s+abc/, 'focus went back up to Company');
    assert.doesNotMatch(frame, /\[A/);
    assert.match(frame, /cancelled=0/);
  });

  test('a terminal below the minimum shows "too small", and q still quits', async () => {
    // ink-testing-library reports 100 columns and no rows: rows come from --size.
    app = await renderApp({ sizeFlag: '100x10' }, (f) => f.includes('Terminal too small'));
    const frame = app.lastFrame()!;
    assert.match(frame, /need 60×16, have 100×10/);
    assert.doesNotMatch(frame, /not registered in the module marketplace/);
    await press(app, '2');
    await press(app, 'q');
    await waitUntil(() => app!.quits() === 1, 'q to quit');
    assert.match(app.lastFrame()!, /Terminal too small/, '2 did not open a screen under the too-small notice');
  });

  test('the frame text fits the width everywhere', async () => {
    app = await renderApp({ screens: testScreens });
    const help = await press(app, '?', 'Keys: ');
    for (const line of stripAnsi(help).split('\n')) assert.ok([...line].length <= 100, line);
  });
});
