import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { arch, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProgram, type CliResult, type RunOptions } from './cli.js';

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
  return runProgram(program, args, { ...options, baseEnv: env, cwd: tmpdir() });
}
