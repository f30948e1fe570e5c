// Module install throughput and memory: `node --import tsx bench/module-install.ts [--size-mb 20] [--runs 5] [--dir DIR]`.
//
// Runs twice: in the temp directory (on disk here) and on a tmpfs (/dev/shm), and prints both
// medians beside the target. On tmpfs the baseline's I/O costs nothing, so the ratio there shows
// pbxmod's own CPU cost; on disk both sides wait for the same writes. `--dir` runs one place only.
//
// Builds a ~20 MB module zip (PHP-like text that compresses, plus random "sounds" that do not),
// serves it from a loopback HTTP server speaking the licensing API's catalog/link/download
// routes (in its own process, as a remote service would be), and times the real `installFromMarketplace` (lock, link, streamed download with md5,
// checks, extraction, swap, store commit) against `md5sum` + `unzip` of the same bytes.
// Memory is sampled every 5 ms during the installs: it should stay flat whatever the size.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeModuleZip, type ZipEntry } from '../src/licensing/service/catalog/archives.js';
import { LicensingClient } from '../src/licensing/client.js';
import type { ModuleContext } from '../src/modules/context.js';
import { installFromMarketplace } from '../src/modules/install.js';
import { removeModule } from '../src/modules/lifecycle.js';
import { openPbxStore } from '../src/store/pbx-store.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE_MB = arg('size-mb', 20);
const RUNS = arg('runs', 5);
const TARGET = 1.5;
const ID = 'ModuleBench';

function moduleEntries(totalBytes: number): ZipEntry[] {
  const entries: ZipEntry[] = [
    { name: 'module.json', content: JSON.stringify({ developer: 'Bench', moduleUniqueID: ID, support_email: 'b@example.com', version: '1.0', min_pbx_version: '2023.1.1' }) },
  ];
  // PHP-like text in a few hundred files (compresses ~4x) and random assets (do not compress):
  // about half the archive each once packed.
  const textTotal = totalBytes * 1.25;
  for (let i = 0, made = 0; made < textTotal; i++) {
    const lines: string[] = [];
    let size = 0;
    const target = 20_000 + ((i * 7919) % 60_000);
    for (let n = 0; size < target; n++) {
      const line = `    public function action${n}_${i}(array $request): array { return ['id' => ${n * i}, 'name' => '${randomBytes(9).toString('base64')}', 'hash' => '${randomBytes(12).toString('base64')}']; }\n`;
      lines.push(line);
      size += line.length;
    }
    const content = `<?php\nnamespace Modules\\${ID}\\Lib\\Part${i};\n\nclass Part${i}\n{\n${lines.join('')}}\n`;
    entries.push({ name: `Lib/Part${i}/Part${i}.php`, content });
    made += content.length;
  }
  const randomTotal = Math.round(totalBytes * 0.7);
  const chunk = 2 * 1024 * 1024;
  for (let i = 0; i * chunk < randomTotal; i++) entries.push({ name: `sounds/prompt${i}.wav`, content: randomBytes(Math.min(chunk, randomTotal - i * chunk)) });
  return entries;
}

