import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, lstat, mkdir, readFile, readdir, rm, rmdir, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A lock shared by every pbxmod process on the machine: a small file that says who holds it.
 * It is created whole in one step (written aside, then hard-linked into place, which fails when
 * the lock exists), so a reader never sees half an owner. A holder that is gone — its pid no
 * longer runs, or runs a different process (the start time in /proc differs), or the machine
 * rebooted — is recognised at once and its lock taken over: `kill -9` costs the next process
 * nothing. A holder on another host (a data dir on shared storage) refreshes the file's time;
 * it counts as gone once the time stops moving for FOREIGN_STALE_MS.
 */
export interface LockOwner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: with the pid, names one process for the life of the machine. */
  startTime: string | null;
  host: string;
  bootId: string | null;
  /** Unique to this taking of the lock: a takeover removes exactly the lock it found dead. */
  nonce: string;
  since: string;
  /** What the holder does, for the message of the one that waits. */
  [detail: string]: unknown;
}

export interface HeldLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Still ours? (Nobody removed or replaced the file.) */
  isHeld(): boolean;
  release(): Promise<void>;
}

export type LockAttempt = { held: HeldLock } | { busy: LockOwner | null };

const REFRESH_MS = 5_000;
const FOREIGN_STALE_MS = 30_000;
/** A lock directory of proper-lockfile (pbxmod before this lock) counted as stale after its 10 s. */
const LEGACY_STALE_MS = 10_000;
/** A takeover guard lives for two system calls; one older than this was left by a killed process. */
const GUARD_STALE_MS = 500;

/**
 * Try once to take the lock at `path`; when a live process holds it, say who. A dead holder's
 * lock is taken over and the attempt made again, once.
 */
export async function tryLock(path: string, details: Record<string, unknown> = {}, takeOverDead = true): Promise<LockAttempt> {
  const owner: LockOwner = {
    ...details,
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    bootId: bootId(),
    nonce: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  const temp = `${path}.${process.pid}.${owner.nonce}.claim`;
  await writeFile(temp, `${JSON.stringify(owner)}\n`, { flag: 'wx', mode: 0o600 });
  let current: Inspection | undefined;
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    current = await inspect(path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  if (current === undefined) {
    await removeLeftoverTemps(path);
    return { held: heldLock(path, owner) };
  }
  if (current.state === 'alive') return { busy: current.owner };
  if (!takeOverDead) return { busy: null };
  if (current.state === 'dead') await takeOver(path, current.identity);
  return tryLock(path, details, false);
}

/** Who holds the lock at `path`, if a live process does. */
export async function lockOwner(path: string): Promise<LockOwner | null> {
  const current = await inspect(path);
  return current.state === 'alive' ? current.owner : null;
}

function heldLock(path: string, owner: LockOwner): HeldLock {
  // Only a holder on another host needs the time to move; it is one cheap call every 5 s.
  const timer = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, REFRESH_MS);
  timer.unref();
  const isHeld = (): boolean => {
    try {
      return (JSON.parse(readFileSync(path, 'utf8')) as LockOwner).nonce === owner.nonce;
    } catch {
      return false;
    }
  };
  return {
    path,
    owner,
    isHeld,
    async release() {
      clearInterval(timer);
      if (isHeld()) await unlink(path).catch(() => undefined);
    },
  };
}

type Inspection =
  | { state: 'gone' }
  | { state: 'alive'; owner: LockOwner | null }
  | { state: 'dead'; identity: string };

async function inspect(path: string): Promise<Inspection> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  const age = Date.now() - info.mtimeMs;
  if (info.isDirectory()) {
    // proper-lockfile's lock directory, left by an older pbxmod: its own rule (refreshed, 10 s stale).
    return age > LEGACY_STALE_MS ? { state: 'dead', identity: `dir:${info.ino}:${info.mtimeMs}` } : { state: 'alive', owner: null };
  }
  let owner: LockOwner;
  try {
    owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
    // The file is always linked in whole; unreadable content is damage, not a holder.
    return { state: 'dead', identity: `file:${info.ino}:${info.mtimeMs}` };
  }
  if (typeof owner.pid !== 'number' || typeof owner.nonce !== 'string') return { state: 'dead', identity: `file:${info.ino}:${info.mtimeMs}` };
  return holderIsGone(owner, age) ? { state: 'dead', identity: owner.nonce } : { state: 'alive', owner };
}

/** The holder no longer runs: same host and its pid is free or belongs to another process now. */
export function holderIsGone(owner: Pick<LockOwner, 'pid' | 'startTime' | 'host' | 'bootId'>, ageMs: number): boolean {
  if (owner.host !== hostname()) return ageMs > FOREIGN_STALE_MS;
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  const start = processStartTime(owner.pid);
  if (owner.startTime !== null && start !== null && start !== owner.startTime) return true;
  return false;
}

/**
 * Remove the lock found dead — and only that one: a guard directory makes the look-and-remove
 * one step among processes taking over at the same time, and the identity check leaves alone a
 * lock someone took meanwhile.
 */
async function takeOver(path: string, identity: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await lstat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    const current = await inspect(path);
    if (current.state === 'dead' && current.identity === identity) await rm(path, { recursive: true, force: true });
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

/** Claim files (`<lock>.<pid>.<nonce>.claim`, not `.tmp`: the store removes its own `.tmp` leftovers) of lockers killed between writing and linking their owner file. */
async function removeLeftoverTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.claim')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (holderIsGone({ pid, startTime: null, host: hostname(), bootId: null }, 0)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

/** Field 22 (starttime) of /proc/<pid>/stat, or null where there is no /proc. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

let cachedBootId: string | null | undefined;
function bootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}
