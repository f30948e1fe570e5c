import { activeMessages } from '../i18n/active.js';
import type { SystemCause } from '../i18n/en/errors/domain.js';

export type { SystemCause } from '../i18n/en/errors/domain.js';

/**
 * The one translation of a system error (an `errno` code from the file system) into what
 * happened and what to do, for every face and every part of pbxmod: the store, the module
 * pipeline, the dialplan editor. An error keeps the cause as values (`systemCause`); the words
 * are the catalog's `system_error` entry, in the language in use. Pure: what needs a look at
 * the disk (are the inodes used up?) comes in as `facts`.
 */
export interface SystemErrorFacts {
  /** statfs of the file system found no free inodes (ENOSPC then means "too many files", not "no space"). */
  inodesExhausted?: boolean;
}

export interface SystemErrorText {
  /** The errno code, e.g. ENOSPC, or null for an error that has none. */
  code: string | null;
  /** What happened, one sentence ending with a full stop. */
  what: string;
  /** What to do about it. */
  todo: string;
}

/** `error` (usually a NodeJS.ErrnoException) about `path` as values for an error's reason; `path` may be shortened by the caller. */
export function systemCause(error: unknown, path?: string, facts: SystemErrorFacts = {}): SystemCause {
  const e = error as NodeJS.ErrnoException | undefined;
  const errno = typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) ? e.code : null;
  const where = path ?? e?.path;
  const cause: SystemCause = where === undefined ? { errno } : { errno, path: where };
  if (errno === 'ENOSPC' && facts.inodesExhausted) cause.inodes = true;
  if (!KNOWN.has(errno ?? '')) cause.detail = error instanceof Error ? error.message : String(error);
  return cause;
}

/** `error` about `path` in words of the language in use. */
export function describeSystemError(error: unknown, path?: string, facts: SystemErrorFacts = {}): SystemErrorText {
  const cause = systemCause(error, path, facts);
  const { message, hint } = activeMessages().errors.system_error(cause);
  return { code: cause.errno, what: message, todo: hint };
}

const KNOWN = new Set(['ENAMETOOLONG', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EMFILE', 'ENFILE', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENOENT', 'ELOOP', 'EIO', 'EBUSY', 'ETXTBSY']);
