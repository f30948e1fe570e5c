import { systemCause } from '../domain/system-errors.js';
import { formatBytes } from '../domain/byte-size.js';
import { reason } from '../domain/errors.js';
import { visibleText } from '../domain/terminal-text.js';
import { inodesUsedUp } from '../store/system-error.js';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { unsafeEntryName, type UnsafeNameKind } from '../domain/archive-entry-name.js';
import { MAX_MANIFEST_BYTES, ManifestError, parseManifest, type ModuleManifest } from '../domain/manifest.js';
import { ArchiveError, ModuleError } from './errors.js';
import { CachedZipReader } from './zip-reader.js';

/** What a module archive may hold before it is refused as a zip bomb or a trap. */
export interface ArchiveLimits {
  /** Entries (files and folders). */
  maxEntries: number;
  /** Sum of the unpacked sizes. */
  maxTotalBytes: number;
  /** Unpacked size of one file. */
  maxEntryBytes: number;
  /** Unpacked / packed size of one file above `ratioFloorBytes`. */
  maxRatio: number;
  /** Files smaller than this are not held to `maxRatio` (tiny files compress absurdly well). */
  ratioFloorBytes: number;
  /** Unpacked / packed size of the whole archive, once it unpacks to more than `totalRatioFloorBytes`. */
  maxTotalRatio: number;
  /** An archive unpacking to less than this is not held to `maxTotalRatio`. */
  totalRatioFloorBytes: number;
  /** Length of an entry name in bytes. */
  maxNameBytes: number;
}

/**
 * Real MikoPBX modules are a few MB with at most a few thousand files (PHP vendor trees);
 * the largest (language packs with voice prompts) stay well under 500 MB unpacked. Deflate
 * reaches ~1000:1 on constant data, source code ~5–15:1.
 */
export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  maxEntries: 20_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  // Real modules unpack to 1.1–1.7 times their packed size (the demo catalog, built from the
  // vendors' manifests); PHP and text compress 4–8 times. 50:1 over 64 MiB is far from both, and
  // stops a bomb of many files each under the per-file floor (1.1 MB packed, 1,000 MB unpacked).
  maxTotalRatio: 50,
  totalRatioFloorBytes: 64 * 1024 * 1024,
  maxNameBytes: 1024,
};

/** Read, inflate and write in chunks this large. */
const READ_CHUNK = 256 * 1024;
/** Entries unpacked at once: keeps the thread pool busy; memory stays a few chunks per entry. */
const PARALLEL_ENTRIES = 4;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

interface CheckedEntry {
  entry: Entry;
  /** Relative path inside the module directory, without a trailing slash. */
  path: string;
  directory: boolean;
  executable: boolean;
}

/**
 * A module archive that passed every check that can be made without unpacking: a readable
 * zip, safe names, no links or devices, no duplicates, sizes and ratios in bounds, and a valid
 * module.json at its root. `extractTo` then unpacks it, checking the real bytes as it goes.
 */
export class ModuleArchive {
  readonly manifest: ModuleManifest;
  /** Sum of declared unpacked sizes. */
  readonly totalBytes: number;
  readonly entryCount: number;
  private readonly file: string;
  /** The archive, open once: the zip reader and the extraction read through it. */
  private readonly handle: FileHandle;
  private readonly zip: ZipFile;
  private readonly entries: CheckedEntry[];
  private readonly limits: ArchiveLimits;

  private constructor(file: string, handle: FileHandle, zip: ZipFile, entries: CheckedEntry[], manifest: ModuleManifest, limits: ArchiveLimits) {
    this.file = file;
    this.handle = handle;
    this.zip = zip;
    this.entries = entries;
    this.manifest = manifest;
    this.limits = limits;
    this.totalBytes = entries.reduce((sum, e) => sum + (e.directory ? 0 : e.entry.uncompressedSize), 0);
    this.entryCount = entries.length;
  }

