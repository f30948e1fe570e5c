import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreError, reason, type Reason } from '../domain/errors.js';
import { tryLock } from './process-lock.js';
import { explainSystemCause } from './system-error.js';

/** Every store file carries the version of its shape. */
export interface Versioned {
  schemaVersion: number;
}

/** Turns data of version `n` into data of version `n + 1`. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export interface JsonFileStoreOptions<T extends Versioned> {
  /** Path of the JSON file. */
  file: string;
  /** What the file is, for messages: "PBX store", "licensing service store". */
  label: string;
  /** The schema version this program writes. */
  currentVersion: number;
  /** `migrations[n]` upgrades version n to n + 1. */
  migrations: Readonly<Record<number, Migration>>;
  /** The shape of the current version; a file that fails it is reported, never overwritten. */
  schema: z.ZodType<T>;
  /** Content of a new file. */
  create: () => T;
  /** How long a writer waits for another process's lock before giving up. Default 10 s. */
  lockWaitMs?: number;
  /**
   * Read-only mode (`--readonly`): a missing file is not created (a read sees what a new one
   * would hold, the same for the whole process) and every update is refused.
   */
  readOnly?: boolean;
}

/**
 * One JSON file, read and written through lowdb, made safe for a PBX:
 * - writes are durable and atomic: temp file, fsync, rename, fsync of the directory,
 *   so neither `kill -9` nor a power cut leaves a half-written file;
 * - read-modify-write runs under a lock shared by all processes (process-lock.ts),
 *   so two consoles saving at once lose no update, and a writer killed holding it
 *   blocks nobody: its lock is taken over at once;
 * - the file is created mode 0600 and migrated forward by its schema version;
 * - a file that does not parse or does not fit the schema stops the program with a
 *   StoreError naming the file, and is never written over.
 */
export class JsonFileStore<T extends Versioned> {
  readonly file: string;
  private readonly options: JsonFileStoreOptions<T>;
  private readonly db: Low<T>;
  /** Leftover temp files are looked for once per process, and again after a failed write. */
  private tempFilesChecked = false;
  /** Read-only mode, no file yet: what a new one would hold, kept in memory. */
  private unsaved: T | undefined;

  constructor(options: JsonFileStoreOptions<T>) {
    this.options = options;
    this.file = options.file;
    this.db = new Low<T>(new DurableJsonAdapter<T>(options), options.create());
  }

  /** The current content. Readers need no lock: a rename makes every version whole. */
  async read(): Promise<T> {
    const data = await this.load();
    if (data) return data;
    if (this.options.readOnly) return (this.unsaved ??= this.options.create());
    // A missing file is created once, under the lock, so that two first runs agree.
    return this.update((current) => current);
  }

  /**
   * Run `change` on the freshest content under the cross-process lock and save the result.
   * `change` mutates the data it gets; what it returns is passed through. When it throws,
   * nothing is written.
   */
  async update<R>(change: (data: T) => R | Promise<R>): Promise<R> {
    if (this.options.readOnly) throw new StoreError(reason('store_read_only', { store: this.options.label, file: this.file }), this.file);
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 }).catch(async (error: unknown) => {
      throw await storeIoError(this.options, error);
    });
    const release = await this.lock();
    try {
      if (!this.tempFilesChecked) await this.removeLeftoverTempFiles();
      this.tempFilesChecked = true;
      const data = (await this.load()) ?? this.options.create();
      const result = await change(data);
      const parsed = this.options.schema.safeParse(data);
      if (!parsed.success) {
        // A bug, not a user error: refuse to write something the next read would reject.
        throw new StoreError(reason('store_invalid_write', { store: this.options.label, file: this.file, detail: parsed.error.issues[0]?.message ?? 'invalid data' }), this.file);
      }
      this.db.data = parsed.data;
      await this.db.write().catch((error: unknown) => {
        this.tempFilesChecked = false;
        throw error;
      });
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async load(): Promise<T | null> {
    // Not `db.read()`: lowdb keeps its previous data when the file is missing, which would hand
    // back the default made at construction (never saved) or a change whose update threw.
    const data = await this.db.adapter.read();
    if (data) this.db.data = data;
    return data;
  }

  private async lock(): Promise<() => Promise<void>> {
    const wait = this.options.lockWaitMs ?? 10_000;
    const started = Date.now();
    for (;;) {
      let attempt;
      try {
        attempt = await tryLock(`${this.file}.lock`, { operation: `writing the ${this.options.label}` });
      } catch (error) {
        throw await storeIoError(this.options, error);
      }
      if ('held' in attempt) return () => attempt.held.release();
      if (Date.now() - started > wait) {
        const who = attempt.busy ? { pid: attempt.busy.pid, ...(attempt.busy.host !== undefined ? { host: String(attempt.busy.host) } : {}) } : {};
        throw new StoreError(reason('store_busy', { store: this.options.label, file: this.file, ...who }), this.file);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }

  /** A writer killed mid-write leaves its temp file behind; with the lock held none is in use. */
  private async removeLeftoverTempFiles(): Promise<void> {
    const prefix = `${basename(this.file)}.`;
    const names = await readdir(dirname(this.file)).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(this.file), n)).catch(() => undefined)),
    );
  }
}

