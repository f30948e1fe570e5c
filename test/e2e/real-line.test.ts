import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import yazl from 'yazl';
import { PBXMOD_BIN, runCli, tempDir } from '../support/cli.js';
import { paneTitle, quoted, sendRepeated, startConsole, startShell, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/**
 * The console on a real line, in tmux at 80x24: keys that arrive several per read, text from
 * strangers that carries escape sequences, and a terminal that is resized.
 */
describe('the console on a real line', { skip }, () => {
  const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];
  const sessions: Array<{ kill: () => void }> = [];
  const newDir = async () => {
    const dir = await tempDir('pbxmod-e2e-line-');
    dirs.push(dir);
    return dir.path;
  };
  const track = <T extends { kill: () => void }>(session: T): T => {
    sessions.push(session);
    return session;
  };
  after(async () => {
    for (const s of sessions) s.kill();
    for (const d of dirs) await d.remove();
  });

  test('batched keys: three Backspaces in one read in a form, jjj in one read in a table, a batch of text and Backspaces in the code editor', async () => {
    const dataDir = await newDir();
    for (const [name, ext] of [['Alpha', '2200201'], ['Bravo', '2200202'], ['Charlie', '2200203']]) {
      const added = await runCli(['--data-dir', dataDir, 'dialplan', 'add', '--name', name!, '--ext', ext!, '--type', 'plaintext']);
      assert.equal(added.code, 0, added.stderr);
    }
    const con = track(await startConsole({ args: ['--data-dir', dataDir] }));
    await con.waitFor('register this PBX');
    con.press('Enter');
    await con.waitFor(/› Company name/);
    con.type('Acme Ltd');
    sendRepeated(con, 'BSpace', 3);
    const form = await con.waitFor(/› Company name\s+Acme\s*\n/);
    assert.doesNotMatch(form, /Acme L/);

    con.press('Escape');
    await con.waitForGone(/› Company name/);
    con.press('3');
    await con.waitFor(/› \S+\s+Caller number readback/);
    const rows = con.screen().split('\n').filter((l) => /^[› ] \d{6,8}\s/.test(l));
    sendRepeated(con, 'j', 3);
    const moved = await con.waitFor(new RegExp(`› ${rows[3]!.slice(2, 12).trim()}`));
    assert.match(moved, new RegExp(`› ${rows[3]!.slice(2).trim().split(/\s+/)[0]}`), 'the cursor moved three rows');

    con.press('n');
    await con.waitFor(/New dialplan application/);
    con.type('Batch');
    con.press('Tab', 'Tab', 'Space', 'Tab', 'Tab', 'Tab');
    await con.waitFor(/Batch\s+plaintext/);
    con.type('1,Answer()\rn,Hangup()xx');
    sendRepeated(con, 'BSpace', 2);
    await con.waitFor(/2 │ n,Hangup\(\)\s*\n/);
    con.press('C-s');
    await con.waitForGone(/New dialplan application/);
    const listed = await runCli(['--data-dir', dataDir, 'dialplan', 'list', '--json']);
    const saved = (listed.json.applications as Array<{ name: string; code: string }>).find((a) => a.name === 'Batch');
    assert.equal(saved?.code, '1,Answer()\nn,Hangup()');
  });

  test('a module whose module.json carries escape sequences changes neither the pane title nor the rows, on the command line or in the console', async () => {
    const dataDir = await newDir();
    const zip = join(await newDir(), 'ModuleEscape.zip');
    const archive = new yazl.ZipFile();
    const manifest = {
      moduleUniqueID: 'ModuleEscape',
      version: '1.0',
      developer: '\u001b]0;PWNED\u0007x',
      support_email: 'evil\u001b[2J@example.com',
      min_pbx_version: '2023.1.1',
      wiki_links: { en: { docs: 'https://example.com/\u001b]2;PWNED2\u0007' } },
    };
    archive.addBuffer(Buffer.from(JSON.stringify(manifest)), 'module.json');
    archive.addBuffer(Buffer.from('<?php\n'), 'Lib/a.php');
    const written = archive.outputStream.pipe(createWriteStream(zip));
    archive.end();
    await once(written, 'close');

    const pbxmod = `${quoted(process.execPath)} ${quoted(PBXMOD_BIN)} --data-dir ${quoted(dataDir)}`;
    const shell = track(startShell(`${pbxmod} modules install --file ${quoted(zip)}; ${pbxmod} modules list; ${pbxmod} modules info ModuleEscape; echo ALL-DONE`));
    const titleBefore = shell.title();
    const printed = await shell.waitFor('ALL-DONE', 30_000);
    assert.equal(shell.title(), titleBefore, 'the command line did not set the pane title');
    assert.doesNotMatch(shell.title(), /PWNED/);
    const installed = /ModuleEscape\s+1\.0\s+disabled/.test(printed);
    // The install stage may also refuse such a module.json: then it says so clearly.
    assert.ok(installed || /module\.json/.test(printed), printed);

    const con = track(await startConsole({ args: ['--data-dir', dataDir] }));
    const consoleTitle = paneTitle(con);
    await con.waitFor('register this PBX');
    con.press('2');
    const screen = await con.waitFor(installed ? /ModuleEscape/ : /Installed modules/);
    if (installed) {
      const row = screen.split('\n').find((l) => l.includes('ModuleEscape'))!;
      assert.match(row, /^› \[ \] ModuleEscape\s.*\s1\.0\s+disabled/, 'the row keeps its columns');
      con.press('Enter');
      const details = await con.waitFor(/Developer:/);
      assert.match(details, /Developer: \\x1b\]0;PWNED\\x07x/, 'the escape is shown, not obeyed');
    }
    assert.equal(paneTitle(con), consoleTitle, 'the console did not set the pane title');
    assert.match(screen.split('\n')[0]!, /^pbxmod · PBX/, 'the header is still on the first row');
  });

  test('after resizing 200x50 → 80x24 → 60x16 → 80x24 with a long message on screen, the screen equals a fresh start on the same screen', async () => {
    const args = (dir: string) => ['--data-dir', dir, '--api', 'http://127.0.0.1:9'];
    const showMarketplaceError = async (con: ConsoleSession) => {
      await con.waitFor('register this PBX');
      con.press('2');
      await con.waitFor('Installed modules');
      con.press('m');
      return con.waitFor(/No connection to the licensing service/);
    };
    const resized = track(await startConsole({ args: args(await newDir()), columns: 200, rows: 50 }));
    await showMarketplaceError(resized);
    for (const [columns, rows] of [[80, 24], [60, 16], [80, 24]] as const) {
      resized.resize(columns, rows);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    const fresh = track(await startConsole({ args: args(await newDir()) }));
    const expected = await showMarketplaceError(fresh);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(resized.screen(), fresh.screen(), `fresh start:\n${expected}`);
    assert.match(fresh.screen(), /diagnostics/, 'the hint of the message is whole');
  });
});