  /** Space the unpacked files take on a disk with `blockSize` blocks: each file and folder takes at least one. */
  diskBytes(blockSize: number): number {
    const bs = Math.max(512, blockSize);
    return this.entries.reduce((sum, e) => sum + Math.max(1, Math.ceil((e.directory ? 0 : e.entry.uncompressedSize) / bs)) * bs, 0);
  }

  /** Open and check `file`; throws ArchiveError / ManifestError with one message per defect. */
  static async open(file: string, limits: Partial<ArchiveLimits> = {}): Promise<ModuleArchive> {
    const effective = { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
    let zip: ZipFile;
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'r');
      const { size } = await handle.stat();
      const reader = new CachedZipReader(file, handle.fd, size);
      zip = await yauzl.fromRandomAccessReaderPromise(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: true, validateEntrySizes: true });
    } catch (error) {
      await handle?.close().catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ModuleError(reason('module_file_missing', { file }), 'module_io');
      if (code === 'EISDIR') throw new ModuleError(reason('module_file_is_folder', { file }), 'module_io');
      if (code === 'EACCES') throw new ModuleError(reason('module_file_denied', { file }), 'module_io');
      if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) {
        throw new ModuleError(reason('module_file_unreadable', { cause: systemCause(error, file) }), 'module_io');
      }
      throw corrupt(error);
    }
    try {
      if (zip.entryCount > effective.maxEntries) {
        throw new ArchiveError(reason('archive_too_many_entries', { count: zip.entryCount, max: effective.maxEntries }));
      }
      const entries = await readCentralDirectory(zip, effective);
      const manifest = await readManifest(zip, entries);
      return new ModuleArchive(file, handle, zip, entries, manifest, effective);
    } catch (error) {
      zip.close();
      await handle.close();
      throw error;
    }
  }

  /**
   * Unpack into `target`, an empty folder. Every file's inflated bytes are counted against its
   * declared size and its CRC-32 checked; files are created exclusively, never through links.
   */
  async extractTo(target: string, onProgress?: (bytes: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    const root = resolve(target);
    await mkdir(root, { recursive: true, mode: 0o755 });
    let written = 0;
    let reported = 0;
    onProgress?.(0, this.totalBytes);
    const files: Array<{ item: CheckedEntry; destination: string }> = [];
    const folders = new Set<string>();
    for (const item of this.entries) {
      const destination = resolve(root, item.path);
      // Names were checked already; this is the last line of defence against a path outside.
      const rel = relative(root, destination);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw unsafe(item.path, 'dot_dot');
      if (item.directory) folders.add(destination);
      else {
        folders.add(dirname(destination));
        files.push({ item, destination });
      }
    }
    for (const folder of [...folders].sort()) {
      await mkdir(folder, { recursive: true, mode: 0o755 }).catch((error: unknown) => {
        throw extractionFailure(error, relative(root, folder));
      });
    }
    // A few entries at a time, in large reads: yauzl's 16 KiB reads cost more in thread-pool
    // round trips than inflating does. Memory stays a few chunks per entry in flight.
    let next = 0;
    let failure: unknown;
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < files.length) {
        if (signal?.aborted) {
          failure ??= signal.reason;
          break;
        }
        const { item, destination } = files[next++] as { item: CheckedEntry; destination: string };
        const count = (n: number): void => {
          written += n;
          if (onProgress && written - reported >= 256 * 1024) {
            reported = written;
            onProgress(written, this.totalBytes);
          }
        };
        try {
          if (item.entry.uncompressedSize <= READ_CHUNK && item.entry.compressedSize <= READ_CHUNK) {
            // No larger than one chunk of the streaming path: unpacked in one go, same checks.
            await writeFile(destination, await this.readSmall(item), { flag: 'wx', mode: item.executable ? 0o755 : 0o644 });
            count(item.entry.uncompressedSize);
            continue;
          }
          const check = new EntryCheck(item, this.limits, count);
          const source = await this.openData(item.entry);
          const stages: NodeJS.ReadableStream[] = item.entry.compressionMethod === 8 ? [source, createInflateRaw({ chunkSize: READ_CHUNK })] : [source];
          await pipeline([...stages, check, createWriteStream(destination, { flags: 'wx', mode: item.executable ? 0o755 : 0o644, highWaterMark: READ_CHUNK })], ...(signal ? [{ signal }] : []));
        } catch (error) {
          failure ??= signal?.aborted ? signal.reason : extractionFailure(error, item.path);
        }
      }
    };
    // Every worker has stopped before this returns: nothing writes after a failure is reported.
    await Promise.all(Array.from({ length: Math.min(PARALLEL_ENTRIES, files.length) }, worker));
    if (failure !== undefined) throw await outOfSpace(failure, root);
    onProgress?.(written, this.totalBytes);
  }

  /** A small entry's unpacked bytes, checked like the streaming path: exact size, CRC-32. */
  private async readSmall(item: CheckedEntry): Promise<Buffer> {
    const { entry } = item;
    const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
    const packed = Buffer.allocUnsafe(entry.compressedSize);
    const { bytesRead } = await this.handle.read(packed, 0, entry.compressedSize, fileDataStart);
    if (bytesRead !== entry.compressedSize) throw new ArchiveError(reason('archive_truncated', { entry: quoteEntry(item.path) }), item.path, 'archive_corrupt');
    let data: Buffer;
    if (entry.compressionMethod === 8) {
      try {
        // One byte over the declared size is enough to tell a lie; the output never grows beyond it.
        data = inflateRawSync(packed, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw sizeMismatch(item.path, entry.uncompressedSize, `more than ${entry.uncompressedSize}`);
        throw corrupt(error, item.path);
      }
    } else {
      data = packed;
    }
    if (data.length !== entry.uncompressedSize) throw sizeMismatch(item.path, entry.uncompressedSize, String(data.length));
    if (crc32(data) >>> 0 !== entry.crc32 >>> 0) throw new ArchiveError(reason('archive_checksum', { entry: quoteEntry(item.path) }), item.path);
    return data;
  }

  /** The packed bytes of an entry, bounds-checked against the file. */
  private async openData(entry: Entry): Promise<Readable> {
    const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
    if (entry.compressedSize === 0) return Readable.from([]);
    // Its own descriptor: a finished pipeline closes the descriptor of its source.
    return createReadStream(this.file, { start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: READ_CHUNK });
  }

  /** Let go of the archive file. */
  async close(): Promise<void> {
    this.zip.close();
    await this.handle.close();
  }
}

