import { auditDetail, type AuditDetailFields } from '../domain/audit-words.js';
import { cp, mkdir, rename, rm, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PbxmodError, reason } from '../domain/errors.js';
import { activeMessages } from '../i18n/active.js';
import { LicenseError } from '../domain/license-codes.js';
import { explainSystemCause } from '../store/system-error.js';
import { isPaidModule, needsFeatureSeat, type ModuleManifest } from '../domain/manifest.js';
import { compareVersions } from '../domain/version.js';
import type { ModuleDetails, Release } from '../licensing/api.js';
import type { LicensingClient } from '../licensing/client.js';
import { ServiceRequestError } from '../licensing/errors.js';
import type { InstalledModule } from '../store/schema.js';
import { ModuleArchive, type ArchiveLimits } from './archive.js';
import { auditedModuleOperation } from './audit.js';
import { moduleLayout, SETTINGS_FOLDER, type ModuleContext, type ProgressCallback } from './context.js';
import { downloadArchive } from './download.js';
import { ModuleError, licenseKeyMissing } from './errors.js';
import { captureModuleFeature, requireLicenseKey } from './license-stage.js';
import { withModuleLock, type ModuleLockHandle, type ModuleLockOptions } from './lock.js';
import { beginOperation, exists, findModule, recoverInterruptedOperations, restoreRecord, settleOperation, writeJournal, type Operation } from './transaction.js';

export interface InstallOptions extends ModuleLockOptions {
  onProgress?: ProgressCallback;
  /** Tighter or looser archive limits (tests, unusual modules). */
  limits?: Partial<ArchiveLimits>;
}

export interface MarketplaceInstallOptions extends InstallOptions {
  /** Version to install; default the newest this PBX can install. Any release works: update or roll back. */
  release?: string;
}

export interface InstallResult {
  module: InstalledModule;
  /** `unchanged` when the module already had the asked-for version. */
  action: 'installed' | 'updated' | 'unchanged';
  previousVersion: string | null;
  /** Settings kept from an earlier delete were put back. */
  settingsRestored: boolean;
  /** An enabled module that could not be enabled again after the update, and why. */
  licenseProblem: string | null;
}

export interface UpdateAllResult {
  id: string;
  from: string;
  to: string;
  ok: boolean;
  result?: InstallResult;
  error?: unknown;
}

/** Install or update a module from the marketplace: license → link → download → verify → install. */
export function installFromMarketplace(ctx: ModuleContext, id: string, options: MarketplaceInstallOptions = {}): Promise<InstallResult> {
  return auditedModuleOperation(
    ctx.store,
    'module.install',
    releaseTarget(id, options.release),
    () =>
      withModuleLock(ctx.dataDir, { operation: 'install', moduleId: id }, async (lock) => {
        await recoverInterruptedOperations(ctx);
        return marketplaceInstall(ctx, lock, id, options, 'install');
      }, options),
    describeInstall,
  );
}

/** Update an installed module to the newest release, or to `release` (also older: a roll back). */
export function updateModule(ctx: ModuleContext, id: string, options: MarketplaceInstallOptions = {}): Promise<InstallResult> {
  return auditedModuleOperation(
    ctx.store,
    'module.update',
    releaseTarget(id, options.release),
    () =>
      withModuleLock(ctx.dataDir, { operation: 'update', moduleId: id }, async (lock) => {
        await recoverInterruptedOperations(ctx);
        return marketplaceInstall(ctx, lock, id, options, 'update');
      }, options),
    describeInstall,
  );
}

/** Update every installed module the catalog has a newer release of; one failure does not stop the rest. */
export function updateAll(ctx: ModuleContext, options: InstallOptions = {}): Promise<UpdateAllResult[]> {
  const run = () =>
    withModuleLock(ctx.dataDir, { operation: 'update all' }, async (lock) => {
      await recoverInterruptedOperations(ctx);
      const state = await ctx.store.read();
      const client = await ctx.licensing();
      const catalog = await client.catalog(state.settings.pbxVersion);
      const results: UpdateAllResult[] = [];
      for (const installed of state.modules) {
        const offered = catalog.find((m) => m.id === installed.id);
        if (!offered || compareVersions(offered.version, installed.version) <= 0) continue;
        const update = () => marketplaceInstall(ctx, lock, installed.id, { ...options, release: offered.version }, 'update');
        try {
          const result = await auditedModuleOperation(ctx.store, 'module.update', `${installed.id}@${offered.version}`, update, describeInstall);
          results.push({ id: installed.id, from: installed.version, to: offered.version, ok: true, result });
        } catch (error) {
          results.push({ id: installed.id, from: installed.version, to: offered.version, ok: false, error });
        }
      }
      return results;
    }, options);
  return auditedModuleOperation(ctx.store, 'module.update-all', 'all', run, (results) => auditDetail('updatedAll', { updated: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }));
}

