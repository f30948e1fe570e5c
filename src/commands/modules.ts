import type { Command } from 'commander';
import { ValidationError, describeError, errorToJson, reason } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
import { LicenseError } from '../domain/license-codes.js';
import type { InstalledModule } from '../store/schema.js';
import type { ProgressCallback } from '../modules/context.js';
import type { InstallResult, UpdateAllResult } from '../modules/install.js';
import type { LicenseCheckResult } from '../modules/license-check.js';
import { ErrorInContext, confirmOrRefuse, runCommandAction } from './output.js';

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
      runCommandAction(command, async (ctx) => {
        const { listInstalled, checkUpdates } = await import('../modules/catalog.js');
        const installed = await listInstalled(ctx);
        const updates = options.updates ? new Map((await checkUpdates(ctx)).map((u) => [u.id, u.latestVersion])) : new Map<string, string>();
        const rows = installed.map((m) => ({ ...m, latestVersion: updates.get(m.id) ?? null }));
        if (rows.length === 0) {
          return { json: { modules: [] }, text: words.list.empty };
        }
        const text = table(
          words.list.header,
          rows.map((m) => [m.id, m.latestVersion ? `${m.version} -> ${m.latestVersion}` : m.version, stateOf(m, t), m.name]),
        );
        return { json: { modules: rows }, text };
      }),
    );

  modules
    .command('available')
    .description(words.available.description)
    .action((_options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ listAvailable }, { formatBytes }] = await Promise.all([import('../modules/catalog.js'), import('../modules/archive.js')]);
        const available = await listAvailable(ctx);
        const a = words.available;
        if (available.length === 0) return { json: { modules: [] }, text: a.empty };
        const text = table(
          a.header,
          available.map((m) => [m.id, m.version, m.free ? a.free : a.paid, formatBytes(m.size), m.installedVersion ? `${m.installedVersion}${m.updateAvailable ? a.update : ''}` : '-', m.name]),
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
    .action((id: string | undefined, options: { release?: string; file?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ installFromFile, installFromMarketplace }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/archive.js')]);
        const progress = progressOnTerminal(formatBytes, t);
        try {
          if (options.file !== undefined) {
            if (id !== undefined || options.release !== undefined) throw new ValidationError(reason('module_id_and_file'), 'file');
            return installOutput(await installFromFile(ctx, options.file, progress.options));
          }
          if (id === undefined) throw new ValidationError(reason('module_id_missing_install'), 'id');
          return installOutput(await installFromMarketplace(ctx, id, { ...progress.options, ...(options.release ? { release: options.release } : {}) }));
        } finally {
          progress.done();
        }
      }),
    );

  modules
    .command('update')
    .description(words.update.description)
    .argument('[id]', t.common.moduleId)
    .option('--release <version>', words.update.release)
    .option('--all', words.update.all)
    .action((id: string | undefined, options: { release?: string; all?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const [{ updateAll, updateModule }, { formatBytes }] = await Promise.all([import('../modules/install.js'), import('../modules/archive.js')]);
        const progress = progressOnTerminal(formatBytes, t);
        try {
          if (options.all) {
            if (id !== undefined || options.release !== undefined) throw new ValidationError(reason('update_all_with_id'), 'all');
            return updateAllOutput(await updateAll(ctx, progress.options));
          }
          if (id === undefined) throw new ValidationError(reason('module_id_missing_update'), 'id');
          return installOutput(await updateModule(ctx, id, { ...progress.options, ...(options.release ? { release: options.release } : {}) }));
        } finally {
          progress.done();
        }
      }),
    );

  modules
    .command('enable')
    .description(words.enable.description)
    .argument('<id>', t.common.moduleId)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { enableModule } = await import('../modules/lifecycle.js');
        try {
          const module = await enableModule(ctx, id);
          return { json: { module }, text: words.enable.done(id) };
        } catch (error) {
          if (error instanceof LicenseError) throw new ErrorInContext(error, { before: reason('module_stays_disabled', { id }) });
          throw error;
        }
      }),
    );

  modules
    .command('disable')
    .description(words.disable.description)
    .argument('<id>', t.common.moduleId)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { disableModule } = await import('../modules/lifecycle.js');
        const module = await disableModule(ctx, id);
        return { json: { module }, text: words.disable.done(id) };
      }),
    );

  modules
    .command('remove')
    .alias('delete')
    .description(words.remove.description)
    .argument('<id>', t.common.moduleId)
    .option('--purge', words.remove.purge)
    .option('--yes', t.common.yes)
    .action((id: string, options: { purge?: boolean; yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { removeModule, requireInstalled } = await import('../modules/lifecycle.js');
        requireInstalled(await ctx.store.read(), id);
        await confirmOrRefuse(words.remove.confirm(id, options.purge === true), options.yes, '--yes');
        const result = await removeModule(ctx, id, { keepSettings: !options.purge });
        return { json: { removed: result }, text: words.remove.done(id, result.version, result.settingsKept ? 'kept' : options.purge ? 'deleted' : 'none') };
      }),
    );
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

function table(header: readonly string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * A one-line progress display on stderr, only when stderr is a terminal. `formatBytes` comes
 * from the action's lazy import of archive.ts (it brings yauzl, which most commands never need).
 */
function progressOnTerminal(formatBytes: typeof import('../modules/archive.js').formatBytes, t: Words): { options: { onProgress?: ProgressCallback }; done: () => void } {
  if (!process.stderr.isTTY) return { options: {}, done: () => undefined };
  let shown = false;
  const onProgress: ProgressCallback = (p) => {
    const label = t.modules.stage[p.stage];
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
