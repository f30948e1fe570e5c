import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/** What the scripted $EDITOR writes into the file it is given. */
const EDITOR_SCRIPT = "<?php\nrequire_once 'phpagi.php';\n$agi = new AGI();\n$agi->answer();\n$agi->stream_file('hello-world');\n";

describe('the dialplan screen of the built console, 80x24', { skip }, () => {
  const sessions: ConsoleSession[] = [];
  const dirs: Array<{ remove: () => Promise<void> }> = [];
  after(async () => {
    for (const s of sessions) s.kill();
    for (const d of dirs) await d.remove();
  });

  test('a new user creates a plaintext and a php application, in the terminal editor and in $EDITOR', async () => {
    const data = await tempDir();
    const scratch = await tempDir();
    dirs.push(data, scratch);
    const editor = join(scratch.path, 'editor.sh');
    await writeFile(editor, `#!/bin/sh\ncat > "$1" <<'EOF'\n${EDITOR_SCRIPT}EOF\n`, { mode: 0o755 });
    const s = await startConsole({ columns: 80, rows: 24, args: ['--data-dir', data.path], env: { EDITOR: editor, VISUAL: '' } });
    sessions.push(s);
    await s.waitFor(/Marketplace/);

    s.press('3');
    await s.waitFor(/000064\s+Milliwatt\s+plaintext/);

    // A plaintext application, code typed in the terminal editor.
    s.press('n');
    await s.waitFor('New dialplan application');
    s.type('Night greeting');
    await s.waitFor(/Name\s+Night greeting/);
    s.press('Tab');
    await s.waitFor(/› Number\s+2200101/);
    for (let i = 0; i < 7; i++) s.press('BSpace');
    await s.waitFor(/› Number\s*\n/);
    s.type('201');
    const busy = await s.waitFor(/Number 201 is busy: employee Reception uses it/);
    assert.match(busy, /Choose another\s+number, e\.g\. 2200101\./);
    for (let i = 0; i < 3; i++) s.press('BSpace');
    s.type('2200101');
    await s.waitForGone(/is busy/);
    s.press('Tab');
    await s.waitFor(/› Type/);
    s.press('Space');
    await s.waitFor(/\(•\) plaintext/);
    s.press('Tab');
    await s.waitFor(/› Hint/);
    s.press('Tab');
    await s.waitFor(/› Description/);
    s.press('Tab');
    await s.waitFor(/› Code · line 1 of 1/);
    s.type('1,Answer()');
    await s.waitFor(/1 │ 1,Answer\(\)/);
    s.press('Enter');
    await s.waitFor(/line 2 of 2/);
    s.type('n,Playback(hello-world)');
    await s.waitFor(/2 │ n,Playback\(hello-world\)/);
    s.press('Enter');
    s.type('n,Hangup()');
    const preview = await s.waitFor(/same => n,Hangup\(\)/);
    assert.match(preview, /exten => _2200101,1,Answer\(\)/);
    assert.match(preview, /same => n,Playback\(hello-world\)/);
    assert.match(preview, /no problems found/);
    s.press('C-s');
    await s.waitFor('Created 2200101 Night greeting.');
    await s.waitFor(/2200101\s+Night greeting\s+plaintext/);

    // A php application whose code comes from $EDITOR.
    s.press('n');
    await s.waitFor(/New dialplan application[\s\S]*  Number\s+2200102/);
    s.type('Say hello');
    await s.waitFor(/Name\s+Say hello/);
    for (const field of ['Number', 'Type', 'Hint', 'Description', 'Code']) {
      s.press('Tab');
      await s.waitFor(new RegExp(`› ${field}`));
    }
    s.press('C-e');
    await s.waitFor('Code taken from the editor (5 lines); Ctrl-S saves it.');
    const back = await s.waitFor(/1 │ <\?php/);
    assert.match(back, /AGI\(DIALPLAN-\?{8}\.php\)/, 'the console is back, with the preview of the new code');
    assert.match(back, /pbxmod · PBX/, 'the frame is drawn in full again');
    s.press('C-s');
    await s.waitFor('Created 2200102 Say hello.');
    s.press('q');
    await waitUntil(() => !s.alive());
    assert.equal(s.exitStatus(), 0);

    const listed = await runCli(['--data-dir', data.path, 'dialplan', 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const apps = listed.json.applications as Array<{ extension: string; name: string; type: string; code: string }>;
    const night = apps.find((a) => a.extension === '2200101');
    const hello = apps.find((a) => a.extension === '2200102');
    assert.deepEqual(night && { name: night.name, type: night.type, code: night.code }, { name: 'Night greeting', type: 'plaintext', code: '1,Answer()\nn,Playback(hello-world)\nn,Hangup()' });
    // The draft had no code, so the text comes back exactly as the editor wrote it.
    assert.deepEqual(hello && { name: hello.name, type: hello.type, code: hello.code }, { name: 'Say hello', type: 'php', code: EDITOR_SCRIPT });
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
