import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built command (`npm test` builds first), as a person runs it. */
export const PBXMOD_BIN = resolve(import.meta.dirname, '../../bin/pbxmod.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is. */
  json: any;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
}

/** Run `pbxmod ARGS` (the built bundle) to completion with no terminal, like a script or cron would. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode([PBXMOD_BIN, ...args], options);
}

/** Run `node --import tsx SCRIPT ARGS` (the sources, no build needed) with no terminal. */
export function runTs(script: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(['--import', 'tsx', script, ...args], options);
}

/** `pbxmod ARGS` from the sources (src/cli.ts), for tests that must not depend on a fresh build. */
export const PBXMOD_SOURCE = resolve(import.meta.dirname, '../../src/cli.ts');

function runNode(argv: string[], options: RunOptions): Promise<CliResult> {
  return runProgram(process.execPath, argv, options);
}

/**
 * Run `program ARGV` to completion with no terminal. Its environment is `baseEnv` (default this
 * process's), NO_COLOR, then `options.env`.
 */
export function runProgram(program: string, argv: string[], options: RunOptions & { baseEnv?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, argv, {
      cwd: options.cwd ?? resolve(import.meta.dirname, '../..'),
      env: { ...(options.baseEnv ?? process.env), NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${program} ${argv.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
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

/**
 * `pbxmod serve` on a free loopback port, in its own process; resolves once it prints its URL.
 * The built bundle under this Node, or `program` (the executable) in the environment `env` alone.
 */
export async function startServeProcess(dataDir: string, { program, env }: { program?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir];
  const child = program === undefined ? spawn(process.execPath, [PBXMOD_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: tmpdir() });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`pbxmod serve printed no URL: ${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`pbxmod serve exited with ${code}: ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolvePromise) => {
      if (child.exitCode !== null) return resolvePromise();
      child.once('exit', () => resolvePromise());
      child.kill('SIGTERM');
    });
  return { url, process: child, stop };
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(prefix = 'pbxmod-test-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