/** Counts and CRCs the inflated bytes of one entry; refuses more than declared. */
class EntryCheck extends Transform {
  private bytes = 0;
  private crc = 0;
  constructor(
    private readonly item: CheckedEntry,
    private readonly limits: ArchiveLimits,
    private readonly onBytes: (n: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.item.entry.uncompressedSize || this.bytes > this.limits.maxEntryBytes) {
      done(sizeMismatch(this.item.path, this.item.entry.uncompressedSize, `more than ${this.bytes - chunk.length}`));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    this.onBytes(chunk.length);
    done(null, chunk);
  }

  override _flush(done: (error?: Error | null) => void): void {
    if (this.bytes !== this.item.entry.uncompressedSize) {
      done(sizeMismatch(this.item.path, this.item.entry.uncompressedSize, String(this.bytes)));
      return;
    }
    if (this.crc >>> 0 !== this.item.entry.crc32 >>> 0) {
      done(new ArchiveError(reason('archive_checksum', { entry: quoteEntry(this.item.path) }), this.item.path));
      return;
    }
    done();
  }
}

async function readCentralDirectory(zip: ZipFile, limits: ArchiveLimits): Promise<CheckedEntry[]> {
  const entries: CheckedEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let packed = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const item = checkEntry(entry, limits);
      if (seen.has(item.path)) {
        throw new ArchiveError(reason('archive_duplicate_entry', { entry: quoteEntry(item.path) }), item.path);
      }
      seen.add(item.path);
      if (!item.directory) {
        total += entry.uncompressedSize;
        packed += entry.compressedSize;
        if (total > limits.maxTotalBytes) {
          throw new ArchiveError(reason('archive_too_large', { maxBytes: limits.maxTotalBytes }), item.path);
        }
      }
      entries.push(item);
    }
  } catch (error) {
    throw error instanceof ArchiveError ? error : yauzlEntryError(error);
  }
  if (total > limits.totalRatioFloorBytes && total / Math.max(packed, 1) > limits.maxTotalRatio) {
    const ratio = Math.round(total / Math.max(packed, 1));
    throw new ArchiveError(reason('archive_ratio', { ratio, packed, unpacked: total, floorBytes: limits.totalRatioFloorBytes, limit: limits.maxTotalRatio }));
  }
  // A file and a folder of the same name (`a` and `a/b`) cannot both exist on disk.
  const files = new Set(entries.filter((e) => !e.directory).map((e) => e.path));
  for (const item of entries) {
    const parts = item.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (files.has(parent)) {
        throw new ArchiveError(reason('archive_duplicate_folder', { parent: quoteEntry(parent), entry: quoteEntry(item.path) }), item.path, 'archive_duplicate_entry');
      }
    }
  }
  return entries;
}

