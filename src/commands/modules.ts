import type { Command } from 'commander';
import { ValidationError, describeError, errorToJson, reason } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
import { LicenseError } from '../domain/license-codes.js';
import type { InstalledModule } from '../store/schema.js';
import type { ProgressCallback } from '../modules/context.js';
import type { InstallResult, UpdateAllResult } from '../modules/install.js';
import type { LicenseCheckResult } from '../modules/license-check.js';
import { bulkCommand, registerBulkModuleCommands } from './module-bulk.js';
import { confirmMarketplaceInstall, confirmRollback, confirmUpdateAll } from './module-confirmations.js';
import { confirmOrRefuse, forTerminal, runCommandAction } from './output.js';
import { formatTable, tableFitOf, type TableFit } from './text-table.js';
import { activeMessages } from '../i18n/active.js';

type Words = Messages['cli'];

/** `pbxmod modules ...`: the Modules section without the console. */
export function registerModulesCommands(program: Command): void {
  const t = currentMessages().cli;
  const words = t.modules;
  const modules = program.command('modules').description(words.description);

  modules
    .command('list')
    .description(words.list.description)
    .option('--updates', words.list.updates)
    .action((options: { updates?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx, globals) => {
        const { listInstalled, checkUpdates } = await import('../modules/catalog.js');
        const installed = await listInstalled(ctx);
        // The list comes from the store: a licensing service that cannot be reached only loses the update column.
        let updatesError: unknown = null;
        const updates = new Map<string, string>();
        if (options.updates) {
          try {
            for (const u of await checkUpdates(ctx)) updates.set(u.id, u.latestVersion);
          } catch (error) {
            updatesError = error;
          }
        }
        const rows = installed.map((m) => ({ ...m, latestVersion: updates.get(m.id) ?? null }));
        if (rows.length === 0) {
          return { json: { modules: [] }, text: words.list.empty };
        }
        const text = table(
          words.list.header,
          rows.map((m) => [m.id, m.latestVersion ? `${m.version} -> ${m.latestVersion}` : m.version, stateOf(m, t), m.name]),
          tableFitOf(globals),
        );
        if (updatesError === null) return { json: { modules: rows }, text };
        process.stderr.write(forTerminal(`${activeMessages().bulk.cli.updatesUnknown(describeError(updatesError).replace(/\n/g, ' '))}\n`));
        return { json: { modules: rows, updatesError: errorToJson(updatesError) }, text };
      }),
    );

  modules
    .command('available')
    .description(words.available.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx, globals) => {
        const [{ listAvailable }, { formatBytes }] = await Promise.all([import('../modules/catalog.js'), import('../modules/archive.js')]);
        const available = await listAvailable(ctx);
        const a = words.available;
        if (available.length === 0) return { json: { modules: [] }, text: a.empty };
        const text = table(
          a.header,
          available.map((m) => [m.id, m.version, m.free ? a.free : a.paid, formatBytes(m.size), m.installedVersion ? `${m.installedVersion}${m.updateAvailable ? a.update : ''}` : '-', m.name]),
          tableFitOf(globals),
        );
        return { json: { modules: available }, text };
      }),
    );

  modules
    .command('info')
    .description(words.info.description)
    .argument('<id>', words.info.id)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ moduleInfo }, { formatBytes }] = await Promise.all([import('../modules/catalog.js'), import('../modules/archive.js')]);
        const info = await moduleInfo(ctx, id);
        const d = info.details;
        const w = words.info;
        const lines = [`${d?.name ?? info.installed?.name ?? id} (${id})`];
        if (d) lines.push(`  ${d.description}`, w.developer(d.developer, d.supportEmail, d.free ? w.free : w.paid(d.licProductId, d.licFeatureId)));
        lines.push(`${w.installed(info.installed ? `${info.installed.version}, ${stateOf(info.installed, t)}` : null)}${info.updateAvailable ? w.updateAvailable(d?.version ?? '') : ''}`);
        if (d) {
          lines.push('', w.releases);
          for (const r of d.releases) {
            lines.push(w.release(r.version, r.date, formatBytes(r.size), r.minPbxVersion));
            for (const change of r.changelog.split('\n').filter(Boolean)) lines.push(`      - ${change}`);
          }
          if (d.eula) lines.push('', w.eula, d.eula);
        } else {
          lines.push('', w.noRelease);
        }
        return { json: { module: info }, text: lines.join('\n') };
      }),
    );

  modules
    .command('install')
    .description(words.install.description)
    .argument('[id]', words.install.id)
    .option('--release <version>', words.install.release)
    .option('--file <path>', words.install.file)
    .option('--yes', words.install.yes)
    .action((id: string | undefined, options: { release?: string; file?: string; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ installFromFile, installFromMarketplace }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/archive.js')]);
        if (options.file !== undefined) {
          if (id !== undefined || options.release !== undefined) throw new ValidationError(reason('module_id_and_file'), 'file');
        } else {
          if (id === undefined) throw new ValidationError(reason('module_id_missing_install'), 'id');
          await confirmMarketplaceInstall(ctx, id, options.release, options.yes);
        }
        const progress = progressOnTerminal(formatBytes, t);
        try {
          if (options.file !== undefined) return installOutput(await installFromFile(ctx, options.file, progress.options));
          return installOutput(await installFromMarketplace(ctx, id!, { ...progress.options, ...(options.release ? { release: options.release } : {}) }));
        } finally {
          progress.done();
        }
      }),
    );

  modules
    .command('update')
    .description(words.update.description)
    .argument('[ids...]', t.common.moduleIds)
    .option('--release <version>', words.update.release)
    .option('--all', words.update.all)
    .option('--yes', words.update.yes)
    .action((ids: string[], options: { release?: string; all?: boolean; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ updateAll, updateModule }, { checkUpdates }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/catalog.js'), import('../modules/archive.js')]);
        if (options.all) {
          if (ids.length > 0 || options.release !== undefined) throw new ValidationError(reason('update_all_with_id'), 'all');
          await confirmUpdateAll(await checkUpdates(ctx), options.yes);
        } else if (ids.length === 0) {
          throw new ValidationError(reason('module_id_missing_update'), 'id');
        } else if (ids.length > 1 && options.release !== undefined) {
          throw new ValidationError(reason('bulk_release_with_ids'), 'release');
        } else {
          await confirmRollback(ctx, ids[0]!, options.release, options.yes);
        }
        const progress = progressOnTerminal(formatBytes, t);
        try {
          if (options.all) return updateAllOutput(await updateAll(ctx, progress.options));
          if (ids.length > 1) return await bulkCommand(ctx, 'update', ids, progress.options);
          return installOutput(await updateModule(ctx, ids[0]!, { ...progress.options, ...(options.release ? { release: options.release } : {}) }));
        } finally {
          progress.done();
        }
      }),
    );

  registerBulkModuleCommands(modules);
}

