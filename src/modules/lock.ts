import { mkdir } from 'node:fs/promises';
import { lockOwner, tryLock, type HeldLock, type LockOwner } from '../store/process-lock.js';
import { reason } from '../domain/errors.js';
import { systemCause } from '../domain/system-errors.js';
import { moduleLayout } from './context.js';
import { ModuleBusyError, ModuleError, type LockHolder } from './errors.js';
import { watchSignals } from './interruption.js';

/** How long a second module operation waits for the first before it is refused. */
export const DEFAULT_LOCK_WAIT_MS = 3_000;

export interface ModuleLockOptions {
  /** Wait this long for another operation to finish, then refuse. Default 3 s. */
  lockWaitMs?: number;
}

/** Proof that the lock is held; `assertHeld` before a commit point. */
export interface ModuleLockHandle {
  /** Throws when the lock was lost or a signal asked the operation to stop. */
  assertHeld(): void;
  /** Aborted by SIGINT / SIGTERM / SIGHUP: long steps (download, unpacking) stop on it. */
  readonly signal: AbortSignal;
}

/**
 * Run `run` holding the PBX's module lock (`<dataDir>/modules.lock`, shared by every process),
 * so that one install / update / enable / disable / remove runs at a time (SPEC §5). The lock
 * file says who holds it, for the refusal message of the one that waits; a holder that was
 * killed is recognised at once and its lock taken over.
 */
export async function withModuleLock<R>(
  dataDir: string,
  holder: Omit<LockHolder, 'pid' | 'since'>,
  run: (lock: ModuleLockHandle) => Promise<R>,
  options: ModuleLockOptions = {},
): Promise<R> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw lockIoError(dataDir, error);
  });
  const lock = await acquire(dataDir, holder, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  const watch = watchSignals(holder);
  let outcome: 'committed' | 'rolled-back' = 'rolled-back';
  try {
    const result = await run({
      signal: watch.signal,
      assertHeld() {
        watch.signal.throwIfAborted();
        if (!lock.isHeld()) {
          throw new ModuleError(reason('module_lock_removed', { file: moduleLayout.lockFile(dataDir) }), 'module_io');
        }
      },
    });
    outcome = 'committed';
    return result;
  } finally {
    await lock.release();
    watch.end(outcome);
  }
}

/** Who holds the lock now, if a live process does. */
export async function readLockHolder(dataDir: string): Promise<LockHolder | null> {
  const owner = await lockOwner(moduleLayout.lockFile(dataDir)).catch(() => null);
  return owner ? toHolder(owner) : null;
}

async function acquire(dataDir: string, holder: Omit<LockHolder, 'pid' | 'since'>, waitMs: number): Promise<HeldLock> {
  const started = Date.now();
  for (;;) {
    let attempt;
    try {
      attempt = await tryLock(moduleLayout.lockFile(dataDir), { ...holder });
    } catch (error) {
      throw lockIoError(dataDir, error);
    }
    if ('held' in attempt) return attempt.held;
    if (Date.now() - started >= waitMs) throw new ModuleBusyError(attempt.busy ? toHolder(attempt.busy) : null);
    await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 50));
  }
}

function toHolder(owner: LockOwner): LockHolder {
  return {
    operation: typeof owner.operation === 'string' ? owner.operation : 'module operation',
    ...(typeof owner.moduleId === 'string' ? { moduleId: owner.moduleId } : {}),
    pid: owner.pid,
    since: owner.since,
  };
}

function lockIoError(dataDir: string, error: unknown): ModuleError {
  return new ModuleError(reason('module_lock_failed', { cause: systemCause(error, moduleLayout.lockFile(dataDir)) }), 'module_io');
}
