import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../../src/pbx-context.js';
import { createApplication, deleteApplication, getApplication, listApplications, updateApplication } from '../../../src/dialplan/applications.js';
import { keys, moveCursorTo, press, renderApp, stripAnsi, type, waitForFrame, type RenderedApp } from '../helpers.js';

const ctrl = { s: '\u0013', e: '\u0005', p: '\u0010', k: '\u000B', o: '\u000F' } as const;

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

/** The console on the dialplan screen, with a fresh PBX store in a temp dir. */
async function openScreen(props: Parameters<typeof renderApp>[0] = {}): Promise<RenderedApp> {
  app = await renderApp({ initialScreen: 'dialplan', toastDurationMs: 10_000, ...props });
  await waitForFrame(app, (f) => f.includes('Milliwatt'));
  return app;
}

const frame = () => stripAnsi(app!.lastFrame() ?? '');
const escape = () => press(app!, keys.escape);
const until = (check: (f: string) => boolean | RegExpMatchArray | null, timeoutMs?: number) => waitForFrame(app!, (f) => Boolean(check(stripAnsi(f))), timeoutMs).then(stripAnsi);
/** The frame as one line, so that a message wrapped under a field reads whole. */
const flat = (f: string) => f.replace(/\s*\n\s*/g, ' ');
/** Wait for the frame to match; `why` says what the wait was for. */
const see = (pattern: RegExp, _why?: string) => until((f) => pattern.test(f));
/** Wait for the frame, as one line, to match. */
const seeFlat = (pattern: RegExp) => until((f) => pattern.test(flat(f)));
const cursorLine = (f: string) => stripAnsi(f).split('\n').find((l) => l.startsWith('›')) ?? '';
const untilSays = (text: string) => until((f) => flat(f).includes(text));

async function tabs(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await press(app!, keys.tab);
}
async function backspaces(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await press(app!, keys.backspace);
}
/** From the list: n, then the form of a new application. */
async function newForm(): Promise<void> {
  await press(app!, 'n');
  await until((f) => f.includes('New dialplan application'));
}
/** Cursor to the row whose text contains `text`, from the top of the list. */
async function cursorTo(text: string): Promise<void> {
  await moveCursorTo(app!, new RegExp(text), cursorLine, 50);
}