/** Install or update a module from a zip on this PBX's disk: the install stage only. */
export function installFromFile(ctx: ModuleContext, file: string, options: InstallOptions = {}): Promise<InstallResult> {
  return auditedModuleOperation(
    ctx.store,
    'module.install-file',
    basename(file),
    () =>
      withModuleLock(ctx.dataDir, { operation: 'install from file', moduleId: basename(file) }, async (lock) => {
        await recoverInterruptedOperations(ctx);
        const op = await beginOperation(ctx.dataDir, 'file');
        try {
          return await installStage(ctx, lock, op, file, { ...options, expectedId: undefined, catalog: 'lookup', licensed: false });
        } catch (error) {
          await settleOperation(ctx, op).catch(() => undefined);
          throw await asModuleError(error, ctx.dataDir);
        }
      }, options),
    describeInstall,
  );
}

async function marketplaceInstall(ctx: ModuleContext, lock: ModuleLockHandle, id: string, options: MarketplaceInstallOptions, mode: 'install' | 'update'): Promise<InstallResult> {
  const { onProgress } = options;
  const state = await ctx.store.read();
  const installed = findModule(state, id);
  if (mode === 'update' && !installed) {
    throw new ModuleError(reason('module_update_not_installed', { id }), 'module_not_installed');
  }
  const client = await ctx.licensing();
  const details = await fetchDetails(client, id, state.settings.pbxVersion);
  const release = chooseRelease(details, options.release, state.settings.pbxVersion);
  if (installed && installed.version === release.version) {
    return { module: installed, action: 'unchanged', previousVersion: installed.version, settingsRestored: false, licenseProblem: null };
  }

  const paid = isPaidModule(details);
  const key = state.settings.licenseKey ?? undefined;
  if (paid) {
    if (!key) throw licenseKeyMissing(id);
    onProgress?.({ stage: 'license' });
    await captureModuleFeature(client, key, details, ctx);
  }
  onProgress?.({ stage: 'link' });
  const host = await ctx.hostIdentity();
  const link = await client.downloadLink(id, { version: release.version, hostId: host.hostId, ...(key ? { key } : {}) });

  const op = await beginOperation(ctx.dataDir, id);
  try {
    await ensureFreeSpace(op.dir, () => link.size, null);
    const archive = join(op.dir, 'archive.zip');
    await downloadArchive(client.resolveHref(link.href), archive, { size: link.size, md5: link.md5, signal: lock.signal, ...(onProgress ? { onProgress } : {}), ...(client.openArchive ? { open: client.openArchive } : {}) });
    return await installStage(ctx, lock, op, archive, { ...options, expectedId: id, catalog: details, licensed: paid });
  } catch (error) {
    await settleOperation(ctx, op).catch(() => undefined);
    throw await asModuleError(error, ctx.dataDir);
  }
}

interface StageOptions extends InstallOptions {
  /** The module the archive must hold (marketplace). */
  expectedId: string | undefined;
  /** Name and description: from the catalog, or looked up best-effort (`lookup`). */
  catalog: Pick<ModuleDetails, 'name' | 'description'> | 'lookup';
  /** The license stage already captured the feature. */
  licensed: boolean;
}

/**
 * The install stage (SPEC §5): check the archive and module.json, unpack it beside the
 * modules folder, carry the settings over, then swap folders and commit the store — the
 * previous version stays aside until the commit, and any failure puts everything back.
 */
