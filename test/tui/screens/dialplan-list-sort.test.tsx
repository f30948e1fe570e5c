import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApplication } from '../../../src/dialplan/applications.js';
import { keys, press, renderApp, sendChunks, stripAnsi, syncKeys, type, waitForFrame, type RenderedApp } from '../helpers.js';

const ctrlS = '\u0013';

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function openScreen(): Promise<RenderedApp> {
  app = await renderApp({ initialScreen: 'dialplan', toastDurationMs: 10_000 });
  await waitForFrame(app, (f) => f.includes('Milliwatt'));
  return app;
}

const plain = (f: string | undefined) => stripAnsi(f ?? '');
const until = (check: (f: string) => boolean) => waitForFrame(app!, (f) => check(plain(f))).then(plain);
const cursorLine = (f: string) => plain(f).split('\n').find((l) => l.startsWith('›')) ?? '';
const header = (f: string) => plain(f).split('\n').find((l) => /Number/.test(l) && /Name/.test(l)) ?? '';
/** The names of the listed applications, top to bottom. */
const listed = (f: string) =>
  plain(f)
    .split('\n')
    .map((l) => /^(?:›)?\s+\d+\s+(.+?)\s{2,}(?:php|plaintext)\b/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
const inOrder = (...names: string[]) => (f: string) => listed(f).join('|') === names.join('|');

describe('dialplan list: sorting', () => {
  test('s sorts by a column (menu of the columns), again reverses; the header shows it; the cursor row is kept', async () => {
    await openScreen();
    await until(inOrder('Caller number readback', 'Milliwatt', 'Echo test'));
    assert.match(await until((f) => /s sort/.test(f)), /s sort/, 'the footer names the key');
    await press(app!, 'j', (f) => /Milliwatt/.test(cursorLine(f)));
    const menu = await press(app!, 's', 'Sort by').then(plain);
    assert.match(menu, /1 Number\s*\n.*2 Name\s*\n.*3 Type\s*\n.*4 Description/);
    // While the menu is open the screen's letters do nothing (d would delete), and ? shows the help.
    await press(app!, 'd');
    await press(app!, '?', 'Keys: ');
    await press(app!, keys.escape, (x) => !plain(x).includes('Keys: ') && plain(x).includes('Sort by'));
    assert.doesNotMatch(plain(app!.lastFrame()), /Delete/);
    let f = await press(app!, '2', inOrder('Caller number readback', 'Echo test', 'Milliwatt')).then(plain);
    assert.match(header(f), /Name ▲/);
    assert.match(cursorLine(f), /Milliwatt/);
    await press(app!, 's', 'Sort by');
    f = await press(app!, '2', inOrder('Milliwatt', 'Echo test', 'Caller number readback')).then(plain);
    assert.match(header(f), /Name ▼/);
    assert.match(cursorLine(f), /Milliwatt/);
  });

  test('numbers sort as numbers: 000064 before 99 before 10003246', async () => {
    await openScreen();
    await createApplication(app!.pbx.store, { name: 'Short number', extension: '99', type: 'plaintext', code: '1,Hangup()', hint: '', description: '' });
    await press(app!, 'r');
    await until((f) => f.includes('Short number'));
    await press(app!, 's', 'Sort by');
    // Number is sorted already (as listed): the first pick sorts it ascending, by value.
    await press(app!, '1', (f) => /Number ▲/.test(header(plain(f))));
    await until(inOrder('Caller number readback', 'Milliwatt', 'Short number', 'Echo test'));
    await press(app!, 's', 'Sort by');
    await press(app!, '1', inOrder('Echo test', 'Short number', 'Milliwatt', 'Caller number readback'));
  });

  test('keys many per read: the menu, a pick and a reversal in one read', async () => {
    await openScreen();
    await sendChunks(app!, ['s2s2']);
    // The keys' end state (a loaded machine may take longer than sendChunks' quiet time).
    const f = await until((x) => /Name ▼/.test(header(x)));
    assert.deepEqual(listed(f), ['Milliwatt', 'Echo test', 'Caller number readback']);
    assert.match(header(f), /Name ▼/);
    assert.match(cursorLine(f), /Caller number readback/, 'the cursor stayed on the row it was on');
  });
});

describe('dialplan list: the filter searches code', () => {
  test('a word found only in the code finds the application; the hint says code is searched', async () => {
    await openScreen();
    await press(app!, '/');
    // "SayDigits" is only in the code of Caller number readback.
    const f = await type(app!, 'saydigits', /1 of 3/).then(plain);
    assert.match(f, /searches number, name, description and code/);
    assert.deepEqual(listed(f), ['Caller number readback']);
    await press(app!, keys.enter);
    await press(app!, '?', 'Keys: ');
    assert.match(plain(app!.lastFrame()), /filter by number, name, description or code/);
    assert.match(plain(app!.lastFrame()), /sort by a column/);
    await press(app!, keys.escape);
  });

  test('the filter and the sort together', async () => {
    await openScreen();
    await press(app!, '/');
    await type(app!, 'hangup', /3 of 3/); // every application hangs up
    await press(app!, keys.enter);
    await press(app!, 's', 'Sort by');
    await press(app!, '4', inOrder('Echo test', 'Milliwatt', 'Caller number readback')); // by description
    await press(app!, '/');
    await type(app!, ' answer', /3 of 3/);
    await press(app!, keys.backspace);
    await type(app!, 'r milli', /1 of 3/); // "hangup answer milli"
    await until(inOrder('Milliwatt'));
  });
});

describe('dialplan list: a new or copied application is selected', () => {
  test('created: the cursor is on it after saving', async () => {
    await openScreen();
    assert.match(cursorLine(app!.lastFrame() ?? ''), /Caller number readback/);
    await press(app!, 'n');
    await until((f) => f.includes('New dialplan application'));
    await type(app!, 'Night greeting');
    await press(app!, ctrlS);
    await until((f) => f.includes('Created 2200101 Night greeting.'));
    await until((f) => /2200101\s+Night greeting/.test(cursorLine(f)));
  });

  test('created while a filter would hide it: the filter is cleared and the cursor is on it', async () => {
    await openScreen();
    await press(app!, '/');
    await type(app!, 'echo', /1 of 3/);
    await press(app!, keys.enter);
    await press(app!, 'n');
    await until((f) => f.includes('New dialplan application'));
    await type(app!, 'Night greeting');
    await press(app!, ctrlS);
    const f = await until((x) => /2200101\s+Night greeting/.test(cursorLine(x)));
    assert.doesNotMatch(f, /\/echo/, 'the filter is gone');
    assert.match(f, /Milliwatt/);
  });

  test('copied: the cursor is on the copy, in a sorted list too', async () => {
    await openScreen();
    await press(app!, 's', 'Sort by');
    await press(app!, '2', (f) => /Name ▲/.test(header(plain(f))));
    await press(app!, 'G', (f) => /Milliwatt/.test(cursorLine(f)));
    await press(app!, 'c');
    const f = await until((x) => /2200101\s+Milliwatt \(copy\)/.test(cursorLine(x)));
    assert.deepEqual(listed(f), ['Caller number readback', 'Echo test', 'Milliwatt', 'Milliwatt (copy)']);
    // The next key acts on the copy.
    await press(app!, 'g');
    await syncKeys(app!);
    await press(app!, 'G', (x) => /Milliwatt \(copy\)/.test(cursorLine(x)));
  });
});
