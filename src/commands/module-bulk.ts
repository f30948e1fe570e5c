import type { Command } from 'commander';
import { ValidationError, describeError, errorToJson, reason } from '../domain/errors.js';
import { LicenseError } from '../domain/license-codes.js';
import { activeMessages } from '../i18n/active.js';
import type { BulkAction, BulkOptions, BulkOutcome } from '../modules/bulk.js';
import type { PbxContext } from '../pbx-context.js';
import { ErrorInContext, confirmOrRefuse, runCommandAction, type CommandOutput } from './output.js';
import { currentMessages } from '../i18n/catalogs.js';

/**
 * `pbxmod modules enable|disable|remove ID...`, `disable --all` and `restore`: several modules
 * in one command, each in turn; a failure on one is reported and the others go on; the exit
 * status is 1 when any failed.
 */
export function registerBulkModuleCommands(modules: Command): void {
  const t = currentMessages().cli;
  const words = t.modules;
  modules
    .command('enable')
    .description(words.enable.description)
    .argument('[ids...]', t.common.moduleIds)
    .action((ids: string[], _options: unknown, command: Command) => runCommandAction(command, (ctx) => bulkCommand(ctx, 'enable', ids)));

  modules
    .command('disable')
    .description(words.disable.description)
    .argument('[ids...]', t.common.moduleIds)
    .option('--all', words.disable.all)
    .action((ids: string[], options: { all?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        if (!options.all) return bulkCommand(ctx, 'disable', ids);
        if (ids.length > 0) throw new ValidationError(reason('bulk_all_with_ids'), 'all');
        return safeModeOutput(await (await import('../modules/safe-mode.js')).disableAllModules(ctx));
      }),
    );

  modules
    .command('restore')
    .description(words.restore.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => restoreOutput(await (await import('../modules/safe-mode.js')).restoreModules(ctx))),
    );

  modules
    .command('remove')
    .alias('delete')
    .description(words.remove.description)
    .argument('[ids...]', t.common.moduleIds)
    .option('--purge', words.remove.purge)
    .option('--yes', t.common.yes)
    .action((ids: string[], options: { purge?: boolean; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { requireInstalled } = await import('../modules/lifecycle.js');
        // With one id an unknown one is refused before the question, as before; with several it is reported on its line.
        if (ids.length === 1) requireInstalled(await ctx.store.read(), ids[0]!);
        if (ids.length > 0) await confirmOrRefuse(activeMessages().bulk.cli.removeQuestion(ids.join(', '), ids.length, options.purge === true), options.yes, '--yes');
        return bulkCommand(ctx, 'remove', ids, { keepSettings: !options.purge });
      }),
    );
}

/** One action on the given ids, in turn. One id: its failure is the command's error, as for a single module. */
export async function bulkCommand(ctx: PbxContext, action: BulkAction, ids: readonly string[], options: Omit<BulkOptions, 'onModule'> = {}): Promise<CommandOutput> {
  if (ids.length === 0) throw new ValidationError(reason('bulk_no_ids', { command: action }));
  const { runBulk } = await import('../modules/bulk.js');
  const outcomes = await runBulk(ctx, action, ids, options);
  const only = outcomes.length === 1 ? outcomes[0]! : null;
  if (only && !only.ok) throw singleFailure(action, only.id, only.error);
  return bulkOutput(outcomes, options.keepSettings === false);
}

/** An enable refused by the license says that the module stays disabled. */
function singleFailure(action: BulkAction, id: string, error: unknown): unknown {
  if (action === 'enable' && error instanceof LicenseError) return new ErrorInContext(error, { before: reason('module_stays_disabled', { id }) });
  return error;
}

/** A line per module (done, or why not), the count, and `--json` with each id's outcome; exit 1 when any failed. */
export function bulkOutput(outcomes: readonly BulkOutcome[], purged = false): CommandOutput {
  const c = activeMessages().bulk.cli;
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed > 0) process.exitCode = 1;
  const lines = outcomes.map((o) => (o.ok ? doneLine(o, purged) : c.failed(o.id, describeError(o.error).replace(/\n/g, ' '))));
  if (outcomes.length > 1) lines.push(c.summary(outcomes.length - failed, failed));
  const results = outcomes.map(outcomeJson);
  const single = outcomes.length === 1 && outcomes[0]!.ok ? singleJson(outcomes[0]!) : {};
  return { json: { ...(failed > 0 ? { ok: false } : {}), ...single, results, ...(purged ? { purged } : {}) }, text: lines.join('\n') };
}

function doneLine(o: Extract<BulkOutcome, { ok: true }>, purgedRun: boolean): string {
  const c = activeMessages().bulk.cli;
  if (o.removed) return [c.removed(o.id, o.removed.version), o.removed.settingsKept ? c.settingsKept : o.removed.settingsKept === false && purgedRun ? c.settingsPurged : null].filter(Boolean).join(' ');
  if (o.install) return o.install.action === 'unchanged' ? c.unchanged(o.id, o.install.module.version) : c.updated(o.id, o.install.previousVersion ?? '?', o.install.module.version);
  return o.module?.enabled ? c.enabled(o.id) : c.disabled(o.id);
}

/** Each id's outcome in `--json`. */
function outcomeJson(o: BulkOutcome): Record<string, unknown> {
  if (!o.ok) return { id: o.id, ok: false, error: errorToJson(o.error) };
  return { id: o.id, ok: true, ...(o.module ? { module: o.module } : {}), ...(o.install ? { result: o.install } : {}), ...(o.removed ? { removed: o.removed } : {}) };
}

/** With one id, the keys the single-module command has always printed (`module`, `removed`, `result`). */
function singleJson(o: Extract<BulkOutcome, { ok: true }>): Record<string, unknown> {
  if (o.removed) return { removed: o.removed };
  if (o.install) return { result: o.install };
  return { module: o.module };
}

function safeModeOutput(result: import('../modules/safe-mode.js').SafeModeResult): CommandOutput {
  const c = activeMessages().bulk.cli;
  const base = bulkOutput(result.outcomes);
  const disabled = result.outcomes.filter((o) => o.ok).map((o) => o.id);
  const lines = result.outcomes.length === 0 ? [c.safeModeNone] : [];
  if (disabled.length > 0) lines.push(c.safeModeDone(disabled.join(', ')));
  for (const o of result.outcomes) if (!o.ok) lines.push(c.failed(o.id, describeError(o.error).replace(/\n/g, ' ')));
  if (result.safeMode && result.safeMode.modules.join() !== disabled.join()) lines.push(c.safeModeRemembered(result.safeMode.modules.join(', ')));
  return { json: { ...base.json, safeMode: result.safeMode }, text: lines.join('\n') };
}

function restoreOutput(result: import('../modules/safe-mode.js').RestoreResult): CommandOutput {
  const c = activeMessages().bulk.cli;
  const base = bulkOutput(result.outcomes);
  const restored = result.outcomes.filter((o) => o.ok).map((o) => o.id);
  const lines: string[] = [];
  if (result.outcomes.length === 0 && result.gone.length === 0) lines.push(c.restoreNone);
  if (restored.length > 0) lines.push(c.restoreDone(restored.join(', ')));
  for (const o of result.outcomes) if (!o.ok) lines.push(c.failed(o.id, describeError(o.error).replace(/\n/g, ' ')));
  if (result.gone.length > 0) lines.push(c.restoreGone(result.gone.join(', ')));
  if (result.safeMode) lines.push(c.restoreLeft(result.safeMode.modules.join(', ')));
  return { json: { ...base.json, gone: result.gone, safeMode: result.safeMode }, text: lines.join('\n') };
}