async function installStage(ctx: ModuleContext, lock: ModuleLockHandle, op: Operation, file: string, options: StageOptions): Promise<InstallResult> {
  const { onProgress } = options;
  const state = await ctx.store.read();
  const archive = await ModuleArchive.open(file, options.limits);
  let manifest: ModuleManifest;
  try {
    manifest = archive.manifest;
    checkManifest(manifest, options.expectedId, state.settings.pbxVersion);
    if (isPaidModule(manifest) && !state.settings.licenseKey) throw licenseKeyMissing(manifest.moduleUniqueID);
    await ensureFreeSpace(op.dir, (blockSize) => archive.diskBytes(blockSize), manifest.moduleUniqueID);
    await archive.extractTo(op.newDir, (bytes, total) => onProgress?.({ stage: 'extract', bytes, total }), lock.signal);
  } finally {
    await archive.close();
  }
  lock.signal.throwIfAborted();
  onProgress?.({ stage: 'install' });

  const id = manifest.moduleUniqueID;
  const moduleDir = moduleLayout.moduleDir(ctx.dataDir, id);
  const previous = findModule(state, id) ?? null;
  const hadDir = await exists(moduleDir);

  // Settings: an update keeps the installed module's db/, a new install gets back what an earlier delete kept.
  let settingsRestored = false;
  const newDb = join(op.newDir, SETTINGS_FOLDER);
  const currentDb = join(moduleDir, SETTINGS_FOLDER);
  const keptDb = moduleLayout.keptDbDir(ctx.dataDir, id);
  if (hadDir && (await exists(currentDb))) {
    await mergeSettings(currentDb, newDb);
  } else if (await exists(keptDb)) {
    await mergeSettings(keptDb, newDb);
    settingsRestored = true;
  }

  const catalog = options.catalog === 'lookup' ? await lookupCatalogText(ctx, id, state.settings.pbxVersion) : options.catalog;
  const now = new Date().toISOString();
  const intended: InstalledModule = {
    id,
    version: manifest.version,
    developer: manifest.developer,
    supportEmail: manifest.supportEmail,
    minPbxVersion: manifest.minPbxVersion,
    name: catalog?.name ?? previous?.name ?? id,
    description: catalog?.description ?? previous?.description ?? '',
    ...(manifest.licProductId > 0 ? { licProductId: manifest.licProductId, licFeatureId: manifest.licFeatureId } : {}),
    ...(manifest.moduleType ? { moduleType: manifest.moduleType } : {}),
    enabled: previous?.enabled ?? false,
    disabledReason: previous?.disabledReason ?? null,
    disabledReasonText: previous?.disabledReasonText ?? null,
    installedAt: previous?.installedAt ?? now,
    updatedAt: now,
  };
  let licenseProblem: string | null = null;
  if (isPaidModule(manifest) && !needsFeatureSeat(manifest) && !options.licensed) await addTrialBestEffort(ctx, manifest);
  if (intended.enabled && needsFeatureSeat(manifest) && !options.licensed) {
    licenseProblem = await recaptureForReenable(ctx, manifest);
    if (licenseProblem !== null) Object.assign(intended, { enabled: false, disabledReason: 'DisabledByLicense', disabledReasonText: licenseProblem });
  }

  await writeJournal(op, { kind: 'install', id, previous, intended, hadDir });
  if (previous?.enabled) {
    // An enabled module is disabled while its files are swapped (SPEC §5), enabled again by the commit.
    await ctx.store.update((s) => {
      const record = findModule(s, id);
      if (record) Object.assign(record, { enabled: false, disabledReason: 'DisabledByUser', disabledReasonText: activeMessages().errors.module_being_updated({ version: manifest.version }).message });
    });
  }
  if (hadDir) await rename(moduleDir, op.oldDir);
  await mkdir(moduleLayout.modulesDir(ctx.dataDir), { recursive: true, mode: 0o755 });
  await rename(op.newDir, moduleDir);
  lock.assertHeld();
  await ctx.store.update((s) => restoreRecord(s, id, intended));

  // Committed. Cleaning up can fail without harm: the next operation finishes it.
  if (settingsRestored) await rm(moduleLayout.keptSettingsDir(ctx.dataDir, id), { recursive: true, force: true }).catch(() => undefined);
  await rm(op.dir, { recursive: true, force: true }).catch(() => undefined);
  return { module: intended, action: previous ? 'updated' : 'installed', previousVersion: previous?.version ?? null, settingsRestored, licenseProblem };
}

function checkManifest(manifest: ModuleManifest, expectedId: string | undefined, pbxVersion: string): void {
  if (expectedId !== undefined && manifest.moduleUniqueID !== expectedId) {
    throw new ModuleError(reason('module_id_mismatch', { expected: expectedId, actual: manifest.moduleUniqueID }));
  }
  if (compareVersions(manifest.minPbxVersion, pbxVersion) > 0) {
    throw new ModuleError(reason('pbx_too_old', { id: manifest.moduleUniqueID, version: manifest.version, needs: manifest.minPbxVersion, pbxVersion }));
  }
}

