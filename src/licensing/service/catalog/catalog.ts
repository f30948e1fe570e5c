import { compareVersions } from '../../../domain/version.js';
import type { CatalogModule, ModuleDetails, Release } from '../../api.js';

/** The license a paid module needs: a product, and the feature whose seat a PBX captures. */
export interface ModuleLicense {
  productId: number;
  productName: string;
  featureId: number;
  featureName: string;
}

/** A release as the service keeps it: the API's Release plus where its archive lies. */
export interface CatalogRelease extends Release {
  /** Absolute path of the zip. */
  file: string;
}

/** A module of the service catalog with every release, whatever PBX asks. */
export interface CatalogEntry {
  id: string;
  name: string;
  description: string;
  developer: string;
  supportEmail: string;
  license: ModuleLicense | null;
  moduleType?: string;
  eula: string | null;
  /** Oldest first. */
  releases: CatalogRelease[];
}

/** Releases a PBX of `pbxVersion` can install, newest first. */
export function installableReleases(entry: CatalogEntry, pbxVersion: string): CatalogRelease[] {
  return entry.releases
    .filter((r) => compareVersions(r.minPbxVersion, pbxVersion) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version));
}

function summary(entry: CatalogEntry, newest: CatalogRelease): CatalogModule {
  const module: CatalogModule = {
    id: entry.id,
    name: entry.name,
    description: entry.description,
    developer: entry.developer,
    supportEmail: entry.supportEmail,
    version: newest.version,
    size: newest.size,
    licProductId: entry.license?.productId ?? 0,
    licFeatureId: entry.license?.featureId ?? 0,
    free: entry.license === null,
  };
  if (entry.moduleType !== undefined) module.moduleType = entry.moduleType;
  return module;
}

/** GET /catalog: the modules with at least one release this PBX can install, by name. */
export function listCatalog(entries: readonly CatalogEntry[], pbxVersion: string): CatalogModule[] {
  const modules: CatalogModule[] = [];
  for (const entry of entries) {
    const newest = installableReleases(entry, pbxVersion)[0];
    if (newest) modules.push(summary(entry, newest));
  }
  return modules.sort((a, b) => a.name.localeCompare(b.name));
}

/** GET /catalog/:id: null when the module is unknown or this PBX can install none of its releases. */
export function catalogModuleDetails(entry: CatalogEntry, pbxVersion: string): ModuleDetails | null {
  const releases = installableReleases(entry, pbxVersion);
  const newest = releases[0];
  if (!newest) return null;
  return {
    ...summary(entry, newest),
    releases: releases.map(({ version, date, size, md5, changelog, minPbxVersion }) => ({ version, date, size, md5, changelog, minPbxVersion })),
    eula: entry.eula,
  };
}

export function findCatalogEntry(entries: readonly CatalogEntry[], id: string): CatalogEntry | undefined {
  return entries.find((e) => e.id === id);
}
