import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/**
 * Screen 2 of the built console at 80x24, against `pbxmod serve` in its own process: install a
 * module from the marketplace, enable it, delete it keeping its settings; the command line
 * agrees with the screen at each step.
 */
describe('the modules screen in the built console', { skip }, () => {
  let serve: Awaited<ReturnType<typeof startServeProcess>>;
  const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];
  let pbxDir: string;
  let console_: ConsoleSession | undefined;

  before(async () => {
    const serviceDir = await tempDir('pbxmod-e2e-service-');
    const pbx = await tempDir('pbxmod-e2e-pbx-');
    dirs.push(serviceDir, pbx);
    pbxDir = pbx.path;
    serve = await startServeProcess(serviceDir.path);
    const registered = await cli(['license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee']);
    assert.equal(registered.code, 0, registered.stderr);
  });
  after(async () => {
    console_?.kill();
    await serve?.stop();
    for (const d of dirs) await d.remove();
  });

  const cli = (args: string[]) => runCli(['--data-dir', pbxDir, '--api', serve.url, ...args]);
  const listed = async () => {
    const result = await cli(['modules', 'list', '--json']);
    assert.equal(result.code, 0, result.stderr);
    return (result.json.modules as Array<{ id: string; version: string; enabled: boolean }>).map((m) => [m.id, m.version, m.enabled]);
  };

  test('install ModuleTemplate from the marketplace, enable it, delete it keeping its settings', async () => {
    const s = await startConsole({ args: ['--data-dir', pbxDir, '--api', serve.url], columns: 80, rows: 24 });
    console_ = s;
    await s.waitFor(/License: registered/);
    s.press('2');
    await s.waitFor(/Installed modules \(0\)/);
    await s.waitFor(/No module is installed/);

    s.press('m');
    await s.waitFor(/Marketplace: \d+ modules? for MikoPBX/);
    // Down to Module template, one key at a time, looking each time.
    for (let i = 0; i < 10 && !/› Module template/.test(s.screen()); i++) {
      const before = s.screen();
      s.press('Down');
      await waitUntil(() => s.screen() !== before, 10_000, () => `Down changed nothing; the screen:\n${s.screen()}`);
    }
    assert.match(s.screen(), /› Module template/);
    s.press('i');
    const seen = await s.waitFor(/Installing ModuleTemplate|ModuleTemplate 1\.81 installed/);
    assert.match(seen, /\[[█░]+\]\s+\d+%|Working\.\.\. \(Installing ModuleTemplate|installed \(disabled\)/, 'a progress bar or its completion');
    await s.waitFor(/ModuleTemplate 1\.81 installed \(disabled\)/);
    assert.deepEqual(await listed(), [['ModuleTemplate', '1.81', false]]);

    s.press('m');
    let screen = await s.waitFor(/Installed modules \(1\)/);
    assert.match(screen, /› \[ \] Module template .* 1\.81\s+disabled/);
    s.press('e');
    screen = await s.waitFor(/› \[x\] Module template .* enabled/);
    assert.deepEqual(await listed(), [['ModuleTemplate', '1.81', true]]);

    s.press('d');
    screen = await s.waitFor(/Delete Module template \(ModuleTemplate\)\?/);
    assert.match(screen, /\[x\] Keep module settings/, 'checked by default');
    assert.match(screen, /The module is enabled: it stops working now\./);
    s.press('y');
    await s.waitFor(/ModuleTemplate 1\.81 was deleted; its settings were kept/);
    await s.waitFor(/Installed modules \(0\)/);
    assert.deepEqual(await listed(), []);

    s.press('q');
    await waitUntil(() => !s.alive());
    assert.equal(s.exitStatus(), 0);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000, what: () => string = () => 'timed out'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(what());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
