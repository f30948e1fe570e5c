import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startConsole, tmuxAvailable } from '../e2e/tmux.js';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';

test('on a terminal, license set-key asks for the key without echoing it', { skip: tmuxAvailable() ? false : 'tmux is not installed' }, async () => {
  const serviceDir = await tempDir();
  const owner = await tempDir();
  const pbx = await tempDir();
  const service = await startServeProcess(serviceDir.path);
  try {
    const registered = await runCli(['--data-dir', owner.path, '--api', service.url, '--json', 'license', 'register', '--company', 'Prompt Co', '--email', 'prompt@example.com', '--contact', 'P']);
    assert.equal(registered.code, 0, registered.stderr);
    const key = (await runCli(['--data-dir', owner.path, '--api', service.url, '--json', 'license', 'show', '--reveal'])).json.key as string;
    const session = await startConsole({ args: ['--data-dir', pbx.path, '--api', service.url, 'license', 'set-key'], env: { NO_COLOR: '1' } });
    try {
      await session.waitFor('License key:');
      session.type(key);
      session.press('Enter');
      const screen = await session.waitFor('[pbxmod exited 0]');
      assert.match(screen, /License key saved\./);
      assert.ok(!screen.includes(key.slice(5, 22)), `the typed key is not echoed:\n${screen}`);
      assert.doesNotMatch(screen, /warning/);
    } finally {
      session.kill();
    }
    const saved = await runCli(['--data-dir', pbx.path, '--api', service.url, '--json', 'license', 'show', '--reveal']);
    assert.equal(saved.json.key, key);
  } finally {
    await service.stop();
    await Promise.all([serviceDir.remove(), owner.remove(), pbx.remove()]);
  }
});
