import type { Command } from 'commander';
import { ValidationError, describeError, errorToJson, reason } from '../domain/errors.js';
import type { InstalledModule } from '../store/schema.js';
import type { ModuleProgress, ProgressCallback } from '../modules/context.js';
import type { InstallResult, UpdateAllResult } from '../modules/install.js';
import type { LicenseCheckResult } from '../modules/license-check.js';
import { bulkCommand, registerBulkModuleCommands } from './module-bulk.js';
import { confirmMarketplaceInstall, confirmRollback, confirmUpdateAll } from './module-confirmations.js';
import { confirmOrRefuse, forTerminal, runCommandAction } from './output.js';
import { formatTable, tableFitOf, type TableFit } from './text-table.js';
import { activeMessages } from '../i18n/active.js';

/** `pbxmod modules ...`: the Modules section without the console. */
export function registerModulesCommands(program: Command): void {
  const modules = program.command('modules').description('installed modules and the module marketplace');

  modules
    .command('list')
    .description('installed modules')
    .option('--updates', 'also ask the marketplace which modules have a newer release')
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
          return { json: { modules: [] }, text: 'No module is installed.\nSee what the marketplace offers with `pbxmod modules available`; paid modules need a license key (`pbxmod license register`).' };
        }
        const text = table(
          ['ID', 'VERSION', 'STATE', 'NAME'],
          rows.map((m) => [m.id, m.latestVersion ? `${m.version} -> ${m.latestVersion}` : m.version, stateOf(m), m.name]),
          tableFitOf(globals),
        );
        if (updatesError === null) return { json: { modules: rows }, text };
        process.stderr.write(forTerminal(`${activeMessages().bulk.cli.updatesUnknown(describeError(updatesError).replace(/\n/g, ' '))}\n`));
        return { json: { modules: rows, updatesError: errorToJson(updatesError) }, text };
      }),
    );

  modules
    .command('available')
    .description('modules the marketplace offers for this PBX version')
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx, globals) => {
        const [{ listAvailable }, { formatBytes }] = await Promise.all([import('../modules/catalog.js'), import('../modules/archive.js')]);
        const available = await listAvailable(ctx);
        if (available.length === 0) return { json: { modules: [] }, text: 'The marketplace offers no module for this PBX version.' };
        const text = table(
          ['ID', 'VERSION', 'LICENSE', 'SIZE', 'INSTALLED', 'NAME'],
          available.map((m) => [m.id, m.version, m.free ? 'free' : 'paid', formatBytes(m.size), m.installedVersion ? `${m.installedVersion}${m.updateAvailable ? ' (update)' : ''}` : '-', m.name]),
          tableFitOf(globals),
        );
        return { json: { modules: available }, text };
      }),
    );

  modules
    .command('info')
    .description('a module: description, releases with changelog, EULA')
    .argument('<id>', 'module id, e.g. ModuleBackup')
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ moduleInfo }, { formatBytes }] = await Promise.all([import('../modules/catalog.js'), import('../modules/archive.js')]);
        const info = await moduleInfo(ctx, id);
        const d = info.details;
        const lines = [`${d?.name ?? info.installed?.name ?? id} (${id})`];
        if (d) lines.push(`  ${d.description}`, `  Developer ${d.developer} <${d.supportEmail}>, ${d.free ? 'free' : `paid (product ${d.licProductId}, feature ${d.licFeatureId})`}`);
        lines.push(`  Installed: ${info.installed ? `${info.installed.version}, ${stateOf(info.installed)}` : 'no'}${info.updateAvailable ? ` — update to ${d?.version} available` : ''}`);
        if (d) {
          lines.push('', 'Releases:');
          for (const r of d.releases) {
            lines.push(`  ${r.version}  ${r.date}  ${formatBytes(r.size)}  needs MikoPBX ${r.minPbxVersion}`);
            for (const change of r.changelog.split('\n').filter(Boolean)) lines.push(`      - ${change}`);
          }
          if (d.eula) lines.push('', 'EULA:', d.eula);
        } else {
          lines.push('', 'The marketplace has no release of it for this PBX version.');
        }
        return { json: { module: info }, text: lines.join('\n') };
      }),
    );

  modules
    .command('install')
    .description('install a module from the marketplace, or from a zip file with --file')
    .argument('[id]', 'module id from `pbxmod modules available`')
    .option('--release <version>', 'release to install (default the newest this PBX can run)')
    .option('--file <path>', 'install from a module zip on this PBX\'s disk')
    .option('--yes', 'do not ask (a paid module\'s trial, a license agreement to accept)')
    .action((id: string | undefined, options: { release?: string; file?: string; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ installFromFile, installFromMarketplace }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/archive.js')]);
        if (options.file !== undefined) {
          if (id !== undefined || options.release !== undefined) throw new ValidationError('Give either a module id or --file, not both (a file brings its own release).', 'Example: pbxmod modules install --file /tmp/ModuleBackup.zip');
        } else {
          if (id === undefined) throw new ValidationError('Which module? Give its id, or --file PATH.', 'Example: pbxmod modules install ModuleBackup (see `pbxmod modules available`).');
          await confirmMarketplaceInstall(ctx, id, options.release, options.yes);
        }
        const progress = progressOnTerminal(formatBytes);
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
    .description('update modules (or roll one back with --release), or every module with --all')
    .argument('[ids...]', 'module ids')
    .option('--release <version>', 'release to go to: newer, or older to roll back (one module)')
    .option('--all', 'update every module the marketplace has a newer release of')
    .option('--yes', 'do not ask (a roll back, the list of --all)')
    .action((ids: string[], options: { release?: string; all?: boolean; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ updateAll, updateModule }, { checkUpdates }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/catalog.js'), import('../modules/archive.js')]);
        if (options.all) {
          if (ids.length > 0 || options.release !== undefined) throw new ValidationError('--all updates every module to its newest release; give no id or --release with it.');
          await confirmUpdateAll(await checkUpdates(ctx), options.yes);
        } else if (ids.length === 0) {
          throw new ValidationError('Which module? Give its id, or --all.', 'Example: pbxmod modules update ModuleBackup');
        } else if (ids.length > 1 && options.release !== undefined) {
          throw new ValidationError(reason('bulk_release_with_ids'));
        } else {
          await confirmRollback(ctx, ids[0]!, options.release, options.yes);
        }
        const progress = progressOnTerminal(formatBytes);
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
  const license = program.commands.find((c) => c.name() === 'license') ?? program.command('license').description('marketplace registration, license key and coupons');
  license
    .command('check')
    .description('re-check the licenses of enabled paid modules now; disables those without one (for cron)')
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { checkLicenses } = await import('../modules/license-check.js');
        const result = await checkLicenses(ctx);
        if (result.unreachable) process.exitCode = 1;
        return { json: { ...result }, text: licenseCheckText(result) };
      }),
    );
}

