import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildProgram } from '../../src/commands/program.js';
import { READING_COMMANDS, commandPath } from '../../src/commands/read-only.js';
import { runCli, tempDir } from '../support/cli.js';
import type { Command } from 'commander';

let dir: { path: string; remove: () => Promise<void> };
const store = () => join(dir.path, 'pbx.json');
const pbxmod = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['--data-dir', dir.path, ...args], { env: { PBXMOD_READONLY: '', ...env } });

before(async () => {
  dir = await tempDir('pbxmod-readonly-');
  // A PBX with one installed, disabled module: enabling it would change the store.
  const installed = await pbxmod(['modules', 'install', 'ModuleBackup']);
  assert.equal(installed.code, 0, installed.stderr);
});
after(() => dir.remove());

describe('read-only mode', () => {
  for (const [how, args, env] of [
    ['--readonly', ['--readonly'], {}],
    ['PBXMOD_READONLY=1', [], { PBXMOD_READONLY: '1' }],
  ] as const) {
    test(`${how}: modules enable exits 2 with a reason and leaves the store byte for byte as it was`, async () => {
      const before = await readFile(store());
      const r = await pbxmod([...args, 'modules', 'enable', 'ModuleBackup'], env);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Read-only mode \(--readonly or PBXMOD_READONLY\): `pbxmod modules enable` changes something, so it was not run\. Nothing was changed\./);
      assert.deepEqual(await readFile(store()), before);
      const json = await pbxmod([...args, '--json', 'modules', 'enable', 'ModuleBackup'], env);
      assert.equal(json.code, 2);
      assert.equal(json.json.ok, false);
      assert.equal(json.json.error.reason, 'readonly_refused');
      assert.deepEqual(await readFile(store()), before);
    });

    test(`${how}: every other changing command is refused too, before it reads anything`, async () => {
      const before = await readFile(store());
      for (const command of [
        ['modules', 'install', 'ModuleTemplate'],
        ['modules', 'remove', 'ModuleBackup', '--yes'],
        ['modules', 'update', '--all'],
        ['license', 'reset', '--yes'],
        ['license', 'set-key', 'MIKO-AAAAA-BBBBB-CCCCC-DDDDD'],
        ['sessions', 'drop', 'somehost', '--yes'],
        ['dialplan', 'add', '--name', 'X'],
        ['dialplan', 'rm', '000064', '--yes'],
        ['dialplan', 'export'],
      ]) {
        const r = await pbxmod([...args, ...command], env);
        assert.equal(r.code, 2, `${command.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`\`pbxmod ${command.slice(0, 2).join(' ')}\` changes something`));
      }
      assert.deepEqual(await readFile(store()), before);
    });

    test(`${how}: commands that read still work`, async () => {
      const list = await pbxmod([...args, 'modules', 'list'], env);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /ModuleBackup\s+1\.76\s+disabled/);
      const dialplan = await pbxmod([...args, '--json', 'dialplan', 'list'], env);
      assert.equal(dialplan.code, 0, dialplan.stderr);
      assert.ok(dialplan.json.applications.length > 0);
      const audit = await pbxmod([...args, '--json', 'audit'], env);
      assert.equal(audit.code, 0, audit.stderr);
      assert.equal(audit.json.entries[0].action, 'module.install');
    });
  }

  test('a reading command on a new data dir creates nothing there', async () => {
    const fresh = await tempDir('pbxmod-readonly-fresh-');
    try {
      for (const command of [['modules', 'list'], ['--json', 'dialplan', 'list'], ['license', 'show'], ['audit'], ['config', 'get', 'language']]) {
        const r = await runCli(['--readonly', '--data-dir', fresh.path, ...command], { env: { PBXMOD_READONLY: '' } });
        assert.equal(r.code, 0, `${command.join(' ')}: ${r.stderr}`);
      }
      assert.deepEqual(await readdir(fresh.path), [], 'no pbx.json, no lock, no folder');
    } finally {
      await fresh.remove();
    }
  });

  test('license show --reveal writes its audit entry, so read-only mode refuses it; license show itself keeps no answer', async () => {
    const registered = await tempDir('pbxmod-readonly-key-');
    try {
      const run = (args: string[]) => runCli(['--data-dir', registered.path, ...args], { env: { PBXMOD_READONLY: '' } });
      assert.equal((await run(['license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee'])).code, 0);
      const before = await readFile(join(registered.path, 'pbx.json'));
      const reveal = await run(['--readonly', 'license', 'show', '--reveal']);
      assert.equal(reveal.code, 2);
      assert.match(reveal.stderr, /`pbxmod license show --reveal` changes something, so it was not run/);
      assert.doesNotMatch(reveal.stdout + reveal.stderr, /MIKO-[A-Z0-9]{5}-[A-Z0-9]{5}/, 'the key is not shown');
      const shown = await run(['--readonly', '--json', 'license', 'show']);
      assert.equal(shown.code, 0, shown.stderr);
      assert.equal(shown.json.registered, true);
      assert.deepEqual(await readFile(join(registered.path, 'pbx.json')), before, 'byte for byte: no lastLicense, no audit entry');
    } finally {
      await registered.remove();
    }
  });

  test('PBXMOD_READONLY=0 is not read-only', async () => {
    const r = await pbxmod(['dialplan', 'add', '--name', 'Allowed'], { PBXMOD_READONLY: '0' });
    assert.equal(r.code, 0, r.stderr);
  });

  test('every command is either a reader or refused: the list of readers names only commands that exist', () => {
    const leaves: string[] = [];
    const visit = (command: Command) => {
      for (const sub of command.commands) sub.commands.length > 0 ? visit(sub) : leaves.push(commandPath(sub));
    };
    visit(buildProgram());
    for (const reader of READING_COMMANDS) assert.ok(leaves.includes(reader), `${reader} is a command`);
    // The changing ones the issue names are not in it.
    for (const writer of ['modules enable', 'modules disable', 'modules install', 'modules update', 'modules remove', 'license register', 'license set-key', 'license coupon', 'license reset', 'sessions drop', 'dialplan add', 'dialplan edit', 'dialplan rm']) {
      assert.ok(leaves.includes(writer), `${writer} is a command`);
      assert.ok(!READING_COMMANDS.has(writer), `${writer} changes something`);
    }
  });

  test('--help describes --readonly for commands too', async () => {
    const r = await runCli(['--help']);
    assert.match(r.stdout.replace(/\s+/g, ' '), /--readonly look, change nothing: commands that change something are refused/);
  });
});