class DurableJsonAdapter<T extends Versioned> implements Adapter<T> {
  /** inode, size and mtime of the file as this process last wrote it: that content was checked before it was written. */
  private written: string | null = null;

  constructor(private readonly options: JsonFileStoreOptions<T>) {}

  async read(): Promise<T | null> {
    const { file, label } = this.options;
    let text: string;
    let signature: string;
    try {
      const handle = await open(file, 'r');
      try {
        const info = await handle.stat();
        signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw await storeIoError(this.options, error);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw corrupt(this.options, text.trim() === '' ? reason('store_corrupt_empty', { store: label, file }) : reason('store_corrupt_json', { store: label, file, detail: (error as Error).message }));
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw corrupt(this.options, reason('store_corrupt_not_object', { store: label, file }));
    if (signature === this.written && (raw as Versioned).schemaVersion === this.options.currentVersion) return raw as T;
    const migrated = migrate(this.options, raw as Record<string, unknown>);
    const parsed = this.options.schema.safeParse(migrated);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue && issue.path.length > 0 ? { at: issue.path.join('.') } : {};
      throw corrupt(this.options, reason('store_corrupt_shape', { store: label, file, ...at, detail: issue?.message ?? 'invalid' }));
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    const { file } = this.options;
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      const info = await stat(file);
      this.written = `${info.ino}:${info.size}:${info.mtimeMs}`;
      const directory = await open(dirname(file), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw await storeIoError(this.options, error);
    }
  }
}

function migrate<T extends Versioned>(options: JsonFileStoreOptions<T>, raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw corrupt(options, reason('store_corrupt_version', { store: options.label, file: options.file }));
  }
  if (version > options.currentVersion) {
    throw new StoreError(reason('store_too_new', { store: options.label, file: options.file, version, known: options.currentVersion }), options.file);
  }
  let data = raw;
  for (let v = version; v < options.currentVersion; v++) {
    const step = options.migrations[v];
    if (!step) throw new StoreError(reason('store_no_migration', { store: options.label, file: options.file, version: v }), options.file);
    data = { ...step(data), schemaVersion: v + 1 };
  }
  return data;
}

function corrupt<T extends Versioned>(options: JsonFileStoreOptions<T>, why: Reason): StoreError {
  return new StoreError(why, options.file, 'store_corrupt');
}

async function storeIoError<T extends Versioned>(options: JsonFileStoreOptions<T>, error: unknown): Promise<StoreError> {
  if (error instanceof StoreError) return error;
  const cause = await explainSystemCause(error);
  return new StoreError(reason('store_io', { store: options.label, file: options.file, cause }), options.file, `store_io_${(cause.errno ?? 'EIO').toLowerCase()}`);
}
