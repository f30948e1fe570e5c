import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, symlink } from 'node:fs/promises';
import { arch, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProgram, type CliResult, type RunOptions } from './cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** This machine's target, as `npm run dist` names it. */
export const HOST_TARGET = `linux-${arch()}`;

/** Build the self-contained executable for `target` (this machine's) into a fresh folder (as `npm run dist` does); returns its folder and path. */
export async function buildExecutable(target = HOST_TARGET): Promise<{ folder: string; file: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'pbxmod-dist-test-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/dist.mjs'), '--target', target, '--out', folder], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return { folder, file: join(folder, `pbxmod-${target}`) };
}

/** The arm64 C library for qemu's user-mode emulation (Debian's libc6-arm64-cross, installed by .ci/run). */
export const ARM64_SYSROOT = '/usr/aarch64-linux-gnu';

/** Why the arm64 executable cannot be run here, or undefined when qemu-aarch64 and the arm64 C library are installed. */
export function arm64Unavailable(): string | undefined {
  try {
    execFileSync('/bin/sh', ['-c', 'command -v qemu-aarch64'], { stdio: 'ignore' });
  } catch {
    return 'qemu-aarch64 is not installed (.ci/run installs qemu-user)';
  }
  return existsSync(join(ARM64_SYSROOT, 'lib/ld-linux-aarch64.so.1')) ? undefined : `${ARM64_SYSROOT} has no arm64 C library (.ci/run installs libc6-arm64-cross)`;
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
