import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemCause, type SystemCause } from '../domain/system-errors.js';

/**
 * `systemCause` with the facts only the disk knows, for an error's reason: a full disk and a
 * file system out of inodes both say ENOSPC, and statfs tells them apart.
 */
export async function explainSystemCause(error: unknown, path?: string): Promise<SystemCause> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const at = path ?? (error as NodeJS.ErrnoException | undefined)?.path;
  const inodesExhausted = code === 'ENOSPC' && at !== undefined && (await inodesUsedUp(at));
  return systemCause(error, path, { inodesExhausted });
}

/** No free inodes where `path` lives (or its closest existing parent). */
export async function inodesUsedUp(path: string): Promise<boolean> {
  let at = path;
  for (let i = 0; i < 64; i++) {
    try {
      const fs = await statfs(at);
      // Some file systems (btrfs, tmpfs without nr_inodes) report 0 files: no fixed table to run out of.
      return fs.files > 0 && fs.ffree === 0;
    } catch {
      const up = dirname(at);
      if (up === at) return false;
      at = up;
    }
  }
  return false;
}
