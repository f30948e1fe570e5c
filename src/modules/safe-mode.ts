import { auditDetail } from '../domain/audit-words.js';
import { appendAudit } from '../store/pbx-store.js';
import type { SafeMode } from '../store/schema.js';
import { failedOutcomes, runBulk, type BulkOptions, type BulkOutcome } from './bulk.js';
import type { ModuleContext } from './context.js';
import { recoverModuleOperations } from './recovery.js';

export interface SafeModeResult {
  /** Each module that was enabled, and how its disable ended. */
  outcomes: BulkOutcome[];
  /** What is remembered now for `restore` (also modules an earlier `disable --all` remembered). */
  safeMode: SafeMode | null;
}

export interface RestoreResult {
  /** Each remembered module, and how its enable ended. */
  outcomes: BulkOutcome[];
  /** Remembered modules no longer installed: forgotten without a try. */
  gone: string[];
  /** Still remembered: the modules whose enable failed, for another `restore`. */
  safeMode: SafeMode | null;
}

/**
 * Safe mode: disable every enabled module and remember which were on. Never asks the
 * licensing service (a disable keeps its seat), so it works with the service unreachable —
 * the case it exists for. A second run adds what is enabled now to what is remembered. A
 * module whose disable failed stays remembered: enabling an enabled module changes nothing.
 */
export async function disableAllModules(ctx: ModuleContext, options: Pick<BulkOptions, 'onModule'> = {}): Promise<SafeModeResult> {
  await recoverModuleOperations(ctx);
  // Remembered before the first disable: a run cut short still knows what to bring back.
  const { enabled, safeMode } = await ctx.store.update((s) => {
    const on = s.modules.filter((m) => m.enabled).map((m) => m.id);
    const before = s.settings.safeMode?.modules ?? [];
    const modules = [...before, ...on.filter((id) => !before.includes(id))];
    if (modules.length > 0) s.settings.safeMode = { modules, since: s.settings.safeMode?.since ?? new Date().toISOString() };
    return { enabled: on, safeMode: s.settings.safeMode ?? null };
  });
  const outcomes = await runBulk(ctx, 'disable', enabled, options);
  const disabled = outcomes.filter((o) => o.ok).map((o) => o.id);
  await ctx.store.update((s) =>
    appendAudit(s, { action: 'modules.safe-mode', target: 'all', outcome: failedOutcomes(outcomes).length > 0 ? 'failed' : 'ok', ...auditDetail('safeMode', { modules: disabled.join(', ') }) }),
  );
  return { outcomes, safeMode };
}

/** What safe mode remembers, or null when it is off. */
export async function safeModeState(ctx: ModuleContext): Promise<SafeMode | null> {
  return (await ctx.store.read()).settings.safeMode ?? null;
}

/**
 * Leave safe mode: enable exactly the modules it remembers (a paid one captures its seat, as
 * any enable does), then forget them. A module whose enable failed stays remembered, so a
 * later `restore` tries it again; one no longer installed is forgotten.
 */
export async function restoreModules(ctx: ModuleContext, options: Pick<BulkOptions, 'onModule'> = {}): Promise<RestoreResult> {
  await recoverModuleOperations(ctx);
  const state = await ctx.store.read();
  const remembered = state.settings.safeMode?.modules ?? [];
  const installed = new Set(state.modules.map((m) => m.id));
  const gone = remembered.filter((id) => !installed.has(id));
  const outcomes = await runBulk(ctx, 'enable', remembered.filter((id) => installed.has(id)), options);
  const failed = failedOutcomes(outcomes).map((o) => o.id);
  const safeMode = await ctx.store.update((s) => {
    const since = s.settings.safeMode?.since ?? new Date().toISOString();
    s.settings.safeMode = failed.length > 0 ? { modules: failed, since } : null;
    appendAudit(s, { action: 'modules.restore', target: 'all', outcome: failed.length > 0 ? 'failed' : 'ok', ...auditDetail('restored', { modules: outcomes.filter((o) => o.ok).map((o) => o.id).join(', ') }) });
    return s.settings.safeMode;
  });
  return { outcomes, gone, safeMode };
}
