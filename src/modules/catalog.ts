import { compareVersions } from '../domain/version.js';
import type { CatalogModule, ModuleDetails } from '../licensing/api.js';
import { ServiceRequestError } from '../licensing/errors.js';
import type { InstalledModule } from '../store/schema.js';
import type { ModuleContext } from './context.js';
import { reason } from '../domain/errors.js';
import { ModuleError } from './errors.js';
import { recoverModuleOperations } from './recovery.js';
import { findModule } from './transaction.js';

/** A marketplace module as this PBX sees it. */
export interface AvailableModule extends CatalogModule {
  /** Installed version, or null. */
  installedVersion: string | null;
  updateAvailable: boolean;
}

export interface ModuleInfo {
  id: string;
  /** The store record, when installed. */
  installed: InstalledModule | null;
  /** Catalog details with releases (newest first), changelog and EULA; null when the marketplace has none for this PBX. */
  details: ModuleDetails | null;
  updateAvailable: boolean;
}

export interface ModuleUpdate {
  id: string;
  installedVersion: string;
  latestVersion: string;
}

/** Installed modules, from the store only (no network), after settling what a killed operation left. */
export async function listInstalled(ctx: ModuleContext): Promise<InstalledModule[]> {
  await recoverModuleOperations(ctx);
  return (await ctx.store.read()).modules;
}

/** The marketplace for this PBX's version (the service hides modules it cannot run), with what is installed. */
export async function listAvailable(ctx: ModuleContext): Promise<AvailableModule[]> {
  await recoverModuleOperations(ctx);
  const state = await ctx.store.read();
  const catalog = await (await ctx.licensing()).catalog(state.settings.pbxVersion);
  return catalog.map((m) => {
    const installed = findModule(state, m.id);
    return { ...m, installedVersion: installed?.version ?? null, updateAvailable: installed !== undefined && compareVersions(m.version, installed.version) > 0 };
  });
}

/** Installed modules the marketplace has a newer release of (the installed list's update marker). */
export async function checkUpdates(ctx: ModuleContext): Promise<ModuleUpdate[]> {
  return (await listAvailable(ctx))
    .filter((m) => m.updateAvailable && m.installedVersion !== null)
    .map((m) => ({ id: m.id, installedVersion: m.installedVersion as string, latestVersion: m.version }));
}

/** Everything about one module: the catalog's details and releases, and the installed record. */
export async function moduleInfo(ctx: ModuleContext, id: string): Promise<ModuleInfo> {
  await recoverModuleOperations(ctx);
  const state = await ctx.store.read();
  const installed = findModule(state, id) ?? null;
  let details: ModuleDetails | null = null;
  try {
    details = await (await ctx.licensing()).moduleDetails(id, state.settings.pbxVersion);
  } catch (error) {
    if (!(error instanceof ServiceRequestError && error.status === 404)) throw error;
  }
  if (!details && !installed) {
    throw new ModuleError(reason('module_not_in_catalog', { id, pbxVersion: state.settings.pbxVersion }));
  }
  return { id, installed, details, updateAvailable: details !== null && installed !== null && compareVersions(details.version, installed.version) > 0 };
}
