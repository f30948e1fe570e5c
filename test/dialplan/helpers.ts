// Shared by the dialplan tests: a real PBX store in a fresh temp folder, and the command line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PBXMOD_SOURCE, runTs, type CliResult } from '../support/cli.js';
import { openPbxStore, type PbxStore } from '../../src/store/pbx-store.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface TempPbx {
  dir: string;
  store: PbxStore;
  cleanup: () => Promise<void>;
}

/** A new PBX store (seeded like a new PBX) in its own temp folder. */
export async function tempPbx(): Promise<TempPbx> {
  const dir = await mkdtemp(join(tmpdir(), 'pbxmod-dialplan-test-'));
  return { dir, store: openPbxStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type RunResult = CliResult;
export { runTs };

/** `pbxmod --data-dir DIR …`, from the sources. */
export function pbxmod(dataDir: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return runTs(PBXMOD_SOURCE, ['--data-dir', dataDir, ...args], options);
}

/**
 * A folder holding a stand-in for `php -l` — a real executable shell script, since no php is
 * installed here — and an environment whose PATH is only that folder. It reads the script on
 * standard input and answers as php -l does: a parse error on the first line that holds
 * BROKEN, otherwise "No syntax errors detected". `withPhp: false` gives a PATH without php.
 */
export async function phpOnPath(root: string, withPhp = true): Promise<NodeJS.ProcessEnv> {
  const dir = await mkdtemp(join(root, withPhp ? 'fake-php-' : 'no-php-'));
  if (withPhp) {
    const script = [
      '#!/bin/sh',
      'PATH=/usr/bin:/bin',
      '[ "$1" = "-l" ] || { echo "this stand-in only lints (-l)" >&2; exit 2; }',
      'line=$(grep -n BROKEN | head -n 1 | cut -d: -f1)',
      'if [ -n "$line" ]; then',
      '  echo "PHP Parse error:  syntax error, unexpected identifier \\"BROKEN\\" in Standard input code on line $line" >&2',
      '  echo "Errors parsing Standard input code"',
      '  exit 255',
      'fi',
      'echo "No syntax errors detected in Standard input code"',
    ].join('\n');
    await writeFile(join(dir, 'php'), `${script}\n`, { mode: 0o755 });
  }
  return { ...process.env, PATH: dir };
}
