// The licensing service at scale, beside a bare node:http server measured in the same run.
//
//   node --import tsx bench/licensing-scale.ts [--seconds 10] [--connections 50] [--keys 100000] [--pbxs 10000]
//
// Seeds 100,000 keys and 10,000 PBXs with a binding each (bulk INSERT … unnest into
// PostgreSQL; licensing.json written whole), then at 50 connections — each from a loopback
// address of its own, as 50 PBXs — for 10 s per figure measures license info, feature check,
// capture and refresh: on PostgreSQL, on the JSON file with one PBX (the embedded default) and
// with all the keys, and two service processes on one database. Prints req/s and p99 beside
// the targets. Everything listens on 127.0.0.1; every loop is bounded in time and count.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceSecret } from '../src/licensing/service/secret.js';
import { PostgresLicensingStorage } from '../src/licensing/service/storage/postgres-storage.js';
import { createTestDatabase } from '../test/licensing/service/database.js';
import { formatFigures, runLoad, startServerProcess, type LoadFigures } from './licensing/load.js';
import { benchHostId, makeSeed, writeJsonSeed, writePostgresSeed, type Seed } from './licensing/seed.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, keys: { type: 'string', default: '100000' }, pbxs: { type: 'string', default: '10000' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const KEYS = Number(values.keys);
const PBXS = Number(values.pbxs);

const secretHex = randomBytes(32).toString('hex');
const secret = new ServiceSecret(Buffer.from(secretHex, 'hex'));
const serviceEnv = { PBXMOD_SERVICE_SECRET: secretHex };
const localAddress = (c: number): string => `127.0.0.${10 + (c % 240)}`;
const pick = (n: number): number => Math.floor(Math.random() * n);
const host = (i: number, intruder: boolean) => ({ hostId: intruder ? `intruder-${i}` : benchHostId(i), user: 'root', host: intruder ? `intruder-${i}` : `pbx-${i}`, db: '/cf/conf/mikopbx.db', net: '02:00:00:00:00:02', proc: 4242 });

type Operation = 'info' | 'check' | 'capture' | 'refresh';
function bodyOf(op: Operation, seed: Seed, pbxs: number): () => { path: string; json: unknown } {
  return () => {
    const i = pick(pbxs);
    const key = seed.keys[i]!;
    switch (op) {
      case 'info':
        return { path: '/api/v1/license/info', json: { key: seed.keys[pick(seed.keys.length)] } };
      case 'check':
        return { path: '/api/v1/features/check', json: { key, featureId: 33, hostId: benchHostId(i) } };
      case 'capture':
        // Mostly the PBX's own seat (refreshed), now and then another host wanting the only seat (2008).
        return { path: '/api/v1/features/capture', json: { key, featureId: 33, host: host(i, Math.random() < 0.2) } };
      case 'refresh':
        return { path: '/api/v1/features/refresh', json: { key, hostId: benchHostId(i) } };
    }
  };
}

/** One request first, so that loading the store is not measured as the first requests' wait. */
const warmed = new Set<string>();
async function warmUp(url: string, seed: Seed): Promise<void> {
  if (warmed.has(url)) return;
  warmed.add(url);
  await runLoad({ url, connections: 1, durationMs: 600_000, maxRequestsPerConnection: 1, body: () => ({ path: '/api/v1/license/info', json: { key: seed.keys[0] } }) });
}

async function measure(url: string | string[], op: Operation, seed: Seed, pbxs: number): Promise<LoadFigures> {
  const urls = Array.isArray(url) ? url : [url];
  for (const u of urls) await warmUp(u, seed);
  return runLoad({ url: urls[0]!, urls, connections: CONNECTIONS, durationMs: SECONDS * 1000, body: bodyOf(op, seed, pbxs), localAddress });
}

const results: { label: string; figures: LoadFigures }[] = [];
/** The figures of the PostgreSQL runs (their 5xx count against the target). */
const pgLabels = new Set<string>();
let section = '';
function report(label: string, figures: LoadFigures): LoadFigures {
  results.push({ label: `${section}${label}`, figures });
  if (section.startsWith('PostgreSQL')) pgLabels.add(`${section}${label}`);
  console.log(`  ${label.padEnd(20)} ${formatFigures(figures)}`);
  return figures;
}

console.log(`Licensing service at scale: ${CONNECTIONS} connections × ${SECONDS} s per figure, ${KEYS.toLocaleString('en')} keys, ${PBXS.toLocaleString('en')} PBXs with a binding`);

// --- bare node:http: the ceiling of this machine in this run -----------------------------------
const bare = await startServerProcess('bare');
const oneKeySeed = makeSeed(secret, 1, 1);
const bareFigures = report('bare node:http', await runLoad({ url: bare.url, connections: CONNECTIONS, durationMs: SECONDS * 1000, body: () => ({ path: '/api/v1/license/info', json: { key: oneKeySeed.keys[0] } }), localAddress }));
await bare.stop();

// --- JSON file, one PBX (the embedded default) ------------------------------------------------
const jsonDir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-json-'));
await writeJsonSeed(jsonDir, oneKeySeed);
let service = await startServerProcess('licensing', { dataDir: jsonDir }, serviceEnv);
section = 'JSON 1: ';
console.log('JSON file, one PBX');
const jsonInfo = report('  license info', await measure(service.url, 'info', oneKeySeed, 1));
report('  feature check', await measure(service.url, 'check', oneKeySeed, 1));
report('  capture', await measure(service.url, 'capture', oneKeySeed, 1));
report('  refresh', await measure(service.url, 'refresh', oneKeySeed, 1));
await service.stop();
await rm(jsonDir, { recursive: true, force: true });