describe('dialplan screen: the list', () => {
  test('shows number, name, type and description of each application, by number', async () => {
    await openScreen();
    const f = await see(/n new\s+Enter edit\s+c copy\s+d delete/);
    assert.match(f, /Number\s+Name\s+Type\s+Description/);
    assert.match(f, /000063\s+Caller number readback\s+plaintext\s+Reads back the number/);
    assert.match(f, /000064\s+Milliwatt\s+plaintext\s+Plays a 1004 Hz test tone/);
    assert.match(f, /10003246\s+Echo test\s+plaintext\s+Echoes back/);
    assert.ok(f.indexOf('000063') < f.indexOf('000064') && f.indexOf('000064') < f.indexOf('10003246'));
    assert.match(f, /n new\s+Enter edit\s+c copy\s+d delete/, 'the footer names the keys');
  });

  test('/ filters as you type; Esc clears the filter', async () => {
    await openScreen();
    await press(app!, '/');
    await type(app!, 'echo');
    await see(/\/echo/);
    await see(/1 of 3/);
    await see(/Echo test/);
    assert.doesNotMatch(frame(), /Milliwatt/);
    await press(app!, keys.enter);
    await see(/› 10003246/, 'the cursor is on the one match');
    await type(app!, 'zz'); // not typing any more: ignored keys
    await escape();
    await see(/Milliwatt/);
    await press(app!, '/');
    await type(app!, 'nothing like this');
    await see(/Nothing matches "nothing like this"/);
  });

  test('copy gives the copy the next free number and "(copy)" in its name', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, 'c');
    await until((f) => f.includes('Copied 000064 to 2200101 Milliwatt (copy).'));
    await until((f) => /2200101\s+Milliwatt \(copy\)\s+plaintext/.test(f));
    const copy = await getApplication(app!.pbx.store, '2200101');
    assert.equal(copy.code, '1,Answer()\n2,Milliwatt()\n3,Hangup()');
  });

  test('delete asks first: No keeps the application, Yes removes it', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, 'd');
    await until((f) => f.includes('Delete dialplan application 000064 Milliwatt?'));
    await see(/DIALPLAN-0000064A, plaintext\./);
    await see(/Its number becomes free\. This cannot be undone\./);
    await press(app!, 'n');
    await until((f) => f.includes('000064') && !f.includes('Delete dialplan application'));
    assert.equal((await listApplications(app!.pbx.store)).length, 3);
    await press(app!, 'd');
    await until((f) => f.includes('Delete dialplan application'));
    await press(app!, 'y');
    await until((f) => f.includes('Deleted 000064 Milliwatt.'));
    await until((f) => !/000064\s+Milliwatt\s+plaintext/.test(f));
    assert.deepEqual((await listApplications(app!.pbx.store)).map((a) => a.extension), ['000063', '10003246']);
  });

  test('p shows the whole generated dialplan of the application; Esc goes back', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, 'p');
    await until((f) => f.includes('Generated dialplan of 000064 Milliwatt'));
    await see(/exten => _000064,1,Answer\(\)/);
    await see(/same => 2,Milliwatt\(\)/);
    await see(/same => 3,Hangup\(\)/);
    await see(/no problems found/);
    await escape();
    await until((f) => f.includes('› 000064'));
  });

  test('an application deleted by someone else meanwhile: the action says so, and the list is read again', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await deleteApplication(app!.pbx.store, '000064');
    await press(app!, 'c');
    await untilSays('There is no dialplan application DIALPLAN-0000064A.');
    await seeFlat(/List the applications with `pbxmod dialplan list`; give its number or its DIALPLAN-\S+ id\./);
    await until((f) => !/000064\s+Milliwatt\s+plaintext/.test(f));
  });

  test('a PBX store that cannot be read: the screen says what happened and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-dialplan-corrupt-'));
    await writeFile(join(dir, 'pbx.json'), '{ this is not JSON');
    const pbx = new PbxContext({ dataDir: dir });
    try {
      app = await renderApp({ initialScreen: 'dialplan', pbx }, (f) => f.includes('cannot be read'));
      await untilSays('The dialplan applications cannot be read. The PBX store');
      await seeFlat(/it is not valid JSON/);
      await seeFlat(/It was left untouched\. Restore it from a backup, or move it aside/);
    } finally {
      await app?.dispose();
      app = undefined;
      await pbx.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--readonly: new, copy and delete are refused with a message; nothing changes', async () => {
    await openScreen({ readonly: true });
    for (const [key, what] of [['n', 'new'], ['c', 'copy'], ['d', 'delete']]) {
      await press(app!, key!);
      await until((f) => f.includes(`Read-only mode: "${what}" is off.`));
    }
    assert.equal((await listApplications(app!.pbx.store)).length, 3);
  });
});

