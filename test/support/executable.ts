import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { arch, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliResult, RunOptions } from './cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** This machine's target, as `npm run dist` names it. */
export const HOST_TARGET = `linux-${arch()}`;

/** Build the self-contained executable for this machine into a fresh folder (as `npm run dist` does); returns its folder and path. */
export async function buildExecutable(): Promise<{ folder: string; file: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'pbxmod-dist-test-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/dist.mjs'), '--target', HOST_TARGET, '--out', folder], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return { folder, file: join(folder, `pbxmod-${HOST_TARGET}`) };
}

/**
 * A PATH with the few tools a shell session needs and no `node`: the executable must run
 * where Node.js is not installed (a MikoPBX).
 */
export async function pathWithoutNode(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pbxmod-no-node-'));
  for (const tool of ['sh', 'env', 'sleep', 'cat', 'echo', 'sha256sum']) {
    const found = execFileSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    if (found.startsWith('/')) await symlink(found, join(folder, tool));
  }
  return folder;
}

/** Run `program ARGS` to completion in an empty environment (`env -i`) plus `env`, with no terminal. */
export function runClean(program: string, args: string[], env: Record<string, string>, options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, { cwd: tmpdir(), env: { NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${program} ${args.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolvePromise({ code, stdout, stderr, json });
    });
    child.stdin.end(options.input ?? '');
  });
}
