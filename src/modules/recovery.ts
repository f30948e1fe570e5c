import { readdir } from 'node:fs/promises';
import { moduleLayout, type ModuleContext } from './context.js';
import { ModuleBusyError } from './errors.js';
import { withModuleLock } from './lock.js';
import { recoverInterruptedOperations } from './transaction.js';

/**
 * Settle what a killed module operation left (SPEC §5), outside any operation: before the
 * installed list is shown and when the console starts, so the store and `modules/` agree
 * without waiting for the next install. Does nothing when no operation left anything, and
 * leaves it to a running operation (it recovers under its own lock first).
 */
export async function recoverModuleOperations(ctx: ModuleContext): Promise<Array<{ id: string; outcome: string }>> {
  // Recovery writes (files, the store); read-only mode leaves it to the next changing run.
  if (ctx.readOnly) return [];
  const names = await readdir(moduleLayout.stagingRoot(ctx.dataDir)).catch(() => [] as string[]);
  if (names.length === 0) return [];
  try {
    return await withModuleLock(ctx.dataDir, { operation: 'recovery' }, () => recoverInterruptedOperations(ctx), { lockWaitMs: 0 });
  } catch (error) {
    if (error instanceof ModuleBusyError) return [];
    throw error;
  }
}