describe('dialplan screen: the form', () => {
  test('creates a plaintext application typed in the terminal editor, with the preview as it is typed', async () => {
    await openScreen();
    await newForm();
    await see(/Number\s+2200101/, 'the next free number (2200100 is a conference room)');
    await see(/\(•\) php\s+\( \) plaintext/, 'php by default');
    await type(app!, 'Night greeting');
    await tabs(2);
    await press(app!, ' ');
    await see(/\( \) php\s+\(•\) plaintext/);
    await tabs(3); // type -> hint -> description -> code
    await see(/Code · line 1 of 1, column 1/);
    await type(app!, '1,Answer()');
    await press(app!, keys.enter);
    await type(app!, 'n,Playback(night-greeting)');
    await press(app!, keys.enter);
    const f = await type(app!, 'n,Hangup()', /same => n,Hangup\(\)/).then(stripAnsi);
    assert.match(f, /exten => _2200101,1,Answer\(\)/);
    assert.match(f, /same => n,Playback\(night-greeting\)/);
    assert.match(f, /same => n,Hangup\(\)/);
    assert.match(f, /no problems found/);
    await press(app!, ctrl.s);
    await until((x) => x.includes('Created 2200101 Night greeting.'));
    await until((x) => /2200101\s+Night greeting\s+plaintext/.test(x));
    const saved = await getApplication(app!.pbx.store, '2200101');
    assert.deepEqual({ name: saved.name, type: saved.type, code: saved.code }, { name: 'Night greeting', type: 'plaintext', code: '1,Answer()\nn,Playback(night-greeting)\nn,Hangup()' });
  });

  test('creates a php application; its preview calls AGI(<uniqid>.php) and shows the script', async () => {
    await openScreen();
    await newForm();
    await type(app!, 'Say hello');
    await tabs(5);
    await type(app!, '<?php');
    await press(app!, keys.enter);
    await type(app!, '$agi = new AGI();');
    await see(/exten => _2200101,1,AGI\(DIALPLAN-\?{8}\.php\)/, 'the id is given on saving');
    await press(app!, ctrl.s);
    await until((f) => f.includes('Created 2200101 Say hello.'));
    const saved = await getApplication(app!.pbx.store, '2200101');
    assert.equal(saved.type, 'php');
    assert.equal(saved.code, '<?php\n$agi = new AGI();');
    await cursorTo('Say hello');
    await press(app!, keys.enter);
    await until((f) => f.includes(`Edit 2200101 Say hello (${saved.uniqid})`));
    await press(app!, ctrl.p);
    await until((f) => f.includes(`exten => _2200101,1,AGI(${saved.uniqid}.php)`));
    await see(/same => n,Hangup\(\)/);
    await see(new RegExp(`agi-bin/${saved.uniqid}\\.php:`));
    await see(/\$agi = new AGI\(\);/);
  });

  test('says live what is wrong: a busy number, a name too long, characters a number cannot have', async () => {
    await openScreen();
    await newForm();
    await type(app!, 'x'.repeat(51));
    await untilSays('Name is 51 characters long; the limit is 50. Shorten it by 1.');
    await backspaces(1);
    await until((f) => !f.includes('characters long'));
    await press(app!, keys.tab);
    await backspaces(7);
    await type(app!, '201');
    await untilSays('Number 201 is busy: employee Reception uses it. Choose another number, e.g. 2200101.');
    await backspaces(3);
    await type(app!, '12a');
    await untilSays('Number "12a" contains "a". Use only digits 0-9 and # + * | X, e.g. 2200101.');
    await backspaces(3);
    await untilSays('Number is required: choose a free number, e.g. 2200101 (the next free one).');
    await type(app!, '000064');
    await untilSays('Number 000064 is busy: dialplan application Milliwatt (DIALPLAN-0000064A) uses it.');
    // Saving is refused while anything is wrong, and says so.
    await press(app!, ctrl.s);
    await until((f) => f.includes('Correct the fields marked below, then save again (Ctrl-S).'));
    assert.equal((await listApplications(app!.pbx.store)).length, 3, 'nothing was saved');
  });

  test('keys that arrive together (a slow line, a held key) act one by one in the fields', async () => {
    await openScreen();
    await newForm();
    await press(app!, 'Night\t');
    await see(/Name\s+Night\n/);
    await see(/› Number\s+2200101/, 'the Tab moved on');
    await press(app!, '\u007F\u007F\u007F\u007F\u007F\u007F\u007F');
    await see(/› Number\s*\n/, 'seven Backspaces emptied the number');
    await press(app!, '2200105');
    await see(/› Number\s+2200105/);
  });

  test('the limits of hint, description and code are said as they are passed', async () => {
    await openScreen();
    await newForm();
    await tabs(3);
    await press(app!, 'h'.repeat(256));
    await untilSays('Hint is 256 characters long; the limit is 255. Shorten it by 1.');
    await press(app!, keys.tab);
    await press(app!, 'd'.repeat(2001));
    await untilSays('Description is 2001 characters long; the limit is 2000. Shorten it by 1.');
    await press(app!, keys.tab);
    await press(app!, `<?php\n${'// filler\n'.repeat(27_000)}`);
    await untilSays('Code is 263.7 KiB; the limit is 256 KiB. Keep large logic in a script file on the PBX and call it from here.');
  });

  test('an application deleted by someone else while it is edited: saving says so', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('Edit 000064'));
    await type(app!, ' 2');
    await deleteApplication(app!.pbx.store, '000064');
    await press(app!, ctrl.s);
    await untilSays('There is no dialplan application DIALPLAN-0000064A.');
    await escape();
    await until((f) => f.includes('Discard your changes?'));
    await press(app!, 'y');
    await until((f) => f.includes('Caller number readback') && !/000064\s+Milliwatt\s+plaintext/.test(f));
  });

  test('edits code in the terminal editor (move, delete a line, insert a line) and saves it', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('Edit 000064 Milliwatt (DIALPLAN-0000064A)'));
    await tabs(5);
    await see(/Code · line 1 of 3, column 1/);
    await press(app!, keys.down);
    await press(app!, ctrl.k); // 2,Milliwatt() goes
    await see(/line 2 of 2/);
    await press(app!, keys.up);
    await press(app!, ctrl.o);
    await type(app!, '2,Playback(beep)');
    await press(app!, keys.down);
    await press(app!, keys.home);
    await press(app!, '\u001B[3~'); // Delete: the "3" of 3,Hangup()
    await type(app!, 'n');
    await see(/unsaved changes/);
    await press(app!, ctrl.s);
    await until((f) => f.includes('Saved 000064 Milliwatt.'));
    assert.equal((await getApplication(app!.pbx.store, '000064')).code, '1,Answer()\n2,Playback(beep)\nn,Hangup()');
  });

  test('the preview flags a line that is not priority,Application(args) with its line number', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('Edit 000064'));
    await tabs(5);
    await press(app!, keys.end);
    await press(app!, keys.enter);
    const f = await type(app!, 'Playback(oops)', /Playback\(oops\)/).then(stripAnsi);
    assert.match(f, /1 problem/);
    assert.match(f, /✗ line 2: no priority: start the line with 1, n or n\(label\) and a comma/);
    assert.match(f, /✗\s+2 │ Playback\(oops\)/, 'the editor marks the line too');
    assert.match(f, /exten => _000064,1,Answer\(\)/);
  });

  test('Esc with unsaved changes asks before leaving; No keeps editing; without changes it just leaves', async () => {
    await openScreen();
    await newForm();
    await escape();
    await until((f) => f.includes('Caller number readback') && !f.includes('New dialplan application'));
    await newForm();
    await type(app!, 'Draft');
    await escape();
    await until((f) => f.includes('Discard your changes?'));
    await press(app!, 'n');
    await until((f) => f.includes('New dialplan application') && f.includes('Draft'));
    await escape();
    await until((f) => f.includes('Discard your changes?'));
    await press(app!, 'y');
    await until((f) => f.includes('Caller number readback'));
    assert.equal((await listApplications(app!.pbx.store)).length, 3);
  });

  test('someone else saving the same field meanwhile: nothing is saved, and the form says what to do', async () => {
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('Edit 000064'));
    await type(app!, ' 2');
    await updateApplication(app!.pbx.store, '000064', { name: 'Milliwatt tone' });
    await press(app!, ctrl.s);
    await untilSays('Application 000064 Milliwatt tone was changed by someone else while you edited it (name).');
    await seeFlat(/Nothing was saved\. Open it again to see the other change, then make yours\./);
    assert.equal((await getApplication(app!.pbx.store, '000064')).name, 'Milliwatt tone');
  });

  test('a number taken by someone else after the form opened is refused on saving', async () => {
    await openScreen();
    await newForm();
    await type(app!, 'Mine');
    await createApplication(app!.pbx.store, { name: 'Theirs', extension: '2200101', type: 'plaintext', code: '1,Answer()' });
    await press(app!, ctrl.s);
    await until((f) => /Number 2200101 is busy: dialplan application Theirs \(DIALPLAN-[0-9A-F]{8}\) uses it/.test(flat(f)));
    await seeFlat(/Nothing was saved\./);
  });

  test('--readonly: the form opens to look, saving is refused', async () => {
    await openScreen({ readonly: true });
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('read-only: changes cannot be saved'));
    await type(app!, 'x');
    await press(app!, ctrl.s);
    await until((f) => f.includes('Read-only console: nothing was saved.'));
    assert.equal((await getApplication(app!.pbx.store, '000064')).name, 'Milliwatt');
  });
});

