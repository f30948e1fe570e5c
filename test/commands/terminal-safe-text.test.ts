import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import yazl from 'yazl';
import { runCli, tempDir } from '../support/cli.js';

/**
 * The command line's text output quotes module.json and other strangers' text: none of it may
 * drive the terminal. Flags are typed by people: a control character in one is refused.
 */
describe('the command line and control characters', () => {
  const dirs: Array<{ remove: () => Promise<void> }> = [];
  after(async () => {
    for (const d of dirs) await d.remove();
  });
  const dir = async () => {
    const d = await tempDir('pbxmod-cli-ctl-');
    dirs.push(d);
    return d.path;
  };

  test('a flag holding DEL characters is refused with exit 2, says where, and nothing is saved', async () => {
    const dataDir = await dir();
    const result = await runCli(['--data-dir', dataDir, 'dialplan', 'add', '--name', 'Night\u007f\u007f', '--ext', '2200150']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /The value of --name holds a control character: "Night\\x7f\\x7f"\. Type it again without control characters/);
    assert.doesNotMatch(result.stderr, /\u007f/);
    const listed = await runCli(['--data-dir', dataDir, 'dialplan', 'list', '--json']);
    assert.equal((listed.json.applications as Array<{ extension: string }>).some((a) => a.extension === '2200150'), false);
  });

  test('modules list and info print a module.json full of escape sequences without a single ESC or BEL; --json keeps the exact text', async () => {
    const dataDir = await dir();
    const zip = join(await dir(), 'm.zip');
    const archive = new yazl.ZipFile();
    const developer = '\u001b]0;PWNED\u0007x';
    archive.addBuffer(Buffer.from(JSON.stringify({ moduleUniqueID: 'ModuleEscape', version: '1.0', developer, support_email: 'a\u001b[2J@example.com', min_pbx_version: '2023.1.1' })), 'module.json');
    archive.addBuffer(Buffer.from('<?php\n'), 'Lib/a.php');
    const written = archive.outputStream.pipe(createWriteStream(zip));
    archive.end();
    await once(written, 'close');

    const install = await runCli(['--data-dir', dataDir, 'modules', 'install', '--file', zip]);
    for (const args of [['modules', 'list'], ['modules', 'info', 'ModuleEscape']]) {
      const shown = await runCli(['--data-dir', dataDir, ...args]);
      assert.doesNotMatch(shown.stdout + shown.stderr, /[\u001b\u0007]/, `${args.join(' ')} printed a control character`);
    }
    assert.doesNotMatch(install.stdout + install.stderr, /[\u001b\u0007]/);
    if (install.code === 0) {
      const json = await runCli(['--data-dir', dataDir, 'modules', 'list', '--json']);
      const module = (json.json.modules as Array<{ id: string; developer?: string }>).find((m) => m.id === 'ModuleEscape');
      assert.ok(module, JSON.stringify(json.json));
      if (module.developer !== undefined) assert.equal(module.developer, developer, '--json is exact JSON');
    }
  });

  test('a value read back from the store with escape sequences in it is shown escaped by dialplan list and show', async () => {
    const dataDir = await dir();
    const added = await runCli(['--data-dir', dataDir, 'dialplan', 'add', '--name', 'Night', '--ext', '2200151', '--type', 'plaintext', '--json']);
    assert.equal(added.code, 0, added.stderr);
    const file = join(dataDir, 'pbx.json');
    const text = await readFile(file, 'utf8');
    // Someone (an older version, a hand edit) left escape sequences in the store.
    await writeFile(file, text.replace('"Night"', JSON.stringify('Night\u001b]0;PWNED\u0007')));
    const listed = await runCli(['--data-dir', dataDir, 'dialplan', 'list']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /Night\\x1b\]0;PWNED\\x07/);
    assert.doesNotMatch(listed.stdout, /[\u001b\u0007]/);
  });
});
