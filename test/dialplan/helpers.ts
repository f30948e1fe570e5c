// Shared by the dialplan tests: a real PBX store in a fresh temp folder, and the command line.
import { mkdtemp, rm } from 'node:fs/promises';
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