/** The catalog, link and download routes of the licensing API, for one module. */
async function serve(file: string, md5: string, size: number): Promise<{ url: string; close: () => Promise<void> }> {
  const release = { version: '1.0', date: '2025-01-01', size, md5, changelog: 'bench', minPbxVersion: '2023.1.1' };
  const details = { id: ID, name: 'Bench', description: 'bench', developer: 'Bench', supportEmail: 'b@example.com', version: '1.0', size, licProductId: 0, licFeatureId: 0, free: true, releases: [release], eula: null };
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.startsWith(`/api/v1/catalog/${ID}`)) return json(details);
    if (req.method === 'POST' && url === `/api/v1/catalog/${ID}/link`) {
      req.resume();
      return req.on('end', () => json({ href: '/api/v1/downloads/bench', md5, size }));
    }
    if (url === '/api/v1/downloads/bench') {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': size });
      return createReadStream(file).pipe(res);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Start `serve` in a child process (this file with --serve), so its CPU is not counted as ours. */
async function serveInChild(file: string, md5: string, size: number): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', file, md5, String(size)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /http:\/\/\S+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

interface PlaceFigures {
  place: string;
  oursMs: number;
  oursBestMs: number;
  baseMs?: number;
  baseBestMs?: number;
}

/** Every run of the install and of the baseline, with the work files under `base`. */
async function benchAt(base: string, place: string): Promise<PlaceFigures> {
  console.log(`\n== ${place}: ${base}`);
  const work = await mkdtemp(join(base, 'pbxmod-bench-'));
  try {
    const zip = join(work, `${ID}.zip`);
    const entries = moduleEntries(SIZE_MB * 1024 * 1024);
    const unpacked = entries.reduce((sum, e) => sum + Buffer.byteLength(e.content), 0);
    const { md5, size } = await writeModuleZip(zip, entries);
    console.log(`archive: ${(size / 1048576).toFixed(1)} MB packed, ${entries.length} files, ${(unpacked / 1048576).toFixed(1)} MB unpacked`);
    entries.length = 0;

    const server = await serveInChild(zip, md5, size);
    const dataDir = join(work, 'pbx');
    const store = openPbxStore(dataDir);
    const client = new LicensingClient({ baseUrl: server.url });
    const ctx: ModuleContext = {
      dataDir,
      store,
      licensing: async () => client,
      hostIdentity: async () => ({ hostId: (await store.read()).settings.hostId, user: 'bench', host: 'bench', db: 'bench', net: '00:00:00:00:00:00', proc: process.pid }),
    };
    await store.read();

    // Warm up (JIT, page cache), then measure.
    await installFromMarketplace(ctx, ID);
    await removeModule(ctx, ID, { keepSettings: false });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let peakHeap = heapBefore;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 5);
    const hasBaseline = hasTool('unzip') && hasTool('md5sum');
    const ours: number[] = [];
    const baseline: number[] = [];
    const stageMs: Record<string, number[]> = {};
    // Interleaved, so that a busy machine slows both sides alike.
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      let last = started;
      let stage = 'lock';
      const mark = (next: string) => {
        const now = process.hrtime.bigint();
        (stageMs[stage] ??= []).push(Number(now - last) / 1e6);
        stage = next;
        last = now;
      };
      await installFromMarketplace(ctx, ID, { onProgress: (p) => p.stage !== stage && mark(p.stage) });
      mark('done');
      ours.push(Number(process.hrtime.bigint() - started) / 1e6);
      await removeModule(ctx, ID, { keepSettings: false });
      if (hasBaseline) {
        const out = join(work, `unzip-${i}`);
        const t0 = process.hrtime.bigint();
        execFileSync('md5sum', [zip], { stdio: 'ignore' });
        execFileSync('unzip', ['-q', zip, '-d', out], { stdio: 'ignore' });
        baseline.push(Number(process.hrtime.bigint() - t0) / 1e6);
        await rm(out, { recursive: true, force: true });
      }
    }
    clearInterval(sampler);
    await server.close();

    const mb = size / 1048576;
    const oursMs = median(ours);
    console.log(`pbxmod install (download + md5 + checks + extract + commit): median ${oursMs.toFixed(0)} ms, best ${Math.min(...ours).toFixed(0)} ms of ${RUNS} (${(mb / (oursMs / 1000)).toFixed(0)} MB/s packed)`);
    console.log(`  stages (median ms): ${Object.entries(stageMs).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ')}`);
    console.log(`memory during installs: heap +${((peakHeap - heapBefore) / 1048576).toFixed(1)} MB at peak, RSS ${(rssBefore / 1048576).toFixed(0)} -> ${(peakRss / 1048576).toFixed(0)} MB peak (archive ${mb.toFixed(0)} MB: never held in memory)`);

    if (!hasBaseline) {
      console.log('md5sum/unzip not available: baseline skipped (install unzip with `apt-get install unzip`).');
      return { place, oursMs, oursBestMs: Math.min(...ours) };
    }
    const baseMs = median(baseline);
    console.log(`md5sum + unzip -q of the same file: median ${baseMs.toFixed(0)} ms, best ${Math.min(...baseline).toFixed(0)} ms of ${RUNS}`);
    return { place, oursMs, oursBestMs: Math.min(...ours), baseMs, baseBestMs: Math.min(...baseline) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Where to run: --dir, else the temp directory and a tmpfs when there is one. */
function places(): Array<{ base: string; place: string }> {
  const i = process.argv.indexOf('--dir');
  if (i >= 0) return [{ base: process.argv[i + 1]!, place: `${process.argv[i + 1]} (${fsType(process.argv[i + 1]!)})` }];
  const list = [{ base: tmpdir(), place: `temp directory (${fsType(tmpdir())})` }];
  if (fsType('/dev/shm') === 'tmpfs') list.push({ base: '/dev/shm', place: 'tmpfs (/dev/shm)' });
  return list;
}

function fsType(path: string): string {
  const run = spawnSync('stat', ['-f', '-c', '%T', path], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : 'unknown';
}

async function main(): Promise<void> {
  const results: PlaceFigures[] = [];
  for (const { base, place } of places()) results.push(await benchAt(base, place));
  console.log(`\n== install ${SIZE_MB} MB vs md5sum + unzip (median of ${RUNS}; target <= ${TARGET}x)`);
  for (const r of results) {
    if (r.baseMs === undefined || r.baseBestMs === undefined) {
      console.log(`  ${r.place}: ${r.oursMs.toFixed(0)} ms, no baseline`);
      continue;
    }
    const ratio = r.oursMs / r.baseMs;
    console.log(
      `  ${r.place}: ${r.oursMs.toFixed(0)} vs ${r.baseMs.toFixed(0)} ms = ${ratio.toFixed(2)}x median ${ratio <= TARGET ? 'ok' : 'OVER TARGET'}` +
        `   (best ${r.oursBestMs.toFixed(0)} vs ${r.baseBestMs.toFixed(0)} ms = ${(r.oursBestMs / r.baseBestMs).toFixed(2)}x)`,
    );
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) {
  const [file, md5, size] = process.argv.slice(serveAt + 1) as [string, string, string];
  const server = await serve(file, md5, Number(size));
  process.stdout.write(`${server.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
} else {
  await main();
}