function checkEntry(entry: Entry, limits: ArchiveLimits): CheckedEntry {
  const name = entry.fileName;
  // pbxmod's own name rules (src/domain/archive-entry-name.ts); quoteEntry shows control characters as escapes, quoted once.
  const why = unsafeEntryName(name, limits.maxNameBytes);
  if (why) throw unsafe(why === 'name_too_long' ? `${name.slice(0, 60)}...` : name, why, limits.maxNameBytes);

  const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
  const type = unixMode & S_IFMT;
  if (type === S_IFLNK) {
    throw new ArchiveError(reason('archive_symlink', { entry: quoteEntry(name) }), name);
  }
  const directory = name.endsWith('/') || type === S_IFDIR;
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw new ArchiveError(reason('archive_special_file', { entry: quoteEntry(name) }), name);
  }

  const path = name.replace(/\/+$/, '');

  if (entry.isEncrypted()) throw new ArchiveError(reason('archive_encrypted', { entry: quoteEntry(name) }), name);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new ArchiveError(reason('archive_unsupported', { entry: quoteEntry(name), method: entry.compressionMethod }), name);
  }
  if (directory) {
    if (entry.uncompressedSize !== 0) throw sizeMismatch(name, 0, String(entry.uncompressedSize));
  } else {
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ArchiveError(reason('archive_entry_too_large', { entry: quoteEntry(name), bytes: entry.uncompressedSize, maxBytes: limits.maxEntryBytes }), name, 'archive_too_large');
    }
    if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      throw new ArchiveError(
        reason('archive_entry_ratio', { entry: quoteEntry(name), ratio, packed: entry.compressedSize, unpacked: entry.uncompressedSize, limit: limits.maxRatio }),
        name,
        'archive_ratio',
      );
    }
  }
  return { entry, path, directory, executable: !directory && (unixMode & 0o111) !== 0 };
}

async function readManifest(zip: ZipFile, entries: CheckedEntry[]): Promise<ModuleManifest> {
  const item = entries.find((e) => e.path === 'module.json' && !e.directory);
  if (!item) {
    const nested = entries.find((e) => !e.directory && e.path.endsWith('/module.json'));
    throw nested
      ? new ArchiveError(reason('archive_nested_manifest', { path: visibleText(nested.path) }), undefined, 'archive_no_manifest')
      : new ArchiveError(reason('archive_no_manifest'));
  }
  if (item.entry.uncompressedSize > MAX_MANIFEST_BYTES) {
    throw new ManifestError(reason('manifest_too_large', { bytes: item.entry.uncompressedSize }));
  }
  const stream = await openEntry(zip, item.entry);
  const chunks: Buffer[] = [];
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    throw extractionFailure(error, 'module.json');
  }
  if (crc >>> 0 !== item.entry.crc32 >>> 0) throw new ArchiveError(reason('archive_checksum', { entry: quoteEntry('module.json') }), 'module.json');
  return parseManifest(manifestText(Buffer.concat(chunks)));
}

