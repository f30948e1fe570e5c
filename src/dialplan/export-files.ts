// Writing the exported dialplan to disk: each file whole or not at all.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PbxmodError, reason, type Reason } from '../domain/errors.js';

/** The export directory cannot be used: it names the path and what to do. */
export class ExportError extends PbxmodError {
  readonly path: string;
  constructor(path: string, why: Reason) {
    super('export_failed', why);
    this.path = path;
  }
}

/** Make sure `dir` is a directory we can write into, creating it (and its parents) when missing. */
export async function prepareExportDirectory(dir: string): Promise<string> {
  const target = resolve(dir);
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw exportIoError(target, error);
  });
  if (existing && !existing.isDirectory()) {
    throw new ExportError(target, reason('export_target_is_file', { path: target }));
  }
  try {
    await makeDirectory(join(target, 'agi-bin'));
  } catch (error) {
    throw exportIoError(target, error as NodeJS.ErrnoException);
  }
  return target;
}

/**
 * `mkdir -p`, one level at a time: Node's own `recursive` spins forever below /proc, where
 * mkdir answers ENOENT even though the parent exists.
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o755 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`${dir} is a file`), { code: 'ENOTDIR' });
      return;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeDirectory(parent);
    await mkdir(dir, { mode: 0o755 }).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** Mode of an exported AGI script: Asterisk executes it. */
export const EXECUTABLE_MODE = 0o755;
/** Mode of the exported context file. */
export const READABLE_MODE = 0o644;

/**
 * Write `content` to `file` through a temp file, fsync and rename: a reader (Asterisk, a
 * `dialplan reload`) sees the old file or the new one, never half of one. The mode is set with
 * chmod, so the umask cannot take the execute bit off a script; each export sets it again.
 */
export async function writeFileAtomically(file: string, content: string, mode = READABLE_MODE): Promise<void> {
  const temp = join(dirname(file), `.${randomBytes(4).toString('hex')}.pbxmod.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw exportIoError(file, error as NodeJS.ErrnoException);
  }
}

/** Files in `dir` whose names match `pattern` and are not in `keep` are removed; returns their names. */
export async function removeStaleFiles(dir: string, pattern: RegExp, keep: ReadonlySet<string>): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => pattern.test(n) && !keep.has(n));
  for (const name of stale) {
    await unlink(join(dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw exportIoError(join(dir, name), error);
    });
  }
  return stale;
}

function exportIoError(path: string, error: NodeJS.ErrnoException): ExportError {
  return new ExportError(path, reason('export_write_failed', { path, cause: error.code ?? '', detail: error.message }));
}
