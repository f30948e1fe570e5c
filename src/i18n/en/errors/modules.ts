import { formatBytes as size } from '../../../domain/byte-size.js';
import type { ErrorText } from '../errors.js';
import { continued, systemErrorText, type SystemCause } from './domain.js';

/** Why an archive entry's name is unsafe (src/domain/archive-entry-name.ts). */
export type UnsafeNameKind = 'name_too_long' | 'control_characters' | 'backslash' | 'drive_letter' | 'absolute' | 'empty_part' | 'dot_dot';

/** Who holds the module lock, as far as it said: the operation is the lock's own name for it. */
export interface LockHolderParams {
  operation?: string;
  moduleId?: string;
  pid?: number;
}

const ARCHIVE_HINT = 'The archive was refused and nothing was installed; get the module again from its developer or the marketplace.';
const DOWNLOAD_HINT = 'Check the connection to the licensing service and try again; nothing was changed.';
const CATALOG_HINT = 'Check the id with `pbxmod modules available`.';
const at = (entry?: string) => (entry ? ` (at ${entry})` : '');

const UNSAFE: Record<UnsafeNameKind, (maxBytes?: number) => string> = {
  name_too_long: (maxBytes) => `has a name longer than ${maxBytes} bytes`,
  control_characters: () => 'has control characters in its name',
  backslash: () => 'uses backslashes, which can turn into a path outside the module directory on some systems',
  drive_letter: () => 'starts with a drive letter (an absolute path)',
  absolute: () => 'has an absolute path',
  empty_part: () => 'has an empty or "." part in its path',
  dot_dot: () => 'would be written outside the module directory ("..")',
};

/** Why an archive entry's name is unsafe, completing "The archive entry "…" ". */
export function unsafeNameText(why: UnsafeNameKind, maxBytes?: number): string {
  // A kind this catalog does not know (a newer program's store) is shown as itself.
  return UNSAFE[why]?.(maxBytes) ?? why;
}

/** "install of ModuleX", "license check": the lock's names of the operations are English words already. */
export function operationText(p: { operation: string; moduleId?: string }): string {
  return p.moduleId ? `${p.operation} of ${p.moduleId}` : p.operation;
}

/** SPEC §5's words for a paid module on a PBX without a saved key. */
export const LICENSE_KEY_MISSING_MESSAGE = 'The license key to activate the license for the module has not been installed.';

