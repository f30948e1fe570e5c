import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveDataDir } from '../src/config.js';
import { pbxStoreFile } from '../src/store/pbx-store.js';
import { PBXMOD_SOURCE, runTs } from './support/cli.js';

describe('where pbxmod keeps its files', () => {
  it('--data-dir first, then PBXMOD_DATA_DIR, then $XDG_DATA_HOME/pbxmod, then ~/.local/share/pbxmod', () => {
    const env = { PBXMOD_DATA_DIR: '/srv/from-env', XDG_DATA_HOME: '/xdg' };
    assert.equal(resolveDataDir('/srv/from-flag', env), '/srv/from-flag');
    assert.equal(resolveDataDir(undefined, env), '/srv/from-env');
    assert.equal(resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' }), '/xdg/pbxmod');
    assert.equal(resolveDataDir(undefined, {}), join(homedir(), '.local', 'share', 'pbxmod'));
  });

  it('a relative directory is taken from the current one; empty values count as unset', () => {
    assert.equal(resolveDataDir(undefined, { PBXMOD_DATA_DIR: 'data' }), resolve('data'));
    assert.equal(resolveDataDir('here', {}), resolve('here'));
    assert.equal(resolveDataDir(undefined, { PBXMOD_DATA_DIR: ' ', XDG_DATA_HOME: '/xdg' }), '/xdg/pbxmod');
    // The XDG spec ignores a relative XDG_DATA_HOME.
    assert.equal(resolveDataDir(undefined, { XDG_DATA_HOME: 'relative' }), join(homedir(), '.local', 'share', 'pbxmod'));
  });

  describe('the command line', () => {
    let home: string;
    let data: string;
    before(async () => {
      home = await mkdtemp(join(tmpdir(), 'pbxmod-home-'));
      data = await mkdtemp(join(tmpdir(), 'pbxmod-env-data-'));
    });
    after(async () => {
      await rm(home, { recursive: true, force: true });
      await rm(data, { recursive: true, force: true });
    });

    it('keeps the PBX store in PBXMOD_DATA_DIR, and nothing under the home directory', async () => {
      const result = await runTs(PBXMOD_SOURCE, ['dialplan', 'add', '--name', 'Env data dir', '--type', 'plaintext', '--json'], {
        env: { PBXMOD_DATA_DIR: data, HOME: home, XDG_DATA_HOME: '' },
      });
      assert.equal(result.code, 0, result.stderr);
      await access(pbxStoreFile(data));
      await assert.rejects(access(join(home, '.local', 'share', 'pbxmod')), /ENOENT/);
    });
  });
});
