import { useMemo, useSyncExternalStore } from 'react';
import { PbxmodError, reason } from '../../../domain/errors.js';
import { isPaidModule } from '../../../domain/manifest.js';
import { compareVersions } from '../../../domain/version.js';
import { useMessages } from '../../../i18n/index.js';
import {
  checkLicenses,
  checkUpdates,
  disableAllModules,
  disableModule,
  failedOutcomes,
  moduleInfo,
  restoreModules,
  runBulk,
  type BulkAction,
  type BulkOutcome,
  enableModule,
  installFromFile,
  installFromMarketplace,
  ModuleBusyError,
  removeModule,
  updateAll,
  updateModule,
  type InstallResult,
  type ModuleProgress,
} from '../../../modules/index.js';
import type { InstalledModule } from '../../../store/schema.js';
import { useConfirm } from '../../components/confirm/index.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole } from '../../console-context.js';
import { bulkQuestion, installQuestion, restoreQuestion, rollbackQuestion, safeModeQuestion, updateAllQuestion, type BulkModule } from './bulk-confirmations.js';
import { operationTrackerFor, type OperationKind, type OperationsSnapshot } from './operation-tracker.js';

/** What the module lock calls each operation: the refusal's catalog entry puts it in words. */
const LOCK_OPERATIONS: Record<OperationKind, string> = {
  install: 'install',
  update: 'update',
  'update-all': 'update all',
  'install-file': 'install from file',
  enable: 'enable',
  disable: 'disable',
  remove: 'remove',
  'license-check': 'license check',
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Step<T> {
  kind: OperationKind;
  moduleId: string | null;
  target: string | null;
  task: (onProgress: (progress: ModuleProgress) => void) => Promise<T>;
  /** Failures that belong on other rows than `moduleId` (update all). */
  failures?: (value: T) => Array<{ moduleId: string; error: unknown }>;
}

export interface ModuleActions {
  snapshot: OperationsSnapshot;
  toggle(module: InstalledModule): Promise<void>;
  install(id: string, release?: string): Promise<void>;
  update(id: string, release?: string): Promise<void>;
  updateAll(): Promise<void>;
  remove(module: InstalledModule): Promise<void>;
  /** Rejects with the failure or refusal, for the path form to show it. */
  installFile(path: string): Promise<InstallResult>;
  checkLicenses(): Promise<void>;
  /** One action on several modules: one confirmation listing them, one progress line; a failure stays on its row. */
  bulk(action: BulkAction, modules: readonly BulkModule[]): Promise<readonly BulkOutcome[] | null>;
  /** Safe mode: disable every enabled module and remember them (confirmed first). */
  safeMode(): Promise<void>;
  /** Enable again exactly what safe mode remembers (confirmed first). */
  restore(): Promise<void>;
}

/**
 * The screen's actions: each one calls the shared module operation, with the progress and the
 * outcome going to the tracker (rows, progress line), a toast, and `storeChanged()`. One
 * operation at a time: a second one is refused with the module lock's own message. In
 * `--readonly` every action is refused.
 */
/** `room`: lines the screen has, so that a question listing modules fits them. */
export function useModuleActions(room = Infinity): ModuleActions {
  const { pbx, readonly, storeChanged } = useConsole();
  const toast = useToast();
  const confirm = useConfirm();
  const messages = useMessages();
  const m = messages.screens.modules;
  const b = messages.bulk.screen;
  const tracker = operationTrackerFor(pbx);
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);

  const actions = useMemo(() => {
    /** Refuse when read-only or busy: the refusal, shown as a toast (and on the row), or null to go ahead. */
    const refusal = (moduleId: string | null): PbxmodError | null => {
      let refused: PbxmodError | null = null;
      const running = tracker.getSnapshot().running;
      if (readonly) refused = new PbxmodError('readonly', reason('console_readonly'));
      else if (running) {
        refused = new ModuleBusyError({ operation: LOCK_OPERATIONS[running.kind], ...(running.moduleId ? { moduleId: running.moduleId } : {}), pid: process.pid, since: running.since });
        if (moduleId) tracker.fail(moduleId, refused);
      }
      if (refused) toast.error(refused.message);
      return refused;
    };

    const run = async <T>(step: Step<T>): Promise<Outcome<T>> => {
      const refused = refusal(step.moduleId);
      if (refused) return { ok: false, error: refused };
      tracker.begin(step.kind, step.moduleId, step.target);
      try {
        const value = await step.task((progress) => tracker.progress(progress));
        tracker.end(step.failures?.(value) ?? []);
        return { ok: true, value };
      } catch (error) {
        tracker.end(step.moduleId ? [{ moduleId: step.moduleId, error }] : []);
        toast.error(error instanceof Error ? error.message : String(error));
        return { ok: false, error };
      } finally {
        storeChanged();
      }
    };

    /** A run over several modules: one tracked operation whose progress line names the module in hand. */
    const runBatch = async <T>(kind: OperationKind, ids: readonly string[], task: (onModule: (id: string, index: number, total: number) => void, onProgress: (progress: ModuleProgress) => void) => Promise<T>, outcomesOf: (value: T) => readonly BulkOutcome[]): Promise<Outcome<T>> => {
      const refused = refusal(null);
      if (refused) return { ok: false, error: refused };
      tracker.beginBatch(kind, ids);
      try {
        const value = await task(
          (id, index, total) => {
            tracker.step(id, index, total);
            // The rows done so far show their new state while the run goes on.
            if (index > 0) storeChanged();
          },
          (progress) => tracker.progress(progress),
        );
        tracker.end(failedOutcomes(outcomesOf(value)).map((o) => ({ moduleId: o.id, error: o.error })));
        return { ok: true, value };
      } catch (error) {
        tracker.end([]);
        toast.error(error instanceof Error ? error.message : String(error));
        return { ok: false, error };
      } finally {
        storeChanged();
      }
    };

    const announceBatch = (outcomes: readonly BulkOutcome[], text: (ok: number, failed: number) => string) => {
      const failed = failedOutcomes(outcomes).length;
      if (failed > 0) toast.error(text(outcomes.length - failed, failed));
      else toast.success(text(outcomes.length, 0));
    };

    const announceInstall = (result: InstallResult) => {
      const { module } = result;
      const main =
        result.action === 'unchanged'
          ? m.done.unchanged(module.id, module.version)
          : result.action === 'installed'
            ? m.done.installed(module.id, module.version)
            : m.done.updated(module.id, result.previousVersion ?? '?', module.version);
      const extra = [result.settingsRestored ? m.done.settingsRestored : null, result.licenseProblem ? m.done.licenseProblem(result.licenseProblem) : null].filter(Boolean);
      if (result.licenseProblem) toast.error([main, ...extra].join(' '));
      else toast.success([main, ...extra].join(' '));
    };

    return {
      async toggle(module: InstalledModule) {
        const kind = module.enabled ? 'disable' : 'enable';
        const outcome = await run({
          kind,
          moduleId: module.id,
          target: null,
          task: () => (module.enabled ? disableModule(pbx, module.id) : enableModule(pbx, module.id)),
        });
        if (outcome.ok) toast.success(outcome.value.enabled ? m.done.enabled(module.id) : m.done.disabled(module.id));
      },

      async install(id: string, release?: string) {
        if (refusal(id)) return;
        // A paid module's trial and a license agreement are said first; without the service the install says why it cannot go.
        const details = await moduleInfo(pbx, id).then((info) => info.details, () => null);
        const keyless = !(await pbx.store.read()).settings.licenseKey;
        // A paid module without a license key is refused by the install itself, with what to do.
        const question = details && !(keyless && isPaidModule(details)) ? installQuestion(messages, details, release, room) : null;
        if (question && !(await confirm(question)).confirmed) return;
        const outcome = await run({
          kind: 'install',
          moduleId: id,
          target: release ?? null,
          task: (onProgress) => installFromMarketplace(pbx, id, { onProgress, ...(release ? { release } : {}) }),
        });
        if (outcome.ok) announceInstall(outcome.value);
      },

      async update(id: string, release?: string) {
        if (refusal(id)) return;
        const installed = release === undefined ? undefined : (await pbx.store.read()).modules.find((module) => module.id === id);
        if (installed && release !== undefined && compareVersions(release, installed.version) < 0 && !(await confirm(rollbackQuestion(messages, installed, release))).confirmed) return;
        const outcome = await run({
          kind: 'update',
          moduleId: id,
          target: release ?? null,
          task: (onProgress) => updateModule(pbx, id, { onProgress, ...(release ? { release } : {}) }),
        });
        if (outcome.ok) announceInstall(outcome.value);
      },

      async updateAll() {
        if (refusal(null)) return;
        let plan;
        try {
          plan = await checkUpdates(pbx);
        } catch (error) {
          toast.error(error instanceof Error ? error.message : String(error));
          return;
        }
        if (plan.length === 0) {
          toast.info(m.done.updateAllNone);
          return;
        }
        if (!(await confirm(updateAllQuestion(messages, plan, room))).confirmed) return;
        const outcome = await run({
          kind: 'update-all',
          moduleId: null,
          target: null,
          task: (onProgress) => updateAll(pbx, { onProgress }),
          failures: (results) => results.filter((r) => !r.ok).map((r) => ({ moduleId: r.id, error: r.error })),
        });
        if (!outcome.ok) return;
        const results = outcome.value;
        const changed = results.filter((r) => r.ok).map((r) => `${r.id} ${r.from} -> ${r.to}`).join(', ');
        const failed = results.filter((r) => !r.ok).map((r) => r.id).join(', ');
        const said = messages.bulk.confirmUpdateAll.result(changed, failed);
        if (results.length === 0) toast.info(m.done.updateAllNone);
        else if (failed) toast.error(said);
        else toast.success(said);
      },

      async remove(module: InstalledModule) {
        if (refusal(module.id)) return;
        const answer = await confirm({
          title: m.confirmDelete.title(module.name, module.id),
          message: m.confirmDelete.message(module.version),
          warnings: [module.enabled ? m.confirmDelete.enabledWarning : null, isPaidModule(module) ? m.confirmDelete.paidWarning : null].filter((w): w is string => w !== null),
          option: { label: m.confirmDelete.keepSettings, defaultChecked: true, notes: [m.confirmDelete.keepSettingsNote, m.confirmDelete.purgeSettingsNote] },
          confirmLabel: m.confirmDelete.confirmLabel,
        });
        if (!answer.confirmed) return;
        const outcome = await run({
          kind: 'remove',
          moduleId: module.id,
          target: null,
          task: () => removeModule(pbx, module.id, { keepSettings: answer.optionChecked }),
        });
        if (outcome.ok) toast.success(outcome.value.settingsKept ? m.done.removedKept(module.id, outcome.value.version) : m.done.removed(module.id, outcome.value.version));
      },

      async installFile(path: string) {
        const outcome = await run({
          kind: 'install-file',
          moduleId: null,
          target: path,
          task: (onProgress) => installFromFile(pbx, path, { onProgress }),
        });
        if (!outcome.ok) throw outcome.error;
        announceInstall(outcome.value);
        return outcome.value;
      },

      async checkLicenses() {
        const outcome = await run({ kind: 'license-check', moduleId: null, target: null, task: () => checkLicenses(pbx) });
        if (!outcome.ok) return;
        const result = outcome.value;
        if (result.unreachable) toast.error(m.done.licensesUnreachable(result.unreachable));
        else if (result.disabled.length > 0) toast.error(m.done.licensesDisabled(result.disabled.map((d) => d.id).join(', ')));
        else if (result.checked.length === 0) toast.info(m.done.licensesNone);
        else toast.success(m.done.licensesOk(result.checked.length));
      },

      async bulk(action: BulkAction, modules: readonly BulkModule[]) {
        if (modules.length === 0 || refusal(null)) return null;
        const answer = await confirm(bulkQuestion(messages, action, modules, room));
        if (!answer.confirmed) return null;
        const ids = modules.map((module) => module.id);
        const outcome = await runBatch(
          action,
          ids,
          (onModule, onProgress) => runBulk(pbx, action, ids, { onModule, onProgress, keepSettings: answer.optionChecked }),
          (outcomes) => outcomes,
        );
        if (!outcome.ok) return null;
        announceBatch(outcome.value, (ok, failed) => b.done(action, ok, failed));
        return outcome.value;
      },

      async safeMode() {
        if (refusal(null)) return;
        const enabled = (await pbx.store.read()).modules.filter((module) => module.enabled);
        if (enabled.length === 0) {
          toast.info(b.safeModeConfirm.none);
          return;
        }
        if (!(await confirm(safeModeQuestion(messages, enabled, room))).confirmed) return;
        const outcome = await runBatch('disable', enabled.map((module) => module.id), (onModule) => disableAllModules(pbx, { onModule }), (result) => result.outcomes);
        if (outcome.ok) announceBatch(outcome.value.outcomes, b.safeModeDone);
      },

      async restore() {
        if (refusal(null)) return;
        const state = await pbx.store.read();
        const remembered = state.settings.safeMode?.modules ?? [];
        if (remembered.length === 0) {
          toast.info(b.restoreConfirm.none);
          return;
        }
        if (!(await confirm(restoreQuestion(messages, remembered, state.modules, room))).confirmed) return;
        const outcome = await runBatch('enable', remembered, (onModule) => restoreModules(pbx, { onModule }), (result) => result.outcomes);
        if (outcome.ok) announceBatch(outcome.value.outcomes, b.restoreDone);
      },
    };
  }, [pbx, readonly, storeChanged, toast, confirm, messages, m, b, tracker, room]);

  return { snapshot, ...actions };
}
