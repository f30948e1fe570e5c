import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, lstat, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { PbxContext } from '../../src/pbx-context.js';
import { LicensingClient } from '../../src/licensing/client.js';
import { ConnectionError } from '../../src/licensing/errors.js';
import { startLicensingService, type RunningLicensingService } from '../../src/licensing/service/server.js';
import type { ModuleContext } from '../../src/modules/context.js';
import { openPbxStore } from '../../src/store/pbx-store.js';
import { PBXMOD_SOURCE, runTs, type CliResult } from '../support/cli.js';

export const REPO = resolve(import.meta.dirname, '../..');

/** A real licensing service on a free loopback port, its data in a temp dir. */
export interface TestService {
  url: string;
  dataDir: string;
  service: RunningLicensingService;
  client: LicensingClient;
  /** A demo catalog archive as the service keeps it. */
  archive(id: string, version: string): string;
  stop(): Promise<void>;
}

export async function startService(): Promise<TestService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-modsvc-'));
  // Every test registers from 127.0.0.1: no per-address limits here (test/licensing tests them).
  const open = { delayAfter: 10_000, blockAfter: 20_000, globalCeiling: 1_000_000 };
  const service = await startLicensingService({ host: '127.0.0.1', port: 0, dataDir, throttle: open, registrationThrottle: open, trialThrottle: open });
  return {
    url: service.url,
    dataDir,
    service,
    client: new LicensingClient({ baseUrl: service.url, retries: 0 }),
    archive: (id, version) => join(dataDir, 'archives', `${id}-${version}.zip`),
    async stop() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PBX: its own data dir (inside a sandbox folder, to see anything written beside it) and context. */
export interface TestPbx {
  sandbox: string;
  dataDir: string;
  ctx: PbxContext;
  cleanup(): Promise<void>;
}

export async function newPbx(apiUrl?: string): Promise<TestPbx> {
  const sandbox = await mkdtemp(join(tmpdir(), 'pbxmod-pbx-'));
  const dataDir = join(sandbox, 'data');
  const ctx = new PbxContext({ dataDir, ...(apiUrl ? { api: apiUrl } : {}) });
  await ctx.store.read();
  return {
    sandbox,
    dataDir,
    ctx,
    async cleanup() {
      await ctx.close();
      await rm(sandbox, { recursive: true, force: true });
    },
  };
}

/** A PBX with no network: every call to the licensing service fails as a refused connection. */
export function offlineContext(dataDir: string): ModuleContext {
  const store = openPbxStore(dataDir);
  return {
    dataDir,
    store,
    licensing: () => Promise.reject(new ConnectionError('http://127.0.0.1:9', 'connection refused')),
    hostIdentity: async () => ({ hostId: (await store.read()).settings.hostId, user: 'root', host: 'offline-pbx', db: 'x', net: '00:00:00:00:00:01', proc: process.pid }),
  };
}

/** Register a company for this PBX and save its key in the PBX store. */
export async function registerPbx(t: TestService, pbx: TestPbx, company = `Company ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const { hostId } = await pbx.ctx.hostIdentity();
  const { key } = await t.client.register({ company, email: `${company.replace(/\W/g, '').toLowerCase()}@example.com`, contact: 'Ann Admin', hostId });
  await pbx.ctx.store.update((s) => {
    s.settings.licenseKey = key;
  });
  return key;
}

/** Every path under `dir` with the md5 of each file: two equal snapshots mean nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await lstat(path);
    result[name] = info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'link' : createHash('md5').update(await readFile(path)).digest('hex');
  }
  return result;
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/**
 * A loopback proxy in front of the service: API calls pass through, downloads can be
 * cut off after `cutAfter` bytes (the connection drops with Content-Length promising more).
 */
export async function startProxy(target: string, behaviour: { cutAfter?: number }): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
      const isDownload = (req.url ?? '').includes('/downloads/');
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!isDownload || behaviour.cutAfter === undefined) {
        up.pipe(res);
        return;
      }
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        const room = (behaviour.cutAfter ?? 0) - sent;
        if (room <= 0) return;
        const part = chunk.subarray(0, room);
        sent += part.length;
        res.write(part);
        if (sent >= (behaviour.cutAfter ?? 0)) {
          up.destroy();
          // Let the bytes go out, then drop the connection mid-body.
          setTimeout(() => res.socket?.destroy(), 20);
        }
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export type CliRun = CliResult;

/** `pbxmod ARGS` from the sources, without a terminal, as cron would run it; no embedded-service URL leaks in. */
export function runPbxmod(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return runTs(PBXMOD_SOURCE, args, { ...options, env: { PBXMOD_API_URL: '', ...options.env } });
}

/**
 * For a describe block: one licensing service on loopback, started before its tests, and the
 * PBXes its tests make with `pbx()` (on that service, or on `apiUrl`); all removed after them.
 */
export function serviceWithPbxes(): { readonly service: TestService; pbx: (apiUrl?: string) => Promise<TestPbx> } {
  let service: TestService | undefined;
  const pbxs: TestPbx[] = [];
  before(async () => {
    service = await startService();
  });
  after(async () => {
    for (const p of pbxs) await p.cleanup();
    await service?.stop();
  });
  return {
    get service() {
      if (!service) throw new Error('the licensing service starts in before(): use it inside a test');
      return service;
    },
    pbx: async (apiUrl) => {
      const p = await newPbx(apiUrl ?? (service?.url as string));
      pbxs.push(p);
      return p;
    },
  };
}
