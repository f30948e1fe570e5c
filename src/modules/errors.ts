import { PbxmodError } from '../domain/errors.js';

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

const ARCHIVE_HINT = 'The archive was refused and nothing was installed; get the module again from its developer or the marketplace.';

/** A module archive that is broken or unsafe to unpack. */
export class ArchiveError extends PbxmodError {
  declare readonly code: ArchiveErrorCode;
  /** The entry at fault, where there is one. */
  readonly entry: string | undefined;
  constructor(code: ArchiveErrorCode, message: string, entry?: string, hint: string = ARCHIVE_HINT) {
    super(code, message, hint);
    this.entry = entry;
  }
}

export type DownloadErrorCode = 'download_failed' | 'download_cut_off' | 'download_size_mismatch' | 'download_checksum' | 'download_http';

/** The archive did not arrive whole; the previous version is untouched. */
export class DownloadError extends PbxmodError {
  declare readonly code: DownloadErrorCode;
  constructor(code: DownloadErrorCode, message: string, hint = 'Check the connection to the licensing service and try again; nothing was changed.') {
    super(code, message, hint);
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
  constructor(code: ModuleErrorCode, message: string, hint?: string) {
    super(code, message, hint);
  }
}

/** Another module operation holds the PBX's module lock (SPEC §5: one at a time). */
export class ModuleBusyError extends PbxmodError {
  /** What the other process is doing, when it said so. */
  readonly holder: LockHolder | null;
  constructor(holder: LockHolder | null) {
    const what = holder ? ` (${holder.operation}${holder.moduleId ? ` ${holder.moduleId}` : ''} by pid ${holder.pid})` : '';
    super('module_busy', `Another module operation is running${what}; try again when it finishes.`, 'Only one install, update, enable, disable or remove runs at a time on a PBX.');
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

/** The message SPEC §5 gives for a paid module on a PBX without a saved key. */
export const LICENSE_KEY_MISSING_MESSAGE = 'The license key to activate the license for the module has not been installed.';

export function licenseKeyMissing(moduleId: string): ModuleError {
  return new ModuleError(
    'license_key_missing',
    `${LICENSE_KEY_MISSING_MESSAGE} ${moduleId} is a paid module.`,
    'Register the PBX in the marketplace or enter your license key (console screen 1, or `pbxmod license register` / `pbxmod license set-key`), then try again.',
  );
}
