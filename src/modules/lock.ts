import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { moduleLayout } from './context.js';
import { ModuleBusyError, ModuleError, type LockHolder } from './errors.js';

/** How long a second module operation waits for the first before it is refused. */
export const DEFAULT_LOCK_WAIT_MS = 3_000;

export interface ModuleLockOptions {
  /** Wait this long for another operation to finish, then refuse. Default 3 s. */
  lockWaitMs?: number;
}

/** Proof that the lock is held; `assertHeld` before a commit point. */
export interface ModuleLockHandle {
  assertHeld(): void;
}

/**
 * Run `run` holding the PBX's module lock (`<dataDir>/modules.lock`, shared by every process),
 * so that one install / update / enable / disable / remove runs at a time (SPEC §5). Next to
 * the lock a small file says who holds it, for the refusal message of the one that waits.
 */
export async function withModuleLock<R>(
  dataDir: string,
  holder: Omit<LockHolder, 'pid' | 'since'>,
  run: (lock: ModuleLockHandle) => Promise<R>,
  options: ModuleLockOptions = {},
): Promise<R> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  let compromised: Error | undefined;
  const release = await acquire(dataDir, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, (error) => {
    compromised = error;
  });
  const ownerFile = moduleLayout.lockOwnerFile(dataDir);
  try {
    await writeOwner(ownerFile, { ...holder, pid: process.pid, since: new Date().toISOString() });
    return await run({
      assertHeld() {
        if (compromised) {
          throw new ModuleError('module_io', `The module lock ${moduleLayout.lockDir(dataDir)} was lost during the operation (${compromised.message}).`, 'Nothing was committed; try again.');
        }
      },
    });
  } finally {
    await unlink(ownerFile).catch(() => undefined);
    await release().catch(() => undefined);
  }
}

/** Who holds the lock now, if anyone said so. */
export async function readLockHolder(dataDir: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(moduleLayout.lockOwnerFile(dataDir), 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' && typeof parsed.operation === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

async function acquire(dataDir: string, waitMs: number, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  const started = Date.now();
  for (;;) {
    try {
      return await lockfile.lock(join(dataDir, 'modules'), {
        realpath: false,
        lockfilePath: moduleLayout.lockDir(dataDir),
        // A process killed mid-operation stops refreshing; its lock is taken over after this.
        stale: 15_000,
        update: 3_000,
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new ModuleError('module_io', `Cannot take the module lock ${moduleLayout.lockDir(dataDir)}: ${(error as Error).message}.`, 'Check the permissions of the data directory.');
      }
      if (Date.now() - started >= waitMs) throw new ModuleBusyError(await waitForHolder(dataDir));
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** The holder writes its name just after taking the lock: give it a moment to appear. */
async function waitForHolder(dataDir: string): Promise<LockHolder | null> {
  for (let i = 0; i < 10; i++) {
    const holder = await readLockHolder(dataDir);
    if (holder) return holder;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return null;
}

async function writeOwner(file: string, holder: LockHolder): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  await rename(temp, file);
}
