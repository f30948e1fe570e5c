import { LicenseError } from '../domain/license-codes.js';
import { needsFeatureSeat } from '../domain/manifest.js';
import { ConnectionError } from '../licensing/errors.js';
import { auditDetail, auditFailure } from '../domain/audit-words.js';
import { appendAudit } from '../store/pbx-store.js';
import type { InstalledModule } from '../store/schema.js';
import type { ModuleContext } from './context.js';
import { activeMessages } from '../i18n/active.js';
import { ModuleBusyError } from './errors.js';
import { withModuleLock, type ModuleLockOptions } from './lock.js';
import { findModule, recoverInterruptedOperations } from './transaction.js';

export interface LicenseCheckResult {
  /** Enabled paid modules that were checked. */
  checked: string[];
  /** Modules disabled now with DisabledByLicense, and the service's reason. */
  disabled: Array<{ id: string; reason: string }>;
  /** The service could not be reached: nothing was changed (its silence proves nothing). */
  unreachable: string | null;
}

export interface CheckLicensesOptions extends ModuleLockOptions {
  /** Write an audit entry even when nothing changed. Default true; the hourly check passes false. */
  auditUnchanged?: boolean;
}

/**
 * Re-check the license of every enabled paid module (SPEC §3): a seat that lapsed (the PBX was
 * off) is captured again; a seat dropped in the session monitor is not, and when the seat is
 * dropped or the service refuses, the module is disabled with
 * reason DisabledByLicense and the service's message. Never enables anything.
 */
export function checkLicenses(ctx: ModuleContext, options: CheckLicensesOptions = {}): Promise<LicenseCheckResult> {
  return withModuleLock(ctx.dataDir, { operation: 'license check' }, async () => {
    await recoverInterruptedOperations(ctx);
    const state = await ctx.store.read();
    const paid = state.modules.filter((m) => m.enabled && needsFeatureSeat(m));
    const result: LicenseCheckResult = { checked: paid.map((m) => m.id), disabled: [], unreachable: null };
    let unreachable: ConnectionError | null = null;
    const key = state.settings.licenseKey;
    if (paid.length > 0 && !key) {
      result.disabled = paid.map((m) => ({ id: m.id, reason: activeMessages().errors.license_key_missing_short().message }));
    } else if (paid.length > 0 && key) {
      try {
        const client = await ctx.licensing();
        const host = await ctx.hostIdentity();
        for (const module of paid) {
          const reason = await verifySeat(module, async (featureId) => {
            const check = await client.checkFeature(key, featureId, host.hostId);
            // A seat the admin dropped stays dropped until the module is enabled again; a lapsed one is taken back.
            if (check.dropped) throw new LicenseError(2008, activeMessages().errors.module_binding_dropped().message);
            if (!check.held) await client.captureFeature(key, featureId, host);
          });
          if (reason !== null) result.disabled.push({ id: module.id, reason });
        }
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        result.unreachable = error.message;
        unreachable = error;
        result.disabled = [];
      }
    }
    const changed = result.disabled.length > 0;
    if (changed || options.auditUnchanged !== false || result.unreachable) {
      await ctx.store.update((s) => {
        for (const { id, reason } of result.disabled) {
          const record = findModule(s, id);
          if (!record || !record.enabled) continue;
          Object.assign(record, { enabled: false, disabledReason: 'DisabledByLicense', disabledReasonText: reason, updatedAt: new Date().toISOString() });
        }
        appendAudit(s, {
          action: 'module.license-check',
          outcome: result.unreachable ? 'failed' : 'ok',
          ...(unreachable ? auditFailure(unreachable) : changed ? auditDetail('disabledByLicense', { modules: result.disabled.map((d) => d.id).join(', ') }) : auditDetail('licensed', { count: result.checked.length })),
        });
      });
    }
    return result;
  }, options);
}

/** null when the seat is held (or captured again), else the service's reason. */
async function verifySeat(module: InstalledModule, check: (featureId: number) => Promise<void>): Promise<string | null> {
  try {
    await check(module.licFeatureId ?? 0);
    return null;
  } catch (error) {
    if (error instanceof LicenseError) return error.serviceMessage;
    throw error;
  }
}

export interface LicenseCheckSchedule {
  /** Default one hour (the vendor's period). */
  intervalMs?: number;
  /** Random extra delay up to this, so PBXs do not all ask at once. Default 5 minutes. */
  jitterMs?: number;
  /** Called after a check that disabled something. */
  onChange?: (result: LicenseCheckResult) => void;
  /** Called when a check failed (busy lock, store error); the schedule goes on. */
  onError?: (error: unknown) => void;
}

/** Run `checkLicenses` periodically for the console; returns `stop`. The timer never keeps the process alive. */
export function startLicenseChecks(ctx: ModuleContext, schedule: LicenseCheckSchedule = {}): () => void {
  const interval = schedule.intervalMs ?? 3_600_000;
  const jitter = schedule.jitterMs ?? 300_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const plan = (delay: number): void => {
    if (stopped) return;
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const run = async (): Promise<void> => {
    try {
      const result = await checkLicenses(ctx, { lockWaitMs: 0, auditUnchanged: false });
      if (result.disabled.length > 0) schedule.onChange?.(result);
      plan(interval + Math.random() * jitter);
    } catch (error) {
      schedule.onError?.(error);
      // Another operation was running: try again soon rather than in an hour.
      plan(error instanceof ModuleBusyError ? Math.min(60_000, interval) : interval + Math.random() * jitter);
    }
  };
  plan(interval + Math.random() * jitter);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