describe('dialplan screen: code in $EDITOR', () => {
  let dir: string;
  let appendEditor: string;
  let failingEditor: string;
  const saved = { VISUAL: process.env.VISUAL, EDITOR: process.env.EDITOR };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pbxmod-dialplan-editor-'));
    appendEditor = join(dir, 'append-editor.mjs');
    await writeFile(appendEditor, "import { appendFileSync } from 'node:fs';\nappendFileSync(process.argv.at(-1), 'n,Hangup()\\n');\n");
    failingEditor = join(dir, 'failing-editor.sh');
    await writeFile(failingEditor, 'exit 3\n', { mode: 0o755 });
  });
  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dir, { recursive: true, force: true });
  });

  test('Ctrl-E hands the code to $EDITOR and takes back what it saved; Ctrl-S stores it', async () => {
    delete process.env.VISUAL;
    process.env.EDITOR = `"${process.execPath}" "${appendEditor}"`;
    await openScreen();
    await newForm();
    await type(app!, 'Edited outside');
    await tabs(2);
    await press(app!, ' '); // plaintext
    await tabs(3);
    await type(app!, '1,Answer()');
    await press(app!, ctrl.e);
    const f = await until((x) => x.includes('Code taken from the editor (2 lines); Ctrl-S saves it.'));
    assert.match(f, /New dialplan application/, 'the console is drawn again');
    assert.match(f, /2 │ n,Hangup\(\)/);
    assert.match(f, /same => n,Hangup\(\)/);
    await press(app!, ctrl.s);
    await until((x) => x.includes('Created 2200101 Edited outside.'));
    // The editor got "1,Answer()\n" (editors want a last line break), which is taken off again.
    assert.equal((await getApplication(app!.pbx.store, '2200101')).code, '1,Answer()\nn,Hangup()');
  });

  test('an editor that is not installed: the form names it and says what to set', async () => {
    delete process.env.VISUAL;
    process.env.EDITOR = 'no-such-editor-pbxmod';
    await openScreen();
    await newForm();
    await press(app!, ctrl.e);
    await untilSays('The editor "no-such-editor-pbxmod" (from $EDITOR) was not found; your text is unchanged.');
    await seeFlat(/Install it, or set EDITOR to an installed editor, e\.g\. export EDITOR=nano\./);
  });

  test('an editor that fails leaves the code as it was and says why', async () => {
    delete process.env.VISUAL;
    process.env.EDITOR = failingEditor;
    await openScreen();
    await cursorTo('Milliwatt');
    await press(app!, keys.enter);
    await until((f) => f.includes('Edit 000064'));
    await press(app!, ctrl.e);
    await untilSays(`The editor "${failingEditor}" exited with status 3; your text is unchanged.`);
    await seeFlat(/Quit the editor normally \(in vi: :wq\) to keep your changes\./);
    await see(/2 │ 2,Milliwatt\(\)/);
    assert.doesNotMatch(frame(), /unsaved changes/);
  });
});
