import { z } from 'zod';
import { PbxmodError, reason, type ErrorId, type Reason } from './errors.js';
import { visibleText } from './terminal-text.js';
import { VERSION_PATTERN } from './version.js';

/**
 * module.json, the manifest at the root of every module archive (SPEC §5). Only the fields the
 * PBX uses are kept; build-tool settings (`release_settings`, `translation_sync`) and anything
 * unknown are ignored.
 */
export interface ModuleManifest {
  moduleUniqueID: string;
  version: string;
  developer: string;
  supportEmail: string;
  minPbxVersion: string;
  /** > 0 for a paid module: installing it needs a license key and adds the product's trial. */
  licProductId: number;
  /** > 0 when enabling the module captures a seat of this feature; 0 = no seat (MikoPBX checks it only above 0). */
  licFeatureId: number;
  moduleType?: string;
  /** `{ lang: { oldUrl: newUrl } }` as in the vendor's manifests. */
  wikiLinks?: Record<string, Record<string, string>>;
}

export const MODULE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** The longest id: it names folders (`modules/<id>`, staging `<id>.<time>.<random>`), and a file name has 255 bytes. Real ids are under 40. */
export const MAX_MODULE_ID_LENGTH = 64;

/** What the release build replaces with the real version; a manifest still holding it was never built. */
export const VERSION_PLACEHOLDER = '%ModuleVersion%';

/** Largest module.json read; real ones are well under 2 KiB. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

export type ManifestErrorCode =
  | 'manifest_invalid_json'
  | 'manifest_not_object'
  | 'manifest_missing_id'
  | 'manifest_bad_id'
  | 'manifest_missing_field'
  | 'manifest_bad_field'
  | 'manifest_version_placeholder'
  | 'manifest_too_large';

/** module.json is missing a field, malformed, or not JSON. The archive is refused. */
export class ManifestError extends PbxmodError {
  declare readonly code: ManifestErrorCode;
  /** The field at fault, where there is one. */
  readonly field: string | undefined;
  /** `code`: the code it is reported under, when several reasons share one (default: the reason's id). */
  constructor(why: Reason<Extract<ManifestErrorCode, ErrorId>>, field?: string);
  constructor(why: Reason, field: string | undefined, code: ManifestErrorCode);
  constructor(why: Reason, field?: string, code?: ManifestErrorCode) {
    super(code ?? why.id, why);
    this.field = field;
  }
}

const REQUIRED_TEXT_FIELDS = [
  ['version', 'version'],
  ['developer', 'developer'],
  ['support_email', 'supportEmail'],
  ['min_pbx_version', 'minPbxVersion'],
] as const;

const wikiLinksSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** Parse and validate the text of a module.json; every defect has its own ManifestError. */
export function parseManifest(text: string): ModuleManifest {
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new ManifestError(reason('manifest_text_too_large', { limitKib: MAX_MANIFEST_BYTES / 1024 }), undefined, 'manifest_too_large');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestError(reason('manifest_invalid_json', { detail: (error as Error).message }));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ManifestError(reason('manifest_not_object'));
  }
  const data = raw as Record<string, unknown>;

  const id = data.moduleUniqueID;
  if (id === undefined || id === null || id === '') {
    throw new ManifestError(reason('manifest_missing_id'), 'moduleUniqueID');
  }
  if (typeof id === 'string' && MODULE_ID_PATTERN.test(id) && id.length > MAX_MODULE_ID_LENGTH) {
    throw new ManifestError(reason('manifest_id_too_long', { length: id.length, start: id.slice(0, 24), max: MAX_MODULE_ID_LENGTH }), 'moduleUniqueID', 'manifest_bad_id');
  }
  if (typeof id !== 'string' || !MODULE_ID_PATTERN.test(id)) {
    throw new ManifestError(reason('manifest_bad_id', { value: quoted(id) }), 'moduleUniqueID');
  }

  const fields: Record<string, string> = {};
  for (const [jsonName, name] of REQUIRED_TEXT_FIELDS) {
    const value = data[jsonName];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      throw new ManifestError(reason('manifest_missing_field', { id, field: jsonName }), jsonName);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ManifestError(reason('manifest_field_not_text', { id, field: jsonName }), jsonName, 'manifest_bad_field');
    }
    fields[name] = String(value).trim();
  }
  const version = fields.version as string;
  if (version.includes(VERSION_PLACEHOLDER)) {
    throw new ManifestError(reason('manifest_version_placeholder', { id, placeholder: VERSION_PLACEHOLDER }), 'version');
  }
  if (version.length > 50 || !/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(version)) {
    throw new ManifestError(reason('manifest_bad_version', { id, value: quoted(version) }), 'version', 'manifest_bad_field');
  }
  const minPbxVersion = fields.minPbxVersion as string;
  if (!VERSION_PATTERN.test(minPbxVersion)) {
    throw new ManifestError(reason('manifest_bad_min_pbx_version', { id, value: quoted(minPbxVersion) }), 'min_pbx_version', 'manifest_bad_field');
  }

  const manifest: ModuleManifest = {
    moduleUniqueID: id,
    version,
    developer: fields.developer as string,
    supportEmail: fields.supportEmail as string,
    minPbxVersion,
    licProductId: licenseId(data, 'lic_product_id', id),
    licFeatureId: licenseId(data, 'lic_feature_id', id),
  };
  // A product without a feature is a real case (the vendor's CTI client): a key and the product's
  // trial, no seat. A feature without a product has no license to belong to.
  if (manifest.licProductId === 0 && manifest.licFeatureId > 0) {
    throw new ManifestError(reason('manifest_feature_without_product', { id, featureId: manifest.licFeatureId }), 'lic_product_id', 'manifest_bad_field');
  }
  if (data.module_type !== undefined) {
    if (typeof data.module_type !== 'string') throw new ManifestError(reason('manifest_field_not_text', { id, field: 'module_type' }), 'module_type', 'manifest_bad_field');
    manifest.moduleType = data.module_type;
  }
  if (data.wiki_links !== undefined) {
    const links = wikiLinksSchema.safeParse(data.wiki_links);
    if (!links.success) throw new ManifestError(reason('manifest_bad_wiki_links', { id }), 'wiki_links', 'manifest_bad_field');
    manifest.wikiLinks = links.data;
  }
  return manifest;
}

/** A paid module has a product id above zero: it needs a license key, and gets its product's trial. */
export function isPaidModule(module: { licProductId?: number }): boolean {
  return (module.licProductId ?? 0) > 0;
}

/** Enabling the module binds a seat of its feature (MikoPBX checks the feature only when it is above zero). */
export function needsFeatureSeat(module: { licProductId?: number; licFeatureId?: number }): boolean {
  return isPaidModule(module) && (module.licFeatureId ?? 0) > 0;
}

function licenseId(data: Record<string, unknown>, field: string, id: string): number {
  const value = data[field];
  if (value === undefined || value === null || value === '') return 0;
  // Vendor manifests write numbers; a numeric string is accepted as the PHP side would.
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ManifestError(reason('manifest_not_whole_number', { id, field, value: quoted(value) }), field, 'manifest_bad_field');
  }
  return n;
}

/** A value from module.json in a message: JSON-quoted, and nothing in it can drive a terminal (C1 controls, bidi overrides). */
function quoted(value: unknown): string {
  return visibleText(JSON.stringify(value) ?? String(value));
}