function licenseCheckText(result: LicenseCheckResult): string {
  if (result.unreachable) return `Licenses were not checked: ${result.unreachable}\nNo module was changed; the check runs again later.`;
  if (result.checked.length === 0) return 'No enabled paid module: nothing to check.';
  const lines = [`Checked ${result.checked.length} enabled paid module(s).`];
  for (const { id, reason } of result.disabled) lines.push(`  ${id} disabled (DisabledByLicense): ${reason}`);
  if (result.disabled.length === 0) lines.push('  All licensed.');
  return lines.join('\n');
}

function installOutput(result: InstallResult): { json: Record<string, unknown>; text: string } {
  const m = result.module;
  const lines: string[] = [];
  if (result.action === 'unchanged') lines.push(`${m.id} ${m.version} is installed already; nothing to do.`);
  else if (result.action === 'installed') lines.push(`${m.id} ${m.version} installed (disabled; enable it with \`pbxmod modules enable ${m.id}\`).`);
  else lines.push(`${m.id} updated from ${result.previousVersion} to ${m.version}; ${m.enabled ? 'enabled' : 'disabled'}, settings kept.`);
  if (result.settingsRestored) lines.push('Settings kept from an earlier delete were restored.');
  if (result.licenseProblem) lines.push(`It stays disabled (DisabledByLicense): ${result.licenseProblem}`);
  return { json: { result }, text: lines.join('\n') };
}

function updateAllOutput(results: UpdateAllResult[]): { json: Record<string, unknown>; text: string } {
  if (results.some((r) => !r.ok)) process.exitCode = 1;
  const json = { results: results.map((r) => ({ id: r.id, from: r.from, to: r.to, ok: r.ok, ...(r.result ? { module: r.result.module } : {}), ...(r.ok ? {} : { error: errorToJson(r.error) }) })) };
  if (results.length === 0) return { json, text: 'Every installed module is up to date.' };
  const lines = results.map((r) => (r.ok ? `${r.id}: ${r.from} -> ${r.to}` : `${r.id}: ${r.from} -> ${r.to} FAILED: ${describeError(r.error).replace(/\n/g, ' ')}`));
  const changed = results.filter((r) => r.ok).map((r) => `${r.id} ${r.to}`);
  const failed = results.filter((r) => !r.ok).map((r) => r.id);
  lines.push(activeMessages().bulk.confirmUpdateAll.result(changed.join(', '), failed.join(', ')));
  return { json, text: lines.join('\n') };
}

function stateOf(m: InstalledModule): string {
  if (m.enabled) return 'enabled';
  if (m.disabledReason === 'DisabledByLicense') return `disabled: license${m.disabledReasonText ? ` (${m.disabledReasonText})` : ''}`;
  if (m.disabledReason === 'DisabledByException') return 'disabled: error';
  if (m.disabledReason === 'DisabledByCrashLoop') return 'disabled: crash loop';
  return 'disabled';
}

/** The id and version stay whole as long as the state and name can give way. */
function table(header: string[], rows: string[][], fit: TableFit): string {
  return formatTable({ header, rows, keep: [0, 1] }, fit);
}

const STAGE_LABELS: Record<ModuleProgress['stage'], string> = {
  license: 'Checking the license',
  link: 'Getting the download link',
  download: 'Downloading',
  verify: 'Verifying',
  extract: 'Unpacking',
  install: 'Installing',
};

/**
 * A one-line progress display on stderr, only when stderr is a terminal. `formatBytes` comes
 * from the action's lazy import of archive.ts (it brings yauzl, which most commands never need).
 */
function progressOnTerminal(formatBytes: typeof import('../modules/archive.js').formatBytes): { options: { onProgress?: ProgressCallback }; done: () => void } {
  if (!process.stderr.isTTY) return { options: {}, done: () => undefined };
  let shown = false;
  const onProgress: ProgressCallback = (p) => {
    const label = STAGE_LABELS[p.stage];
    const amount = p.total ? ` ${Math.floor(((p.bytes ?? 0) / p.total) * 100)}% (${formatBytes(p.bytes ?? 0)} of ${formatBytes(p.total)})` : '';
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
