import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestName } from '../../src/commands/command-help.js';
import { runCli, tempDir } from '../support/cli.js';

let dir: { path: string; remove: () => Promise<void> };
const pbxmod = (args: string[]) => runCli(['--data-dir', dir.path, ...args]);

before(async () => {
  dir = await tempDir('pbxmod-help-');
});
after(() => dir.remove());

describe('a command line that helps', () => {
  test('a mistyped command is answered with the nearest one, exit 2', async () => {
    const r = await pbxmod(['modlues', 'list']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^pbxmod: unknown command 'modlues'\. Did you mean 'modules'\?\nRun `pbxmod help` for the commands there are\.\n$/);
    assert.equal(r.stdout, '');
  });

  test('a mistyped subcommand too, with its whole name', async () => {
    const r = await pbxmod(['modules', 'lsit']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'modules lsit'\. Did you mean 'modules list'\?/);
    assert.match(r.stderr, /`pbxmod help modules`/);
  });

  test('a word like no command gets no guess; --json gets the error as JSON', async () => {
    const r = await pbxmod(['--json', 'frobnicate']);
    assert.equal(r.code, 2);
    assert.equal(r.json.ok, false);
    assert.equal(r.json.error.code, 'command_unknown');
    assert.deepEqual(r.json.error.params, { command: 'frobnicate', suggestion: null, helpFor: '' });
  });

  test('pbxmod help <command> [sub] prints that command\'s help and exits 0', async () => {
    const modules = await pbxmod(['help', 'modules']);
    assert.equal(modules.code, 0, modules.stderr);
    assert.match(modules.stdout, /^Usage: pbxmod modules \[options\] \[command\]/);
    assert.match(modules.stdout, /enable \[ids\.\.\.\]/);
    const install = await pbxmod(['help', 'modules', 'install']);
    assert.equal(install.code, 0);
    assert.match(install.stdout, /^Usage: pbxmod modules install \[options\] \[id\]/);
    assert.match(install.stdout, /--release <version>/);
    const all = await pbxmod(['help']);
    assert.match(all.stdout, /^Usage: pbxmod/);
    assert.match(all.stdout, /audit \[options\]/);
  });

  test('help for a mistyped command suggests too', async () => {
    const r = await pbxmod(['help', 'dialpaln']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'dialpaln'\. Did you mean 'dialplan'\?/);
  });

  test('Russian: the same answer from the Russian catalog', async () => {
    const r = await pbxmod(['--lang', 'ru', 'modlues']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /неизвестная команда 'modlues'\. Возможно, имелась в виду 'modules'\?/);
  });

  test('the nearest name: a swap, a missing or an extra letter, a prefix; nothing for a stranger', () => {
    const names = ['modules', 'license', 'sessions', 'dialplan', 'audit', 'help'];
    assert.equal(nearestName('modlues', names), 'modules');
    assert.equal(nearestName('licence', names), 'license');
    assert.equal(nearestName('sesions', names), 'sessions');
    assert.equal(nearestName('dial', names), 'dialplan');
    assert.equal(nearestName('adit', names), 'audit');
    assert.equal(nearestName('xyz', names), null);
  });
});
