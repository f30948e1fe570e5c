import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstalledModule, PbxState } from '../store/schema.js';
import { moduleLayout, SETTINGS_FOLDER, type ModuleContext } from './context.js';
import { reason } from '../domain/errors.js';
import { ModuleError } from './errors.js';

/**
 * A module operation that swaps folders is journalled in its own staging folder
 * (`<dataDir>/module-staging/<op>/journal.json`) before it touches anything in place, so that
 * a failure — or a `kill -9`, or a power cut — can be undone by `rollBack` right away or by
 * `recoverInterruptedOperations` under the next lock. The store is the commit point: once it
 * holds the intended record (install) or no longer holds the module (remove), the operation
 * counts as done and only cleaning up remains.
 */
export interface Journal {
  kind: 'install' | 'remove';
  id: string;
  /** The module's store record before the operation, or null when it had none. */
  previous: InstalledModule | null;
  /** Install: the record the commit writes. */
  intended?: InstalledModule;
  /** Whether `modules/<id>` existed when the operation began. */
  hadDir: boolean;
  /** Remove: whether the module's `db/` goes to kept-settings. */
  keepSettings?: boolean;
}

export interface Operation {
  dir: string;
  /** Where the previous version waits until the commit. */
  oldDir: string;
  /** Where the new version is unpacked. */
  newDir: string;
}

export async function beginOperation(dataDir: string, id: string): Promise<Operation> {
  const root = moduleLayout.stagingRoot(dataDir);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const dir = join(root, `${id}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { mode: 0o700 });
  return { dir, oldDir: join(dir, 'old'), newDir: join(dir, 'new') };
}

export async function writeJournal(op: Operation, journal: Journal): Promise<void> {
  const temp = join(op.dir, 'journal.json.tmp');
  // Exclusive create, never through a link: the staging folder is 0700 in the data dir, this is belt and braces.
  await rm(temp, { force: true });
  await writeFile(temp, JSON.stringify(journal), { flag: 'wx', mode: 0o600 });
  await rename(temp, join(op.dir, 'journal.json'));
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export function findModule(state: PbxState, id: string): InstalledModule | undefined {
  return state.modules.find((m) => m.id === id);
}

/** Put the module's store record back to `record` (or remove it when null). */
export function restoreRecord(state: PbxState, id: string, record: InstalledModule | null): void {
  const index = state.modules.findIndex((m) => m.id === id);
  if (record === null) {
    if (index >= 0) state.modules.splice(index, 1);
  } else if (index >= 0) state.modules[index] = record;
  else state.modules.push(record);
}

function isCommitted(state: PbxState, journal: Journal): boolean {
  const current = findModule(state, journal.id);
  if (journal.kind === 'remove') return current === undefined;
  return current !== undefined && journal.intended !== undefined && JSON.stringify(current) === JSON.stringify(journal.intended);
}

/**
 * Undo (or, when the store already committed it, finish) the operation in `op`, then delete
 * its staging folder. Used both on failure and for leftovers of a killed process.
 */
export async function settleOperation(ctx: ModuleContext, op: Operation): Promise<'rolled-back' | 'completed' | 'discarded'> {
  const journal = await readJournal(op.dir);
  if (!journal) {
    // Nothing was touched in place before the journal existed.
    await rm(op.dir, { recursive: true, force: true });
    return 'discarded';
  }
  const moduleDir = moduleLayout.moduleDir(ctx.dataDir, journal.id);
  const state = await ctx.store.read();
  if (isCommitted(state, journal)) {
    if (journal.kind === 'remove') await finishRemove(ctx.dataDir, op, journal);
    await rm(op.dir, { recursive: true, force: true });
    return 'completed';
  }
  if (await exists(op.oldDir)) {
    if (await exists(moduleDir)) await rename(moduleDir, join(op.dir, 'discarded'));
    await rename(op.oldDir, moduleDir);
  } else if (journal.kind === 'install' && !journal.hadDir && (await exists(moduleDir))) {
    // No folder existed before and the lock is held: this one is the uncommitted new version.
    await rename(moduleDir, join(op.dir, 'discarded'));
  }
  const current = findModule(state, journal.id) ?? null;
  if (JSON.stringify(current) !== JSON.stringify(journal.previous)) {
    await ctx.store.update((s) => restoreRecord(s, journal.id, journal.previous));
  }
  await rm(op.dir, { recursive: true, force: true });
  return 'rolled-back';
}

/** After a committed remove: keep the module's settings (or not), drop its files. */
export async function finishRemove(dataDir: string, op: Operation, journal: Journal): Promise<void> {
  const keptDir = moduleLayout.keptSettingsDir(dataDir, journal.id);
  const oldDb = join(op.oldDir, SETTINGS_FOLDER);
  if (journal.keepSettings) {
    if (await exists(oldDb)) {
      await rm(keptDir, { recursive: true, force: true });
      await mkdir(keptDir, { recursive: true, mode: 0o700 });
      await rename(oldDb, moduleLayout.keptDbDir(dataDir, journal.id));
    }
  } else {
    await rm(keptDir, { recursive: true, force: true });
  }
}

/** Settle what a killed process left in the staging folder. Call with the module lock held. */
export async function recoverInterruptedOperations(ctx: ModuleContext): Promise<Array<{ id: string; outcome: string }>> {
  const root = moduleLayout.stagingRoot(ctx.dataDir);
  const names = await readdir(root).catch(() => [] as string[]);
  const settled: Array<{ id: string; outcome: string }> = [];
  for (const name of names) {
    const dir = join(root, name);
    const op: Operation = { dir, oldDir: join(dir, 'old'), newDir: join(dir, 'new') };
    try {
      const outcome = await settleOperation(ctx, op);
      settled.push({ id: name.split('.')[0] ?? name, outcome });
    } catch (error) {
      throw new ModuleError(reason('module_recovery_failed', { dir, detail: (error as Error).message }), 'module_io');
    }
  }
  return settled;
}

async function readJournal(dir: string): Promise<Journal | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'journal.json'), 'utf8')) as Journal;
  } catch {
    return null;
  }
}
