import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { PBXMOD_BIN, runCli, tempDir } from '../support/cli.js';

const LISTENED = '[a server started listening]';
const reportListen = { NODE_OPTIONS: `--import=${pathToFileURL(resolve(import.meta.dirname, '../fixtures/report-listen.mjs')).href}` };

const dirs: Array<{ remove: () => Promise<void> }> = [];
after(async () => {
  for (const dir of dirs) await dir.remove();
});

test('commands on the embedded default reach the licensing service without starting a server', async () => {
  const pbx = await tempDir('pbxmod-in-process-cmd-');
  dirs.push(pbx);
  const cli = (args: string[]) => runCli(['--data-dir', pbx.path, ...args], { env: reportListen });
  for (const args of [
    ['license', 'register', '--company', 'No Socket Ltd', '--email', 'ops@nosocket.example', '--contact', 'Nell'],
    ['license', 'show', '--json'],
    ['modules', 'install', 'ModuleTemplate', '--json'],
    ['modules', 'enable', 'ModuleTemplate', '--json'],
    ['sessions', 'list', '--json'],
  ]) {
    const result = await cli(args);
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
    assert.ok(!result.stderr.includes(LISTENED), `${args.join(' ')} started a server`);
  }
});

test('the report works: the console\'s way, a service on loopback, does start one', async () => {
  const service = await tempDir('pbxmod-in-process-serve-');
  dirs.push(service);
  const child = spawn(process.execPath, [PBXMOD_BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', service.path], { env: { ...process.env, ...reportListen }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve reported no listening server: ${stderr}`)), 20_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d;
        if (stderr.includes(LISTENED)) {
          clearTimeout(timer);
          resolvePromise();
        }
      });
    });
  } finally {
    child.kill('SIGTERM');
  }
});
