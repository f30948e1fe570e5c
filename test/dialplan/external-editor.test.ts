import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorError, chosenEditor, editInExternalEditor } from '../../src/dialplan/external-editor.js';

let dir: string;
let appendEditor: string;
let failingEditor: string;
let seenFile: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pbxmod-editor-test-'));
  seenFile = join(dir, 'seen.txt');
  // A scripted editor: records the file it was given and its own arguments, appends a line.
  appendEditor = join(dir, 'append-editor.mjs');
  await writeFile(
    appendEditor,
    `import { appendFileSync, writeFileSync } from 'node:fs';
const file = process.argv.at(-1);
writeFileSync(${JSON.stringify(seenFile)}, JSON.stringify({ file, args: process.argv.slice(2, -1) }));
appendFileSync(file, 'n,Hangup()\\n');
`,
  );
  failingEditor = join(dir, 'failing-editor.sh');
  // It scribbles into the file (and says it ran) before failing: a failure must not hand that back.
  await writeFile(failingEditor, `echo "scratch" >> "$1"\necho ran >> '${join(dir, 'failing-editor.ran')}'\nexit 1\n`, { mode: 0o755 });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An environment with only what the test sets, and a PATH that still finds node and sh. */
function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, ...extra };
}

async function seen(): Promise<{ file: string; args: string[] }> {
  return JSON.parse(await readFile(seenFile, 'utf8')) as { file: string; args: string[] };
}

describe('editing code in $EDITOR', () => {
  it('returns what the editor saved, run through the shell with its own arguments (EDITOR="prog -w")', async () => {
    const edited = await editInExternalEditor('1,Answer()\n', { env: env({ EDITOR: `"${process.execPath}" ${appendEditor} -w --wait` }), type: 'plaintext' });
    assert.equal(edited, '1,Answer()\nn,Hangup()\n');
    const { file, args } = await seen();
    assert.deepEqual(args, ['-w', '--wait']);
    assert.match(file, /dialplan\.conf$/);
    assert.equal(existsSync(file), false, 'the temp file is removed');
  });

  it('names the temp file after the application and gives php code a .php suffix', async () => {
    await editInExternalEditor('<?php\n', { env: env({ EDITOR: `node ${appendEditor}` }), type: 'php', baseName: 'DIALPLAN-AB12CD34' });
    assert.match((await seen()).file, /DIALPLAN-AB12CD34\.php$/);
  });

  it('prefers $VISUAL over $EDITOR, like git', async () => {
    assert.deepEqual(chosenEditor({ VISUAL: 'nano', EDITOR: 'vim' }), { command: 'nano', from: 'VISUAL' });
    assert.deepEqual(chosenEditor({ EDITOR: 'vim' }), { command: 'vim', from: 'EDITOR' });
    assert.deepEqual(chosenEditor({ VISUAL: ' ', EDITOR: '' }), { command: 'vi', from: 'default' });
    const edited = await editInExternalEditor('', { env: env({ VISUAL: `node ${appendEditor}`, EDITOR: 'false' }) });
    assert.equal(edited, 'n,Hangup()\n');
  });

  it('gives back text without a last line break as it came, when the editor changes nothing', async () => {
    assert.equal(await editInExternalEditor('1,Answer()\n2,Hangup()', { env: env({ EDITOR: 'true' }) }), '1,Answer()\n2,Hangup()');
    assert.equal(await editInExternalEditor('a\r\nb\n', { env: env({ EDITOR: 'true' }) }), 'a\nb\n');
  });

  it('reports an editor that exits non-zero, and the text stays unchanged', async () => {
    const text = '1,Answer()\n';
    await assert.rejects(editInExternalEditor(text, { env: env({ EDITOR: failingEditor }) }), (error: unknown) => {
      assert.ok(error instanceof EditorError);
      assert.equal(error.code, 'editor_failed');
      assert.match(error.message, /exited with status 1; your text is unchanged\.$/);
      return true;
    });
    assert.match(await readFile(join(dir, 'failing-editor.ran'), 'utf8'), /ran/, 'the editor ran and wrote into the file before failing');
  });

  it('reports an editor that does not exist, naming the variable to fix', async () => {
    await assert.rejects(editInExternalEditor('x', { env: env({ EDITOR: '/nonexistent/editor' }) }), (error: unknown) => {
      assert.ok(error instanceof EditorError);
      assert.equal(error.message, 'The editor "/nonexistent/editor" (from $EDITOR) was not found; your text is unchanged.');
      assert.match(error.hint!, /set EDITOR to an installed editor, e\.g\. export EDITOR=nano/);
      return true;
    });
  });

  it('says so when no editor is set and vi is not installed', async () => {
    const empty = await mkdtemp(join(dir, 'no-bin-'));
    await assert.rejects(editInExternalEditor('x', { env: { PATH: empty } }), (error: unknown) => {
      assert.ok(error instanceof EditorError);
      assert.equal(error.message, 'No editor found: $VISUAL and $EDITOR are not set and vi is not installed; your text is unchanged.');
      assert.equal(error.hint, 'Set one and try again, e.g. export EDITOR=nano.');
      return true;
    });
  });

  it('leaves no temp file behind when the editor fails', async () => {
    const tempDir = await mkdtemp(join(dir, 'tmp-'));
    await assert.rejects(editInExternalEditor('x', { env: env({ EDITOR: failingEditor }), tempDir }), EditorError);
    assert.deepEqual(await readdir(tempDir), []);
  });
});