/** Errors of the module pipeline (archives, downloads, install / update / remove), in English. */
export const modules = {
  archive_too_many_entries: (p: { count: number; max: number }) => ({ message: `The archive has ${p.count} entries; a module may have at most ${p.max}.`, hint: ARCHIVE_HINT }),
  archive_duplicate_entry: (p: { entry: string }) => ({ message: `The archive holds ${p.entry} more than once; which copy is meant cannot be told.`, hint: ARCHIVE_HINT }),
  archive_duplicate_folder: (p: { parent: string; entry: string }) => ({ message: `The archive holds ${p.parent} both as a file and as the folder of ${p.entry}.`, hint: ARCHIVE_HINT }),
  archive_duplicate_on_disk: (p: { entry: string }) => ({ message: `The archive holds ${p.entry} more than once.`, hint: ARCHIVE_HINT }),
  archive_too_large: (p: { maxBytes: number }) => ({ message: `The archive unpacks to more than ${size(p.maxBytes)}, the most a module may take.`, hint: ARCHIVE_HINT }),
  archive_entry_too_large: (p: { entry: string; bytes: number; maxBytes: number }) => ({
    message: `The archive entry ${p.entry} unpacks to ${size(p.bytes)}; one file may take at most ${size(p.maxBytes)}.`,
    hint: ARCHIVE_HINT,
  }),
  archive_ratio: (p: { ratio: number; packed: number; unpacked: number; floorBytes: number; limit: number }) => ({
    message: `The archive unpacks ${p.ratio} times larger than it is packed (${size(p.packed)} → ${size(p.unpacked)}): a zip bomb. Over ${size(p.floorBytes)} the limit is ${p.limit}:1.`,
    hint: ARCHIVE_HINT,
  }),
  archive_entry_ratio: (p: { entry: string; ratio: number; packed: number; unpacked: number; limit: number }) => ({
    message: `The archive entry ${p.entry} unpacks ${p.ratio} times larger than it is packed (${size(p.packed)} → ${size(p.unpacked)}): a zip bomb. The limit is ${p.limit}:1.`,
    hint: ARCHIVE_HINT,
  }),
  archive_symlink: (p: { entry: string }) => ({ message: `The archive entry ${p.entry} is a symbolic link; module archives may hold only files and folders.`, hint: ARCHIVE_HINT }),
  archive_special_file: (p: { entry: string }) => ({
    message: `The archive entry ${p.entry} is a device, pipe or socket; module archives may hold only files and folders.`,
    hint: ARCHIVE_HINT,
  }),
  archive_encrypted: (p: { entry: string }) => ({ message: `The archive entry ${p.entry} is encrypted; module archives are not.`, hint: ARCHIVE_HINT }),
  archive_unsupported: (p: { entry: string; method: number }) => ({
    message: `The archive entry ${p.entry} uses compression method ${p.method}; only stored and deflated entries are supported.`,
    hint: ARCHIVE_HINT,
  }),
  archive_no_manifest: () => ({ message: 'The archive has no module.json at its root: it is not a MikoPBX module.', hint: ARCHIVE_HINT }),
  archive_nested_manifest: (p: { path: string }) => ({
    message: `The archive has no module.json at its root (there is one at ${p.path}): a module archive holds the module's files at its top level.`,
    hint: ARCHIVE_HINT,
  }),
  archive_checksum: (p: { entry: string }) => ({ message: `The archive entry ${p.entry} is damaged: its CRC-32 does not match.`, hint: ARCHIVE_HINT }),
  archive_unsafe_path: (p: { entry: string; why: UnsafeNameKind; maxBytes?: number }) => ({
    message: `The archive entry ${p.entry} ${unsafeNameText(p.why, p.maxBytes)}; the archive is refused as unsafe.`,
    hint: ARCHIVE_HINT,
  }),
  archive_size_mismatch: (p: { entry: string; actual: string; declared: number }) => ({
    message: `The archive entry ${p.entry} unpacks to ${p.actual} bytes but declares ${p.declared}: the archive is damaged or forged.`,
    hint: ARCHIVE_HINT,
  }),
  archive_offsets: (p: { entry?: string }) => ({
    message: `The file's zip offsets do not point at its entries${at(p.entry)}: it looks like a self-extracting archive, or a zip with data put in front of it.`,
    hint: 'Fix the offsets with `zip -A FILE` (or unpack it and zip the module again), then install that; nothing was installed.',
  }),
  archive_corrupt: (p: { entry?: string; detail: string }) => ({ message: `The file is not a readable zip archive${at(p.entry)}: ${p.detail}.`, hint: ARCHIVE_HINT }),
  archive_truncated: (p: { entry: string }) => ({ message: `The file is not a readable zip archive${at(p.entry)}: unexpected end of file.`, hint: ARCHIVE_HINT }),

  download_http: (p: { status: number; url: string }) => ({
    message: `The licensing service answered HTTP ${p.status} for the archive ${p.url}.`,
    hint: 'The download link may have expired: try again. Nothing was changed.',
  }),
  download_size_mismatch: (p: { url: string; bytes: number; announced: number }) => ({
    message: `The archive at ${p.url} is ${size(p.bytes)}, but the service announced ${size(p.announced)}.`,
    hint: DOWNLOAD_HINT,
  }),
  download_too_long: (p: { url: string; announced: number }) => ({
    message: `The archive at ${p.url} is larger than the ${size(p.announced)} the service announced; the download was stopped.`,
    hint: DOWNLOAD_HINT,
  }),
  download_failed: (p: { url: string; detail: string }) => ({ message: `The download of ${p.url} failed: ${p.detail}.`, hint: DOWNLOAD_HINT }),
  download_unreachable: (p: { url: string; detail: string }) => ({ message: `Cannot download ${p.url}: ${p.detail}.`, hint: DOWNLOAD_HINT }),
  download_bad_link: (p: { url: string }) => ({ message: `The service gave an invalid download link: ${p.url}.`, hint: DOWNLOAD_HINT }),
  download_link_protocol: (p: { url: string }) => ({ message: `The service gave a download link that is neither http nor https: ${p.url}.`, hint: DOWNLOAD_HINT }),
  download_checksum: (p: { md5: string; expected: string }) => ({
    message: `The downloaded archive is damaged: its md5 is ${p.md5}, the service announced ${p.expected}.`,
    hint: 'Try again; if it repeats, the archive on the service is broken: report it to the module developer. Nothing was changed.',
  }),
  download_cut_off: (p: { url: string; received: number; size: number; idleSeconds?: number; detail?: string }) => ({
    message: `The download of ${p.url} was cut off after ${size(p.received)} of ${size(p.size)}${p.idleSeconds !== undefined ? ` (no data for ${p.idleSeconds} s)` : p.detail ? ` (${p.detail})` : ''}.`,
    hint: DOWNLOAD_HINT,
  }),
  download_not_saved: (p: { received: number; size: number; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `The archive could not be saved (${size(p.received)} of ${size(p.size)}): ${system.message}`, hint: `${system.hint} Nothing was changed.` };
  },

  module_file_missing: (p: { file: string }) => ({ message: `There is no file ${p.file}.`, hint: 'Check the path of the module archive.' }),
  module_file_is_folder: (p: { file: string }) => ({ message: `${p.file} is a folder, not a zip archive.`, hint: "Give the path of the module's .zip file." }),
  module_file_denied: (p: { file: string }) => ({ message: `Cannot read ${p.file}: permission denied.`, hint: 'Check the file permissions.' }),
  module_file_unreadable: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Cannot read the module archive: ${system.message}`, hint: system.hint };
  },
  module_unpack_disk_full: (p: { entry: string }) => ({
    message: `The disk is full: ${p.entry} could not be unpacked.`,
    hint: 'Free some disk space and try again; the previous version is untouched.',
  }),
  module_unpack_no_inodes: (p: { entry: string; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `${p.entry} could not be unpacked: ${continued(system.message)}`, hint: `${system.hint} The previous version is untouched.` };
  },
  module_unpack_failed: (p: { entry: string; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Cannot unpack ${p.entry}: ${system.message}`, hint: `${system.hint} The previous version is untouched.` };
  },
  module_not_installed: (p: { id: string; installed: string[] }) => ({
    message: `${p.id} is not installed.`,
    hint: p.installed.length > 0 ? `Installed modules: ${p.installed.join(', ')}.` : 'No module is installed; see `pbxmod modules available`.',
  }),
  module_update_not_installed: (p: { id: string }) => ({
    message: `${p.id} is not installed, so there is nothing to update.`,
    hint: `Install it with \`pbxmod modules install ${p.id}\`.`,
  }),
  module_not_in_catalog: (p: { id: string; pbxVersion: string }) => ({
    message: `There is no module ${p.id}: it is not installed, and the marketplace has none for MikoPBX ${p.pbxVersion}.`,
    hint: CATALOG_HINT,
  }),
  module_not_offered: (p: { id: string; pbxVersion: string }) => ({ message: `The marketplace has no module ${p.id} that MikoPBX ${p.pbxVersion} can install.`, hint: CATALOG_HINT }),
  release_not_found: (p: { id: string; pbxVersion: string; offered: string }) => ({
    message: `The marketplace offers no release of ${p.id} for MikoPBX ${p.pbxVersion}.`,
    hint: `Releases on offer: ${p.offered || 'none'}.`,
  }),
  release_not_offered: (p: { id: string; wanted: string; pbxVersion: string; offered: string }) => ({
    message: `${p.id} has no release ${p.wanted} that MikoPBX ${p.pbxVersion} can install.`,
    hint: `Releases on offer: ${p.offered || 'none'}.`,
  }),
  module_id_mismatch: (p: { expected: string; actual: string }) => ({
    message: `The archive downloaded for ${p.expected} holds module ${p.actual}.`,
    hint: 'The catalog entry is wrong: report it to the marketplace. Nothing was changed.',
  }),
  pbx_too_old: (p: { id: string; version: string; needs: string; pbxVersion: string }) => ({
    message: `${p.id} ${p.version} needs MikoPBX ${p.needs} or newer; this PBX runs ${p.pbxVersion}.`,
    hint: 'Update the PBX first, or install an older release of the module.',
  }),
  disk_space_download: (p: { bytes: number; margin: number; free: number }) => ({
    message: `Not enough disk space for the download: it needs ${size(p.bytes + p.margin)} (${size(p.bytes)} and a ${size(p.margin)} reserve), and ${size(p.free)} is free.`,
    hint: `Free at least ${size(p.bytes + p.margin - p.free)} and try again; nothing was changed.`,
  }),
  disk_space_unpack: (p: { id: string; bytes: number; margin: number; free: number }) => ({
    message: `Not enough disk space for unpacking ${p.id}: it needs ${size(p.bytes + p.margin)} (${size(p.bytes)} and a ${size(p.margin)} reserve), and ${size(p.free)} is free.`,
    hint: `Free at least ${size(p.bytes + p.margin - p.free)} and try again; nothing was changed.`,
  }),
  module_swap_failed: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `The module could not be installed: ${system.message}`, hint: `${system.hint} The previous version and the store are as they were.` };
  },
  module_lock_removed: (p: { file: string }) => ({ message: `The module lock ${p.file} was removed during the operation.`, hint: 'Nothing was committed; try again.' }),
  module_lock_failed: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Cannot take the module lock: ${system.message}`, hint: system.hint };
  },
  module_recovery_failed: (p: { dir: string; detail: string }) => ({
    message: `An interrupted module operation in ${p.dir} could not be settled: ${p.detail}.`,
    hint: 'Check the disk and the permissions of the data directory, then try again.',
  }),
  module_busy: (p: LockHolderParams) => ({
    message: `Another module operation is running${p.operation !== undefined ? ` (${p.operation}${p.moduleId ? ` ${p.moduleId}` : ''} by pid ${p.pid})` : ''}; try again when it finishes.`,
    hint: 'Only one install, update, enable, disable or remove runs at a time on a PBX.',
  }),
  license_key_missing: (p: { id: string }) => ({
    message: `${LICENSE_KEY_MISSING_MESSAGE} ${p.id} is a paid module.`,
    hint: 'Register the PBX in the marketplace or enter your license key (console screen 1, or `pbxmod license register` / `pbxmod license set-key`), then try again.',
  }),
  /** A paid module disabled by the license check for want of a key: SPEC §5's words alone. */
  license_key_missing_short: () => ({ message: LICENSE_KEY_MISSING_MESSAGE }),
  module_interrupted: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} stopped the ${operationText(p)}; it was rolled back.`,
    hint: 'Nothing was changed; run it again when you are ready.',
  }),
  /** What a stopped operation says once settled (not an error: the program's last words). */
  module_interrupted_rolled_back: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} stopped the ${operationText(p)}: it was rolled back and its staging folder removed; nothing was changed.`,
  }),
  module_interrupted_committed: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} arrived as the ${operationText(p)} was committing: it finished.`,
  }),
  module_interrupted_again: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} again: stopped at once; the next module operation rolls the ${operationText(p)} back.`,
  }),
  console_readonly: () => ({ message: 'This console is read-only (--readonly): modules cannot be changed here.' }),

  /** Why a module is disabled, kept with it in the store (written in the language in use). */
  module_being_updated: (p: { version: string }) => ({ message: `Being updated to ${p.version}` }),
  module_binding_dropped: () => ({ message: 'The binding of this PBX was dropped in the session monitor. Enable the module again to capture a seat.' }),
} satisfies Record<string, (p: never) => ErrorText>;
