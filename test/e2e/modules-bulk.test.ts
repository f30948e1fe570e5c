import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/**
 * Marks and bulk actions on screen 2 of the built console at 80x24, against `pbxmod serve` in
 * its own process; the command line checks the store after each step.
 */
describe('marks and bulk actions on the modules screen in the built console', { skip }, () => {
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];
  const consoles: ConsoleSession[] = [];

  before(async () => {
    const serviceDir = await tempDir('pbxmod-e2e-bulk-service-');
    dirs.push(serviceDir);
    serve = await startServeProcess(serviceDir.path);
  });
  after(async () => {
    for (const c of consoles) c.kill();
    await serve?.stop();
    for (const d of dirs) await d.remove();
  });

  type Cli = (args: string[]) => ReturnType<typeof runCli>;

  /** A PBX with these modules installed (and registered, for a paid one). */
  async function pbxWith(ids: string[], { register = false } = {}): Promise<{ cli: Cli; dataDir: string }> {
    const dir = await tempDir('pbxmod-e2e-bulk-pbx-');
    dirs.push(dir);
    const cli: Cli = (args) => runCli(['--data-dir', dir.path, '--api', serve.url, ...args]);
    if (register) assert.equal((await cli(['license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee'])).code, 0);
    for (const id of ids) {
      const installed = await cli(['modules', 'install', id, '--yes']);
      assert.equal(installed.code, 0, installed.stderr);
    }
    return { cli, dataDir: dir.path };
  }
  const states = async (cli: Cli) => {
    const listed = await cli(['--json', 'modules', 'list']);
    assert.equal(listed.code, 0, listed.stderr);
    return (listed.json.modules as Array<{ id: string; enabled: boolean }>).map((m) => [m.id, m.enabled]);
  };
  async function openModules(dataDir: string, count: number): Promise<ConsoleSession> {
    const s = await startConsole({ args: ['--data-dir', dataDir, '--api', serve.url], columns: 80, rows: 24 });
    consoles.push(s);
    await s.waitFor(/License: /);
    s.press('2');
    await s.waitFor(new RegExp(`Installed modules \\(${count}\\)`));
    await s.waitFor(/› \[/);
    return s;
  }

  test('mark two modules with Space and disable both with one confirmation', async () => {
    const { cli, dataDir } = await pbxWith(['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']);
    assert.equal((await cli(['modules', 'enable', 'ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision'])).code, 0);
    const s = await openModules(dataDir, 3);

    s.press('Space', 'Down', 'Space');
    let screen = await s.waitFor(/Installed modules \(3\)\s+2 marked/);
    assert.match(screen, /• \[x\] Module template/);
    assert.match(screen, /› • \[x\] Backup/);
    assert.doesNotMatch(screen, /• \[x\] Autoprovision/);

    s.press('x');
    screen = await s.waitFor(/Disable 2 modules\?/);
    assert.match(screen, /Module template \(ModuleTemplate\) 1\.81/);
    assert.match(screen, /Backup \(ModuleBackup\) 1\.76/);
    assert.doesNotMatch(screen, /Autoprovision \(ModuleAutoprovision\)/);
    assert.match(screen, /Disable\s+›No\s+\[y\/N\]/, 'No is the default');
    s.press('y');
    await s.waitFor(/Disabled 2 modules\./);
    await s.waitForGone(/2 marked/);
    assert.deepEqual(await states(cli), [['ModuleTemplate', false], ['ModuleBackup', false], ['ModuleAutoprovision', true]]);

    // Safe mode from the console: S disables what is still enabled, R brings back exactly that.
    s.press('S');
    screen = await s.waitFor(/Safe mode: disable 1 module\?/);
    assert.match(screen, /Autoprovision \(ModuleAutoprovision\) 1\.45/);
    s.press('y');
    await s.waitFor(/safe mode: 1 module to restore \(R\)/);
    assert.deepEqual(await states(cli), [['ModuleTemplate', false], ['ModuleBackup', false], ['ModuleAutoprovision', false]]);
    s.press('R');
    await s.waitFor(/Restore 1 module safe mode disabled\?/);
    s.press('y');
    await s.waitFor(/Restored 1 module; safe mode is off\./);
    assert.deepEqual(await states(cli), [['ModuleTemplate', false], ['ModuleBackup', false], ['ModuleAutoprovision', true]]);
  });

  test('a bulk enable with one failing module: the failure is on its row, the others are enabled and it stays marked', async () => {
    const { cli, dataDir } = await pbxWith(['ModuleTemplate', 'ModuleUsersUI', 'ModuleBackup'], { register: true });
    // The key is gone (reset): enabling the paid module cannot work, the free ones can.
    assert.equal((await cli(['license', 'reset', '--yes'])).code, 0);
    const s = await openModules(dataDir, 3);

    s.press('a');
    await s.waitFor(/3 marked/);
    s.press('e');
    const asked = await s.waitFor(/Enable 3 modules\?/);
    assert.match(asked, /Users UI \(ModuleUsersUI\) 1\.81/);
    assert.match(asked, /A paid module takes a seat of its license on this PBX\./);
    s.press('y');
    const screen = await s.waitFor(/Enabled 2 of 3 modules; 1 failed \(see their rows\)\./);
    assert.match(screen, /1 marked/, 'the failed one stays marked for another try');
    assert.match(screen, /• \[ \] Users UI\s+✗ The license key/);
    assert.deepEqual(await states(cli), [['ModuleTemplate', true], ['ModuleUsersUI', false], ['ModuleBackup', true]]);
  });
});
