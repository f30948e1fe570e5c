import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yazl from 'yazl';
import type { CatalogEntry } from './catalog.js';
import { DEMO_MODULES, demoModuleFiles } from './demo-catalog.js';

/** One entry of a zip to write. */
export interface ZipEntry {
  /** Path inside the archive; a name ending in "/" is a directory. */
  name: string;
  content: Buffer | string;
  /** Unix mode with type bits: 0o100644 a file (default), 0o40755 a directory, 0o120777 a symlink whose content is its target. */
  mode?: number;
  /** Default 2024-01-01T00:00:00Z, so that the same entries give the same bytes. */
  mtime?: Date;
  /**
   * Keep `name` byte for byte even when it is absolute, climbs out with "..", or holds
   * backslashes — yazl refuses those; tests of zip-slip defences need them.
   */
  raw?: boolean;
}

export interface WrittenArchive {
  size: number;
  md5: string;
}

const DEFAULT_MTIME = new Date('2024-01-01T00:00:00Z');

interface YazlInternals {
  entries: { utf8FileName: Buffer }[];
}

/**
 * Write a zip of `entries` to `path` (atomically: a temp file renamed into place) and return
 * its size and md5. Used for the demo catalog, and by tests that need bespoke or hostile archives.
 */
export async function writeModuleZip(path: string, entries: readonly ZipEntry[]): Promise<WrittenArchive> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const isDirectory = entry.name.endsWith('/') && !(entry.raw && entry.content.length > 0);
    const name = entry.raw ? 'placeholder' : entry.name;
    const options: { mtime: Date; mode?: number } = { mtime: entry.mtime ?? DEFAULT_MTIME };
    if (entry.mode !== undefined) options.mode = entry.mode;
    if (isDirectory) zip.addEmptyDirectory(name, options);
    else zip.addBuffer(Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8'), name, options);
    if (entry.raw) {
      // yazl validates names when they are added; the header is built later from this field.
      const added = (zip as unknown as YazlInternals).entries.at(-1);
      if (added) added.utf8FileName = Buffer.from(entry.name, 'utf8');
    }
  }
  zip.end();

  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const md5 = createHash('md5');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(zip.outputStream, measure, createWriteStream(temp));
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return { size, md5: md5.digest('hex') };
}

/** md5 and size of a file, streamed; null when it cannot be read. */
export async function fileDigest(path: string): Promise<WrittenArchive | null> {
  const md5 = createHash('md5');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      md5.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch {
    return null;
  }
  return { size, md5: md5.digest('hex') };
}

/** Bump when the demo archives' content changes, so existing ones are rebuilt. */
const DEMO_GENERATION = 1;
const INDEX_FILE = 'index.json';

interface ArchiveIndex {
  generation: number;
  archives: Record<string, WrittenArchive>;
}

async function readIndex(dir: string): Promise<ArchiveIndex> {
  try {
    const raw = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as Partial<ArchiveIndex>;
    if (raw.generation === DEMO_GENERATION && raw.archives && typeof raw.archives === 'object') return { generation: DEMO_GENERATION, archives: raw.archives };
  } catch {
    // Missing or unreadable: every archive is checked by rebuilding it.
  }
  return { generation: DEMO_GENERATION, archives: {} };
}

export function demoArchiveName(id: string, version: string): string {
  return `${id}-${version}.zip`;
}

/**
 * Make sure `dir` holds the demo catalog's archives, rebuilding any that is missing, changed
 * or corrupt (its md5 no longer matches the index), and describe the catalog with each
 * release's real size and md5.
 */
export async function ensureDemoArchives(dir: string): Promise<CatalogEntry[]> {
  await mkdir(dir, { recursive: true });
  const index = await readIndex(dir);
  let changed = false;
  const entries: CatalogEntry[] = [];
  for (const module of DEMO_MODULES) {
    const releases: CatalogEntry['releases'] = [];
    for (const release of module.releases) {
      const name = demoArchiveName(module.id, release.version);
      const file = join(dir, name);
      const known = index.archives[name];
      const onDisk = known ? await fileDigest(file) : null;
      let archive: WrittenArchive;
      if (known && onDisk && onDisk.md5 === known.md5 && onDisk.size === known.size) {
        archive = known;
      } else {
        archive = await writeModuleZip(file, demoModuleFiles(module, release));
        index.archives[name] = archive;
        changed = true;
      }
      releases.push({ ...release, size: archive.size, md5: archive.md5, file });
    }
    const entry: CatalogEntry = {
      id: module.id,
      name: module.name,
      description: module.description,
      developer: module.developer,
      supportEmail: module.supportEmail,
      license: module.license,
      eula: module.eula,
      releases,
    };
    if (module.moduleType !== undefined) entry.moduleType = module.moduleType;
    entries.push(entry);
  }
  if (changed) {
    const temp = join(dir, `.${INDEX_FILE}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, `${JSON.stringify(index, null, 2)}\n`);
    await rename(temp, join(dir, INDEX_FILE));
  }
  return entries;
}