/**
 * module.json as text. The vendor's are UTF-8; one saved as UTF-16 (by a Windows editor) is read
 * as what it says, rather than shown with a NUL between every letter.
 */
function manifestText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  // UTF-16 without a byte-order mark: JSON starts with ASCII, so every other byte is NUL.
  if (bytes.length >= 4 && bytes.length % 2 === 0 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return bytes.toString('utf16le');
  if (bytes.length >= 4 && bytes.length % 2 === 0 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw corrupt(error);
  }
}

/** ENOSPC is a full disk or a file system out of inodes (a module of many small files): statfs tells which. */
async function outOfSpace(failure: unknown, root: string): Promise<unknown> {
  if (!(failure instanceof ModuleError) || failure.reason?.id !== 'module_unpack_disk_full' || !(await inodesUsedUp(root))) return failure;
  const cause = systemCause({ code: 'ENOSPC' }, root, { inodesExhausted: true });
  return new ModuleError(reason('module_unpack_no_inodes', { entry: String(failure.params.entry), cause }), 'disk_full');
}

function extractionFailure(error: unknown, entry: string): Error {
  if (error instanceof ArchiveError || error instanceof ModuleError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ModuleError(reason('module_unpack_disk_full', { entry: quoteEntry(entry) }), 'disk_full');
  }
  if (code === 'EEXIST') return new ArchiveError(reason('archive_duplicate_on_disk', { entry: quoteEntry(entry) }), entry, 'archive_duplicate_entry');
  if (code && /^E[A-Z0-9]+$/.test(code)) {
    return new ModuleError(reason('module_unpack_failed', { entry: quoteEntry(entry), cause: systemCause(error) }), 'module_io');
  }
  const message = (error as Error).message ?? String(error);
  const declared = /bytes in the stream\. expected (\d+)\. got (?:at least|only) (\d+)/.exec(message);
  if (declared) return sizeMismatch(entry, Number(declared[1]), declared[2] as string);
  return corrupt(error, entry);
}

function yauzlEntryError(error: unknown): ArchiveError {
  const message = (error as Error).message ?? String(error);
  const named = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(message);
  if (named) {
    const [, kind, name = ''] = named;
    if (kind === 'absolute path') return unsafe(name, /^[A-Za-z]:/.test(name) ? 'drive_letter' : 'absolute');
    if (kind === 'invalid relative path') return unsafe(name, 'dot_dot');
    return unsafe(name, 'backslash');
  }
  return corrupt(error);
}

function unsafe(name: string, why: UnsafeNameKind, maxBytes?: number): ArchiveError {
  return new ArchiveError(reason('archive_unsafe_path', { entry: quoteEntry(name), why, ...(why === 'name_too_long' ? { maxBytes } : {}) }), name);
}

function sizeMismatch(name: string, declared: number, actual: string): ArchiveError {
  return new ArchiveError(reason('archive_size_mismatch', { entry: quoteEntry(name), actual, declared }), name);
}

function corrupt(error: unknown, entry?: string): ArchiveError {
  const detail = (error as Error)?.message ?? String(error);
  if (/invalid (local file|central directory file) header signature/i.test(detail)) {
    // The offsets of the central directory point at the wrong bytes: data was put in front of the
    // zip (a self-extracting archive) without fixing them. `unzip` compensates; pbxmod does not guess.
    return new ArchiveError(reason('archive_offsets', entry ? { entry: quoteEntry(entry) } : {}), entry, 'archive_corrupt');
  }
  return new ArchiveError(reason('archive_corrupt', { ...(entry ? { entry: quoteEntry(entry) } : {}), detail: visibleText(detail.replace(/\.+$/, '')) }), entry);
}

export { formatBytes } from '../domain/byte-size.js';

/**
 * An entry name from the archive, quoted for a message: control characters (a NUL, an escape
 * sequence) as visible escapes, a quote inside escaped — never raw text from outside.
 */
export function quoteEntry(name: string): string {
  return `"${visibleText(name).replace(/"/g, '\\"')}"`;
}