/** An enabled paid module updated from a file: capture again before enabling it. */
async function recaptureForReenable(ctx: ModuleContext, manifest: ModuleManifest): Promise<string | null> {
  try {
    const key = await requireLicenseKey(ctx, manifest.moduleUniqueID);
    const client = await ctx.licensing();
    await captureModuleFeature(client, key, { id: manifest.moduleUniqueID, licProductId: manifest.licProductId, licFeatureId: manifest.licFeatureId }, ctx);
    return null;
  } catch (error) {
    if (error instanceof LicenseError) return error.serviceMessage;
    if (error instanceof ModuleError && error.code === 'license_key_missing') return error.message;
    // No answer from the service proves nothing; the periodic license check decides later.
    return null;
  }
}

/** A product without a feature installed from a file: its trial, as MikoPBX's install adds it; no answer changes the install. */
async function addTrialBestEffort(ctx: ModuleContext, manifest: ModuleManifest): Promise<void> {
  try {
    const key = await requireLicenseKey(ctx, manifest.moduleUniqueID);
    await captureModuleFeature(await ctx.licensing(), key, { id: manifest.moduleUniqueID, licProductId: manifest.licProductId, licFeatureId: 0 }, ctx);
  } catch {
    // An offline PBX installs from a file just the same.
  }
}

async function fetchDetails(client: LicensingClient, id: string, pbxVersion: string): Promise<ModuleDetails> {
  try {
    return await client.moduleDetails(id, pbxVersion);
  } catch (error) {
    if (error instanceof ServiceRequestError && error.status === 404) {
      throw new ModuleError(reason('module_not_offered', { id, pbxVersion }), 'module_not_in_catalog');
    }
    throw error;
  }
}

function chooseRelease(details: ModuleDetails, wanted: string | undefined, pbxVersion: string): Release {
  const releases = details.releases;
  const chosen = wanted === undefined ? releases[0] : releases.find((r) => r.version === wanted);
  if (!chosen) {
    const offered = releases.map((r) => r.version).join(', ');
    throw wanted === undefined
      ? new ModuleError(reason('release_not_found', { id: details.id, pbxVersion, offered }))
      : new ModuleError(reason('release_not_offered', { id: details.id, wanted, pbxVersion, offered }), 'release_not_found');
  }
  return chosen;
}

async function lookupCatalogText(ctx: ModuleContext, id: string, pbxVersion: string): Promise<Pick<ModuleDetails, 'name' | 'description'> | null> {
  // The name is a nicety: a PBX without a network installs from a file just the same.
  const lookup = (async () => {
    const client = await ctx.licensing();
    const details = await client.moduleDetails(id, pbxVersion);
    return { name: details.name, description: details.description };
  })().catch(() => null);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), 2_000);
  });
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Kept settings over the new release's `db/`: a file the module already had wins, a file only the
 * new release ships (a new table, a migration) is added — never lost.
 */
async function mergeSettings(kept: string, target: string): Promise<void> {
  await cp(kept, target, { recursive: true, preserveTimestamps: true, force: true, errorOnExist: false });
}

/** Refuse up front what cannot fit (the download, or unpacking the module `unpacking`); what still runs out of space midway is rolled back (disk_full). */
async function ensureFreeSpace(dir: string, needed: (blockSize: number) => number, unpacking: string | null): Promise<void> {
  let free: number;
  let bytes: number;
  try {
    const fs = await statfs(dir);
    free = fs.bavail * fs.bsize;
    bytes = needed(fs.bsize);
  } catch {
    return;
  }
  const margin = 1024 * 1024;
  if (free < bytes + margin) {
    // The margin is part of the need: "needs 2.4 MiB, 2.8 MiB is free" would read as a contradiction.
    const space = { bytes, margin, free };
    throw new ModuleError(unpacking === null ? reason('disk_space_download', space) : reason('disk_space_unpack', { id: unpacking, ...space }), 'disk_full');
  }
}

/** A raw file-system error from swapping folders, in words a person can act on (system-errors.ts). */
async function asModuleError(error: unknown, dataDir: string): Promise<unknown> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof PbxmodError || typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return error;
  const cause = await explainSystemCause(error, (error as NodeJS.ErrnoException).path ?? dataDir);
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  return new ModuleError(reason('module_swap_failed', { cause }), full ? 'disk_full' : 'module_io');
}

function describeInstall(result: InstallResult): AuditDetailFields {
  const { id, version } = result.module;
  if (result.action === 'unchanged') return auditDetail('alreadyInstalled', { id, version });
  return result.previousVersion ? auditDetail('updated', { id, from: result.previousVersion, to: version }) : auditDetail('installed', { id, version });
}

function releaseTarget(id: string, release: string | undefined): string {
  return release ? `${id}@${release}` : id;
}