// --- seed ---------------------------------------------------------------------------------------
let started = performance.now();
const seed = makeSeed(secret, KEYS, PBXS);
console.log(`Seed made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// --- JSON file with every key: reads stay in memory ----------------------------------------------
const bigDir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-json-big-'));
started = performance.now();
await writeJsonSeed(bigDir, seed);
service = await startServerProcess('licensing', { dataDir: bigDir }, serviceEnv);
section = 'JSON all: ';
console.log(`JSON file, ${KEYS.toLocaleString('en')} keys (written and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
const bigInfo = report('  license info', await measure(service.url, 'info', seed, PBXS));
report('  feature check', await measure(service.url, 'check', seed, PBXS));
// Not measured here: every change rewrites (and re-validates) the whole file under a lock —
// the reason for the PostgreSQL backend.
await service.stop();
await rm(bigDir, { recursive: true, force: true });

// --- PostgreSQL ------------------------------------------------------------------------------------
const db = await createTestDatabase();
const storage = await PostgresLicensingStorage.open({ url: db.url });
started = performance.now();
await writePostgresSeed(storage, seed);
section = 'PostgreSQL: ';
console.log(`PostgreSQL (${db.kind}), ${KEYS.toLocaleString('en')} keys seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const pgDir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-pg-'));
service = await startServerProcess('licensing', { dataDir: pgDir, databaseUrl: db.url, databasePoolSize: 16 }, serviceEnv);
// Feature check first: it also warms the server's cache after the bulk load, as a service
// in use has it (license info then reads keys from all 100,000).
report('  feature check', await measure(service.url, 'check', seed, PBXS));
const pgInfo = report('  license info', await measure(service.url, 'info', seed, PBXS));
const pgCapture = report('  capture', await measure(service.url, 'capture', seed, PBXS));
report('  refresh', await measure(service.url, 'refresh', seed, PBXS));
await service.stop();

const overCount = async (): Promise<number> =>
  Number((await storage.query(`SELECT count(*)::int AS n FROM (SELECT key_id FROM bindings WHERE feature_id = 33 AND exp > now() GROUP BY key_id HAVING count(*) > 1) x`)).rows[0].n);
const overAfterOne = await overCount();

// --- two service processes on one database ---------------------------------------------------------
const first = await startServerProcess('licensing', { dataDir: pgDir, databaseUrl: db.url, databasePoolSize: 8 }, serviceEnv);
const second = await startServerProcess('licensing', { dataDir: pgDir, databaseUrl: db.url, databasePoolSize: 8 }, serviceEnv);
section = 'PostgreSQL two: ';
console.log('PostgreSQL, two service processes on one database');
const twoCapture = report('  capture', await measure([first.url, second.url], 'capture', seed, PBXS));
report('  license info', await measure([first.url, second.url], 'info', seed, PBXS));
await first.stop();
await second.stop();
const overAfterTwo = await overCount();
await storage.close();
await db.drop();
await rm(pgDir, { recursive: true, force: true });

// --- against the targets ----------------------------------------------------------------------------
const fivexx = (f: LoadFigures): number => Object.entries(f.statuses).filter(([s]) => Number(s) >= 500 || Number(s) === 0).reduce((n, [, c]) => n + c, 0);
const all5xx = results.filter((r) => pgLabels.has(r.label)).reduce((n, r) => n + fivexx(r.figures), 0);
const pct = (f: LoadFigures): string => `${((100 * f.perSecond) / bareFigures.perSecond).toFixed(0)}% of bare`;
const rows: [string, string, string, boolean][] = [
  ['PostgreSQL, 100k keys: license info', pct(pgInfo), '≥ 40% of bare', pgInfo.perSecond >= 0.4 * bareFigures.perSecond],
  ['PostgreSQL, 100k keys: capture', `${pgCapture.perSecond.toFixed(0)} req/s, p99 ${pgCapture.p99.toFixed(0)} ms`, '≥ 1,000 req/s, p99 ≤ 100 ms', pgCapture.perSecond >= 1000 && pgCapture.p99 <= 100],
  ['two processes: capture', `${twoCapture.perSecond.toFixed(0)} req/s, p99 ${twoCapture.p99.toFixed(0)} ms`, '(figure)', true],
  ['seats over their count', `${overAfterOne} (one process), ${overAfterTwo} (two)`, '0', overAfterOne === 0 && overAfterTwo === 0],
  ['PostgreSQL: 5xx or failed requests', String(all5xx), '0', all5xx === 0],
  ['JSON, one PBX: license info', pct(jsonInfo), '≥ 50% of bare', jsonInfo.perSecond >= 0.5 * bareFigures.perSecond],
  [`JSON, ${KEYS.toLocaleString('en')} keys: license info`, pct(bigInfo), '(figure: as with one key)', true],
];
console.log('\nFigures beside the targets');
for (const [what, figure, target, met] of rows) console.log(`  ${met ? 'met ' : 'MISS'}  ${what.padEnd(38)} ${figure.padEnd(34)} target ${target}`);
if (process.env.BENCH_JSON) console.log(JSON.stringify({ bare: bareFigures, results }));
