import type { ModuleContext, ProgressCallback } from './context.js';
import { updateModule, type InstallResult } from './install.js';
import { disableModule, enableModule, removeModule, type RemoveResult } from './lifecycle.js';
import type { InstalledModule } from '../store/schema.js';

/** What one bulk run does to each of its modules. */
export type BulkAction = 'enable' | 'disable' | 'update' | 'remove';

/** How one module of a bulk run ended. */
export type BulkOutcome =
  | { id: string; ok: true; module: InstalledModule | null; install?: InstallResult; removed?: RemoveResult }
  | { id: string; ok: false; error: unknown };

export interface BulkOptions {
  /** Before each module's turn: the module and its place (0-based) in the run. */
  onModule?: (id: string, index: number, total: number) => void;
  /** A step of the module in hand (update: download, unpack...). */
  onProgress?: ProgressCallback;
  /** remove: keep each module's settings (default true). */
  keepSettings?: boolean;
}

/**
 * Do one action to several modules, each in turn: a failure on one is kept as its outcome
 * and the others go on. Each module's operation writes its own audit entry, as it does alone.
 */
export async function runBulk(ctx: ModuleContext, action: BulkAction, ids: readonly string[], options: BulkOptions = {}): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  const unique = [...new Set(ids)];
  for (const [index, id] of unique.entries()) {
    options.onModule?.(id, index, unique.length);
    try {
      outcomes.push(await runOne(ctx, action, id, options));
    } catch (error) {
      outcomes.push({ id, ok: false, error });
    }
  }
  return outcomes;
}

async function runOne(ctx: ModuleContext, action: BulkAction, id: string, options: BulkOptions): Promise<BulkOutcome> {
  switch (action) {
    case 'enable':
      return { id, ok: true, module: await enableModule(ctx, id) };
    case 'disable':
      return { id, ok: true, module: await disableModule(ctx, id) };
    case 'update': {
      const install = await updateModule(ctx, id, options.onProgress ? { onProgress: options.onProgress } : {});
      return { id, ok: true, module: install.module, install };
    }
    case 'remove': {
      const removed = await removeModule(ctx, id, { keepSettings: options.keepSettings ?? true });
      return { id, ok: true, module: null, removed };
    }
  }
}

/** The outcomes that failed. */
export function failedOutcomes(outcomes: readonly BulkOutcome[]): Array<Extract<BulkOutcome, { ok: false }>> {
  return outcomes.filter((o): o is Extract<BulkOutcome, { ok: false }> => !o.ok);
}
