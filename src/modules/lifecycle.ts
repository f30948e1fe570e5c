import { rename, rm } from 'node:fs/promises';
import { LicenseError } from '../domain/license-codes.js';
import { needsFeatureSeat } from '../domain/manifest.js';
import type { InstalledModule, PbxState } from '../store/schema.js';
import { auditedModuleOperation } from './audit.js';
import { moduleLayout, type ModuleContext } from './context.js';
import { reason } from '../domain/errors.js';
import { activeMessages } from '../i18n/active.js';
import { ModuleError } from './errors.js';
import { captureModuleFeature, requireLicenseKey } from './license-stage.js';
import { withModuleLock, type ModuleLockOptions } from './lock.js';
import { beginOperation, exists, findModule, finishRemove, recoverInterruptedOperations, restoreRecord, settleOperation, writeJournal } from './transaction.js';

export interface RemoveOptions extends ModuleLockOptions {
  /** Keep the module's `db/` settings for a later install (default true). `false` = purge. */
  keepSettings?: boolean;
}

export interface RemoveResult {
  id: string;
  version: string;
  settingsKept: boolean;
  /** The feature seat was given back to the license (paid modules, best effort). */
  seatReleased: boolean;
}

/**
 * Enable a module. A paid module first binds a seat of its feature to this PBX; when the
 * service refuses, the module stays disabled with reason DisabledByLicense and the service's
 * words, and the LicenseError is thrown for the caller to show.
 */
export function enableModule(ctx: ModuleContext, id: string, options: ModuleLockOptions = {}): Promise<InstalledModule> {
  return auditedModuleOperation(ctx.store, 'module.enable', id, () =>
    withModuleLock(ctx.dataDir, { operation: 'enable', moduleId: id }, async () => {
      await recoverInterruptedOperations(ctx);
      const module = requireInstalled(await ctx.store.read(), id);
      if (module.enabled) return module;
      // MikoPBX checks a license on enable only when the module has a feature (lic_feature_id > 0).
      if (needsFeatureSeat(module)) {
        try {
          const key = await requireLicenseKey(ctx, id);
          await captureModuleFeature(await ctx.licensing(), key, { id, licProductId: module.licProductId ?? 0, licFeatureId: module.licFeatureId ?? 0 }, ctx);
        } catch (error) {
          // Every license refusal leaves the module disabled by license with the reason (SPEC §5).
          const why = error instanceof LicenseError ? error.serviceMessage : error instanceof ModuleError && error.code === 'license_key_missing' ? activeMessages().errors.license_key_missing_short().message : null;
          if (why !== null) await setState(ctx, id, { enabled: false, disabledReason: 'DisabledByLicense', disabledReasonText: why });
          throw error;
        }
      }
      return setState(ctx, id, { enabled: true, disabledReason: null, disabledReasonText: null });
    }, options),
  );
}

/** Disable a module by the administrator's choice (reason DisabledByUser). Its license seat stays bound. */
export function disableModule(ctx: ModuleContext, id: string, options: ModuleLockOptions = {}): Promise<InstalledModule> {
  return auditedModuleOperation(ctx.store, 'module.disable', id, () =>
    withModuleLock(ctx.dataDir, { operation: 'disable', moduleId: id }, async () => {
      await recoverInterruptedOperations(ctx);
      requireInstalled(await ctx.store.read(), id);
      return setState(ctx, id, { enabled: false, disabledReason: 'DisabledByUser', disabledReasonText: null });
    }, options),
  );
}

/**
 * Delete a module. Its `db/` settings go to `<dataDir>/kept-settings/<id>/db` unless
 * `keepSettings` is false, which also drops settings kept from earlier deletes. A paid
 * module's seat is given back to the license, best effort.
 */
export function removeModule(ctx: ModuleContext, id: string, options: RemoveOptions = {}): Promise<RemoveResult> {
  const keepSettings = options.keepSettings ?? true;
  return auditedModuleOperation(ctx.store, keepSettings ? 'module.remove' : 'module.remove-purge', id, () =>
    withModuleLock(ctx.dataDir, { operation: 'remove', moduleId: id }, async (lock) => {
      await recoverInterruptedOperations(ctx);
      const state = await ctx.store.read();
      const module = findModule(state, id);
      const moduleDir = moduleLayout.moduleDir(ctx.dataDir, id);
      const hadDir = await exists(moduleDir);
      if (!module && !hadDir) requireInstalled(state, id);

      const op = await beginOperation(ctx.dataDir, id);
      const journal = { kind: 'remove' as const, id, previous: module ?? null, hadDir, keepSettings };
      try {
        await writeJournal(op, journal);
        if (hadDir) await rename(moduleDir, op.oldDir);
        lock.assertHeld();
        await ctx.store.update((s) => restoreRecord(s, id, null));
      } catch (error) {
        await settleOperation(ctx, op).catch(() => undefined);
        throw error;
      }
      // Committed: the module is gone from the store. Its settings and files follow.
      await finishRemove(ctx.dataDir, op, journal);
      await rm(op.dir, { recursive: true, force: true }).catch(() => undefined);
      const settingsKept = keepSettings && (await exists(moduleLayout.keptDbDir(ctx.dataDir, id)));
      const seatReleased = module && needsFeatureSeat(module) ? await releaseSeat(ctx, module) : false;
      return { id, version: module?.version ?? 'unknown', settingsKept, seatReleased };
    }, options),
  );
}

async function releaseSeat(ctx: ModuleContext, module: InstalledModule): Promise<boolean> {
  try {
    const { settings } = await ctx.store.read();
    if (!settings.licenseKey || !module.licFeatureId) return false;
    const client = await ctx.licensing();
    return (await client.releaseFeature(settings.licenseKey, module.licFeatureId, settings.hostId)) > 0;
  } catch {
    // The seat lapses by itself 10 minutes after the last refresh.
    return false;
  }
}

export function requireInstalled(state: PbxState, id: string): InstalledModule {
  const module = findModule(state, id);
  if (!module) {
    const known = state.modules.map((m) => m.id);
    throw new ModuleError(reason('module_not_installed', { id, installed: known }));
  }
  return module;
}

async function setState(ctx: ModuleContext, id: string, change: Pick<InstalledModule, 'enabled' | 'disabledReason' | 'disabledReasonText'>): Promise<InstalledModule> {
  return ctx.store.update((s) => {
    const record = requireInstalled(s, id);
    Object.assign(record, change, { updatedAt: new Date().toISOString() });
    return { ...record };
  });
}
