/**
 * The one translation of a system error (an `errno` code from the file system) into what
 * happened and what to do, for every face and every part of pbxmod: the store, the module
 * pipeline, the dialplan editor. Pure: what needs a look at the disk (are the inodes used up?)
 * comes in as `facts`.
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

const CHECK = 'Check the disk and the data directory, then try again.';

/** `error` (usually a NodeJS.ErrnoException) about `path` in words; `path` may be shortened by the caller. */
export function describeSystemError(error: unknown, path?: string, facts: SystemErrorFacts = {}): SystemErrorText {
  const e = error as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) ? e.code : null;
  const where = path ?? e?.path ?? 'a file';
  switch (code) {
    case 'ENAMETOOLONG':
      return { code, what: `The name ${where} is too long for the file system (at most 255 bytes per name, 4096 per path).`, todo: 'Use a shorter name, or a data directory with a shorter path (--data-dir).' };
    case 'ENOSPC':
      return facts.inodesExhausted
        ? { code, what: `The file system holding ${where} has no free inodes: it cannot hold more files, even if space is left.`, todo: 'Delete files you do not need (many small ones count most; `df -i` shows the inodes), then try again.' }
        : { code, what: `The disk holding ${where} is full.`, todo: 'Free some disk space (`df -h` shows it), then try again.' };
    case 'EDQUOT':
      return { code, what: `The disk quota of this user is used up at ${where}.`, todo: 'Free some space in your quota or ask for a larger one, then try again.' };
    case 'EACCES':
    case 'EPERM':
      return { code, what: `Permission denied for ${where}.`, todo: 'Check the permissions, or run pbxmod as the user who owns the data directory.' };
    case 'EROFS':
      return { code, what: `The file system holding ${where} is read-only.`, todo: 'Remount it read-write, or choose another data directory with --data-dir.' };
    case 'EMFILE':
    case 'ENFILE':
      return { code, what: `Too many files are open${code === 'ENFILE' ? ' on this system' : ' in this process'} to open ${where}.`, todo: 'Close other programs or raise the limit (`ulimit -n`), then try again.' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { code, what: `A part of the path ${where} is a file where a directory should be.`, todo: 'That part is a file, not a directory: move it away, or choose another data directory with --data-dir.' };
    case 'EISDIR':
      return { code, what: `${where} is a directory where a file should be.`, todo: 'Move that directory away, then try again.' };
    case 'ENOENT':
      return { code, what: `${where} does not exist.`, todo: 'Check the path, then try again.' };
    case 'ELOOP':
      return { code, what: `${where} goes through a loop of symbolic links.`, todo: 'Fix or remove the symbolic links on that path.' };
    case 'EIO':
      return { code, what: `The disk reported an input/output error at ${where}.`, todo: 'The disk may be failing: check `dmesg` and the disk before trying again.' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { code, what: `${where} is in use by another program.`, todo: 'Stop the program that uses it, then try again.' };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return { code, what: `${detail.replace(/\.$/, '')}.`, todo: CHECK };
    }
  }
}
