import { PbxmodError, reason, type ErrorId, type Reason } from '../domain/errors.js';
import { visibleText } from '../domain/terminal-text.js';
import { LICENSE_KEY_MISSING_MESSAGE } from '../i18n/en/errors/modules.js';

/** Why an archive was refused before anything reached the modules directory. */
export type ArchiveErrorCode =
  | 'archive_corrupt'
  | 'archive_no_manifest'
  | 'archive_unsafe_path'
  | 'archive_symlink'
  | 'archive_special_file'
  | 'archive_duplicate_entry'
  | 'archive_too_many_entries'
  | 'archive_too_large'
  | 'archive_ratio'
  | 'archive_size_mismatch'
  | 'archive_checksum'
  | 'archive_encrypted'
  | 'archive_unsupported';

/**
 * A module archive that is broken or unsafe to unpack: `new ArchiveError(reason('archive_symlink',
 * {entry}), name)`. `code`: the code it is reported under, when several reasons share one.
 */
export class ArchiveError extends PbxmodError {
  declare readonly code: ArchiveErrorCode;
  /** The entry at fault, where there is one. */
  readonly entry: string | undefined;
  constructor(why: Reason<Extract<ArchiveErrorCode, ErrorId>>, entry?: string);
  constructor(why: Reason, entry: string | undefined, code: ArchiveErrorCode);
  constructor(why: Reason, entry?: string, code?: ArchiveErrorCode) {
    super(code ?? why.id, why);
    this.entry = entry;
  }
}

export type DownloadErrorCode = 'download_failed' | 'download_cut_off' | 'download_size_mismatch' | 'download_checksum' | 'download_http';

/** The archive did not arrive whole; the previous version is untouched. */
export class DownloadError extends PbxmodError {
  declare readonly code: DownloadErrorCode;
  constructor(why: Reason<Extract<DownloadErrorCode, ErrorId>>);
  constructor(why: Reason, code: DownloadErrorCode);
  constructor(why: Reason, code?: DownloadErrorCode) {
    super(code ?? why.id, why);
  }
}

export type ModuleErrorCode =
  | 'module_not_installed'
  | 'module_not_in_catalog'
  | 'release_not_found'
  | 'pbx_too_old'
  | 'license_key_missing'
  | 'module_id_mismatch'
  | 'disk_full'
  | 'module_interrupted'
  | 'module_io';

/** A module operation that cannot go ahead, with what to do about it. */
export class ModuleError extends PbxmodError {
  declare readonly code: ModuleErrorCode;
  /** `code`: the code it is reported under, when several reasons share one (default: the reason's id). */
  constructor(why: Reason<Extract<ModuleErrorCode, ErrorId>>);
  constructor(why: Reason, code: ModuleErrorCode);
  constructor(why: Reason, code?: ModuleErrorCode) {
    super(code ?? why.id, why);
  }
}

/** Another module operation holds the PBX's module lock (SPEC §5: one at a time). */
export class ModuleBusyError extends PbxmodError {
  /** What the other process is doing, when it said so. */
  readonly holder: LockHolder | null;
  constructor(holder: LockHolder | null) {
    // The names come from the lock file another process wrote: never raw to the terminal.
    const named = holder ? { operation: visibleText(holder.operation), ...(holder.moduleId ? { moduleId: visibleText(holder.moduleId) } : {}), pid: holder.pid } : {};
    super('module_busy', reason('module_busy', named));
    this.holder = holder;
  }
}

/** Who holds the module lock, as written next to it. */
export interface LockHolder {
  operation: string;
  moduleId?: string;
  pid: number;
  since: string;
}

/** The message SPEC §5 gives for a paid module on a PBX without a saved key (English; the catalog has it in every language). */
export { LICENSE_KEY_MISSING_MESSAGE };

export function licenseKeyMissing(moduleId: string): ModuleError {
  return new ModuleError(reason('license_key_missing', { id: moduleId }));
}