/** `pbxmod license check`: re-check the licenses of enabled paid modules now (for cron). */
export function registerLicenseCheckCommand(program: Command): void {
  const t = currentMessages().cli;
  const license = program.commands.find((c) => c.name() === 'license') ?? program.command('license').description(t.license.description);
  license
    .command('check')
    .description(t.license.check.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { checkLicenses } = await import('../modules/license-check.js');
        const result = await checkLicenses(ctx);
        if (result.unreachable) process.exitCode = 1;
        return { json: { ...result }, text: licenseCheckText(result, t) };
      }),
    );
}

function licenseCheckText(result: LicenseCheckResult, t: Words): string {
  const words = t.license.check;
  if (result.unreachable) return words.unreachable(result.unreachable);
  if (result.checked.length === 0) return words.nothing;
  const lines = [words.checked(result.checked.length)];
  for (const { id, reason: why } of result.disabled) lines.push(words.disabled(id, why));
  if (result.disabled.length === 0) lines.push(words.allLicensed);
  return lines.join('\n');
}

function installOutput(result: InstallResult): { json: Record<string, unknown>; text: string } {
  const words = currentMessages().cli.modules.result;
  const m = result.module;
  const lines: string[] = [];
  if (result.action === 'unchanged') lines.push(words.unchanged(m.id, m.version));
  else if (result.action === 'installed') lines.push(words.installed(m.id, m.version));
  else lines.push(words.updated(m.id, result.previousVersion ?? '', m.version, m.enabled));
  if (result.settingsRestored) lines.push(words.settingsRestored);
  if (result.licenseProblem) lines.push(words.disabledByLicense(result.licenseProblem));
  return { json: { result }, text: lines.join('\n') };
}

function updateAllOutput(results: UpdateAllResult[]): { json: Record<string, unknown>; text: string } {
  const words = currentMessages().cli.modules.update;
  if (results.some((r) => !r.ok)) process.exitCode = 1;
  const json = { results: results.map((r) => ({ id: r.id, from: r.from, to: r.to, ok: r.ok, ...(r.result ? { module: r.result.module } : {}), ...(r.ok ? {} : { error: errorToJson(r.error) }) })) };
  if (results.length === 0) return { json, text: words.upToDate };
  const lines = results.map((r) => (r.ok ? words.done(r.id, r.from, r.to) : words.failed(r.id, r.from, r.to, describeError(r.error).replace(/\n/g, ' '))));
  const changed = results.filter((r) => r.ok).map((r) => `${r.id} ${r.to}`);
  const failed = results.filter((r) => !r.ok).map((r) => r.id);
  lines.push(activeMessages().bulk.confirmUpdateAll.result(changed.join(', '), failed.join(', ')));
  return { json, text: lines.join('\n') };
}

function stateOf(m: InstalledModule, t: Words): string {
  const words = t.modules.state;
  if (m.enabled) return words.enabled;
  if (m.disabledReason === 'DisabledByLicense') return words.license(m.disabledReasonText ?? null);
  if (m.disabledReason === 'DisabledByException') return words.error;
  if (m.disabledReason === 'DisabledByCrashLoop') return words.crashLoop;
  return words.disabled;
}

/** The id and version stay whole as long as the state and name can give way. */
function table(header: readonly string[], rows: string[][], fit: TableFit): string {
  return formatTable({ header: [...header], rows, keep: [0, 1] }, fit);
}

/**
 * A one-line progress display on stderr, only when stderr is a terminal. `formatBytes` comes
 * from the action's lazy import of archive.ts (it brings yauzl, which most commands never need).
 */
function progressOnTerminal(formatBytes: typeof import('../modules/archive.js').formatBytes, t: Words): { options: { onProgress?: ProgressCallback }; done: () => void } {
  if (!process.stderr.isTTY) return { options: {}, done: () => undefined };
  const stages = currentMessages().screens.modules.stage;
  let shown = false;
  const onProgress: ProgressCallback = (p) => {
    const label = stages[p.stage];
    const amount = p.total ? t.modules.progress(Math.floor(((p.bytes ?? 0) / p.total) * 100), formatBytes(p.bytes ?? 0), formatBytes(p.total)) : '';
    process.stderr.write(`\r\x1b[2K${label}${amount}`);
    shown = true;
  };
  return {
    options: { onProgress },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
