import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { ARM64_SYSROOT, arm64Unavailable, buildExecutable, HOST_TARGET, pathWithoutNode, runClean } from '../support/executable.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from '../e2e/tmux.js';

/**
 * The self-contained executable (`npm run dist`) where a MikoPBX has it: no `node` on PATH and
 * an empty environment. It must print its version, answer the commands as the bundle does, and
 * run the console.
 */
describe(`the executable (${HOST_TARGET}) with no node and an empty environment`, () => {
  let built: { folder: string; file: string };
  let path: string;
  const dirs: Awaited<ReturnType<typeof tempDir>>[] = [];
  const consoles: ConsoleSession[] = [];

  before(async () => {
    built = await buildExecutable();
    path = await pathWithoutNode();
  });
  after(async () => {
    for (const s of consoles) s.kill();
    for (const d of dirs) await d.remove();
    await rm(built.folder, { recursive: true, force: true });
    await rm(path, { recursive: true, force: true });
  });

  test('--version names the build, and SHA256SUMS matches the file', async () => {
    const version = await runClean(built.file, ['--version'], { PATH: path });
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^pbxmod \d+\.\d+\.\d+ \(commit [0-9a-f]+.*, Bun [\d.]+ \(linux-(x64|arm64)\)\)\n$/);
    const sums = await readFile(join(built.folder, 'SHA256SUMS'), 'utf8');
    const digest = createHash('sha256').update(await readFile(built.file)).digest('hex');
    assert.match(sums, new RegExp(`^${digest}  pbxmod-${HOST_TARGET}$`, 'm'));
  });

  test('commands give the same --json as the bundle, in English and in Russian', async () => {
    const exeDir = await tempDir();
    const bundleDir = await tempDir();
    dirs.push(exeDir, bundleDir);
    for (const args of [
      ['modules', 'list'],
      ['dialplan', 'list'],
      ['--lang', 'ru', 'modules', 'info', 'NoSuchModule'],
      ['--lang', 'ru', 'dialplan', 'add', '--name', 'Приветствие', '--ext', '201'],
    ]) {
      const exe = await runClean(built.file, ['--data-dir', exeDir.path, '--json', ...args], { PATH: path });
      const bundle = await runCli(['--data-dir', bundleDir.path, '--json', ...args]);
      assert.equal(exe.code, bundle.code, `${args.join(' ')}: ${exe.stderr}`);
      assert.deepEqual(JSON.parse(exe.stdout), JSON.parse(bundle.stdout), args.join(' '));
    }
    const russian = await runClean(built.file, ['--data-dir', exeDir.path, '--lang', 'ru', 'modules', '--help'], { PATH: path });
    assert.equal(russian.code, 0, russian.stderr);
    assert.match(russian.stdout, /^Использование: pbxmod modules/);
  });

  test('serve: the licensing service with its demo catalog, as the bundle reaches it', async () => {
    const serviceDir = await tempDir();
    const pbxDir = await tempDir();
    dirs.push(serviceDir, pbxDir);
    const service = await startServeProcess(serviceDir.path, { program: built.file, env: { PATH: path } });
    try {
      const remote = await runCli(['--data-dir', pbxDir.path, '--api', service.url, '--json', 'modules', 'available']);
      assert.equal(remote.code, 0, remote.stderr);
      const embedded = await runCli(['--data-dir', pbxDir.path, '--json', 'modules', 'available']);
      const ids = (result: typeof remote) => (result.json as { modules: { id: string }[] }).modules.map((m) => m.id).sort();
      assert.ok(ids(remote).length > 0, remote.stdout);
      assert.deepEqual(ids(remote), ids(embedded), 'the same catalog as the embedded service');
    } finally {
      await service.stop();
    }
  });

  test('the console at 80x24: every screen, then q exits 0', { skip: tmuxAvailable() ? false : 'tmux is not installed' }, async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const s = await startConsole({ program: built.file, cleanEnv: true, env: { PATH: path, LANG: 'ru_RU.UTF-8' }, args: ['--data-dir', dir.path], columns: 80, rows: 24 });
    consoles.push(s);
    await s.waitFor(/Маркетплейс/, 30_000);
    for (const [key, shows] of [['2', /Установленные модули/], ['3', /Echo test/], ['5', /Журнал аудита/], ['4', /Вход в монитор сессий/]] as const) {
      s.press(key);
      await s.waitFor(shows);
    }
    // Screen 4 asks for a key: Esc leaves the form, then screen 1 and q.
    s.press('Escape');
    await s.waitForGone(/Вход в монитор сессий/);
    s.press('1');
    await s.waitFor(/нет регистрации/);
    s.press('q');
    await s.waitFor(/\[pbxmod exited 0\]/);
  });
});

/** The arm64 executable, built on this machine, run under qemu's user-mode emulation. */
describe('the linux-arm64 executable under qemu', { skip: arm64Unavailable() ?? false }, () => {
  let built: { folder: string; file: string };
  const dirs: Awaited<ReturnType<typeof tempDir>>[] = [];

  before(async () => {
    built = await buildExecutable('linux-arm64');
  });
  after(async () => {
    for (const d of dirs) await d.remove();
    await rm(built.folder, { recursive: true, force: true });
  });

  const qemu = (args: string[]) => runClean('/usr/bin/qemu-aarch64', ['-L', ARM64_SYSROOT, built.file, ...args], { PATH: '/usr/bin:/bin' }, { timeoutMs: 120_000 });

  test('--version names linux-arm64, and a command answers as the bundle does', async () => {
    const version = await qemu(['--version']);
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^pbxmod \d+\.\d+\.\d+ \(commit [0-9a-f]+.*, Bun [\d.]+ \(linux-arm64\)\)\n$/);
    const exeDir = await tempDir();
    const bundleDir = await tempDir();
    dirs.push(exeDir, bundleDir);
    const exe = await qemu(['--data-dir', exeDir.path, '--json', '--lang', 'ru', 'modules', 'info', 'NoSuchModule']);
    const bundle = await runCli(['--data-dir', bundleDir.path, '--json', '--lang', 'ru', 'modules', 'info', 'NoSuchModule']);
    assert.equal(exe.code, bundle.code, exe.stderr);
    assert.deepEqual(JSON.parse(exe.stdout), JSON.parse(bundle.stdout));
  });
});
