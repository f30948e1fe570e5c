import { formatBytes } from '../../../domain/byte-size.js';
import type { ErrorText } from '../errors.js';

/**
 * A system error (an errno from the file system) as values: the code, the path it is about,
 * and what only the disk knows (no free inodes). `detail` is the raw text of an error with no
 * known code.
 */
export interface SystemCause {
  errno: string | null;
  /** Absent when neither the caller nor the error named one. */
  path?: string;
  inodes?: boolean;
  detail?: string;
}

const CHECK = 'Check the disk and the data directory, then try again.';

/** What happened (`message`) and what to do (`hint`) for a system error, in English. */
export function systemErrorText({ errno, path = 'a file', inodes, detail }: SystemCause): Required<ErrorText> {
  switch (errno) {
    case 'ENAMETOOLONG':
      return { message: `The name ${path} is too long for the file system (at most 255 bytes per name, 4096 per path).`, hint: 'Use a shorter name, or a data directory with a shorter path (--data-dir).' };
    case 'ENOSPC':
      return inodes
        ? { message: `The file system holding ${path} has no free inodes: it cannot hold more files, even if space is left.`, hint: 'Delete files you do not need (many small ones count most; `df -i` shows the inodes), then try again.' }
        : { message: `The disk holding ${path} is full.`, hint: 'Free some disk space (`df -h` shows it), then try again.' };
    case 'EDQUOT':
      return { message: `The disk quota of this user is used up at ${path}.`, hint: 'Free some space in your quota or ask for a larger one, then try again.' };
    case 'EACCES':
    case 'EPERM':
      return { message: `Permission denied for ${path}.`, hint: 'Check the permissions, or run pbxmod as the user who owns the data directory.' };
    case 'EROFS':
      return { message: `The file system holding ${path} is read-only.`, hint: 'Remount it read-write, or choose another data directory with --data-dir.' };
    case 'EMFILE':
    case 'ENFILE':
      return { message: `Too many files are open${errno === 'ENFILE' ? ' on this system' : ' in this process'} to open ${path}.`, hint: 'Close other programs or raise the limit (`ulimit -n`), then try again.' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { message: `A part of the path ${path} is a file where a directory should be.`, hint: 'That part is a file, not a directory: move it away, or choose another data directory with --data-dir.' };
    case 'EISDIR':
      return { message: `${path} is a directory where a file should be.`, hint: 'Move that directory away, then try again.' };
    case 'ENOENT':
      return { message: `${path} does not exist.`, hint: 'Check the path, then try again.' };
    case 'ELOOP':
      return { message: `${path} goes through a loop of symbolic links.`, hint: 'Fix or remove the symbolic links on that path.' };
    case 'EIO':
      return { message: `The disk reported an input/output error at ${path}.`, hint: 'The disk may be failing: check `dmesg` and the disk before trying again.' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { message: `${path} is in use by another program.`, hint: 'Stop the program that uses it, then try again.' };
    default:
      return { message: `${(detail ?? errno ?? 'Unknown error').replace(/\.$/, '')}.`, hint: CHECK };
  }
}

/** The first letter in lower case: a sentence continued after a colon. */
export function continued(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

const MANIFEST_HINT = 'Ask the module developer for a correctly built release; nothing was installed.';
const SERVICE_URL_HINT = 'Give the licensing service as http://host:port or https://host.';

/** Errors of the pure rules (module.json, system errors, settings), in English. */
export const domain = {
  system_error: (p: SystemCause) => systemErrorText(p),

  manifest_too_large: (p: { bytes: number }) => ({ message: `module.json is ${formatBytes(p.bytes)}; a real one is a few hundred bytes.`, hint: MANIFEST_HINT }),
  manifest_text_too_large: (p: { limitKib: number }) => ({ message: `module.json is larger than ${p.limitKib} KiB; a real one is a few hundred bytes.`, hint: MANIFEST_HINT }),
  manifest_invalid_json: (p: { detail: string }) => ({ message: `module.json is not valid JSON (${p.detail}).`, hint: MANIFEST_HINT }),
  manifest_not_object: () => ({ message: 'module.json does not hold a JSON object.', hint: MANIFEST_HINT }),
  manifest_missing_id: () => ({ message: 'module.json has no "moduleUniqueID": the module has no id.', hint: MANIFEST_HINT }),
  manifest_id_too_long: (p: { length: number; start: string; max: number }) => ({
    message: `module.json has a "moduleUniqueID" of ${p.length} characters (${p.start}…); an id may have at most ${p.max}.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_id: (p: { value: string }) => ({
    message: `module.json has a malformed "moduleUniqueID" (${p.value}): it must start with a letter and hold only letters and digits.`,
    hint: MANIFEST_HINT,
  }),
  manifest_missing_field: (p: { id: string; field: string }) => ({ message: `module.json of ${p.id} is missing the required field "${p.field}".`, hint: MANIFEST_HINT }),
  manifest_field_not_text: (p: { id: string; field: string }) => ({ message: `module.json of ${p.id}: "${p.field}" must be text.`, hint: MANIFEST_HINT }),
  manifest_version_placeholder: (p: { id: string; placeholder: string }) => ({
    message: `module.json of ${p.id} still has the build placeholder ${p.placeholder} as its version: this is a source checkout, not a release build.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_version: (p: { id: string; value: string }) => ({ message: `module.json of ${p.id}: "version" ${p.value} is not a version.`, hint: MANIFEST_HINT }),
  manifest_bad_min_pbx_version: (p: { id: string; value: string }) => ({
    message: `module.json of ${p.id}: "min_pbx_version" ${p.value} is not a PBX version like 2024.1.114.`,
    hint: MANIFEST_HINT,
  }),
  manifest_feature_without_product: (p: { id: string; featureId: number }) => ({
    message: `module.json of ${p.id}: "lic_feature_id" ${p.featureId} needs a "lic_product_id" above 0.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_wiki_links: (p: { id: string }) => ({ message: `module.json of ${p.id}: "wiki_links" must map languages to URL pairs.`, hint: MANIFEST_HINT }),
  manifest_not_whole_number: (p: { id: string; field: string; value: string }) => ({
    message: `module.json of ${p.id}: "${p.field}" must be a whole number (got ${p.value}).`,
    hint: MANIFEST_HINT,
  }),

  service_url_malformed: (p: { value: string }) => ({ message: `"${p.value}" is not a URL.`, hint: SERVICE_URL_HINT }),
  service_url_protocol: (p: { protocol: string }) => ({
    message: `The licensing service URL must start with http:// or https:// (got ${p.protocol}).`,
    hint: SERVICE_URL_HINT,
  }),
} satisfies Record<string, (p: never) => ErrorText>;
