import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { LicenseError } from '../../../src/domain/license-codes.js';
import { LicensingClient } from '../../../src/licensing/client.js';
import type { HostIdentity } from '../../../src/licensing/api.js';
import { startLicensingService, type RunningLicensingService } from '../../../src/licensing/service/server.js';
import type { ThrottleOptions } from '../../../src/licensing/service/throttle.js';
import { PostgresLicensingStorage } from '../../../src/licensing/service/storage/postgres-storage.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A clock tests move by hand. */
export class TestClock {
  time = Date.parse('2025-06-01T10:00:00Z');
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** Thresholds so high that ordinary tests never meet the throttle. */
export const NO_THROTTLE: Partial<ThrottleOptions> = { delayAfter: 10_000, blockAfter: 20_000, globalCeiling: 1_000_000 };

export interface TestService {
  service: RunningLicensingService;
  /** The PostgreSQL database, when the backend is PostgreSQL. */
  databaseUrl: string | undefined;
  url: string;
  dataDir: string;
  clock: TestClock;
  client: LicensingClient;
  /** POST/GET JSON with plain fetch; returns status, headers and the parsed body. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

/**
 * The storage the contract tests run on: the JSON file, or PostgreSQL when
 * PBXMOD_TEST_BACKEND=postgres (the files under postgres/ set it and run the same tests).
 */
export function testBackend(): 'json' | 'postgres' {
  return process.env.PBXMOD_TEST_BACKEND === 'postgres' ? 'postgres' : 'json';
}

const databaseOfDir = new Map<string, string>();

/** Everything the storage holds, as text: what a thief of licensing.json or of the database gets. */
export async function storedText(t: TestService): Promise<string> {
  const storage = t.service.storage;
  if (!(storage instanceof PostgresLicensingStorage)) return readFile(join(t.dataDir, 'licensing.json'), 'utf8');
  const tables = ['license_keys', 'coupons', 'bindings', 'drops', 'outbox'];
  const parts = await Promise.all(tables.map(async (table) => JSON.stringify((await storage.query(`SELECT * FROM ${table}`)).rows)));
  return parts.join('\n');
}

/** Ids of every binding the storage holds, lapsed or not. */
export async function storedBindingIds(t: TestService): Promise<string[]> {
  const storage = t.service.storage;
  if (storage instanceof PostgresLicensingStorage) return (await storage.query('SELECT id FROM bindings')).rows.map((r) => String(r.id));
  const state = JSON.parse(await readFile(join(t.dataDir, 'licensing.json'), 'utf8')) as { bindings: { id: string }[] };
  return state.bindings.map((b) => b.id);
}

/** A real service on a free loopback port with a fresh data dir (or a given one, to share it). */
export async function startTestService(
  options: { throttle?: Partial<ThrottleOptions>; registrationThrottle?: Partial<ThrottleOptions>; trialThrottle?: Partial<ThrottleOptions>; dataDir?: string; clock?: TestClock; databaseUrl?: string } = {},
): Promise<TestService> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pbxmod-licensing-')));
  const clock = options.clock ?? new TestClock();
  let database: TestDatabase | undefined;
  // Instances on one data dir share one database, as two service processes would.
  let databaseUrl = options.databaseUrl ?? databaseOfDir.get(dataDir);
  if (databaseUrl === undefined && testBackend() === 'postgres') {
    database = await createTestDatabase();
    databaseUrl = database.url;
    databaseOfDir.set(dataDir, databaseUrl);
  }
  const service = await startLicensingService({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    databaseUrl,
    now: clock.now,
    throttle: options.throttle ?? NO_THROTTLE,
    registrationThrottle: options.registrationThrottle ?? NO_THROTTLE,
    trialThrottle: options.trialThrottle ?? NO_THROTTLE,
  });
  const client = new LicensingClient({ baseUrl: service.url, retries: 0 });
  return {
    service,
    databaseUrl,
    url: service.url,
    dataDir,
    clock,
    client,
    async call(method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.headers = { 'content-type': 'application/json' };
        init.body = JSON.stringify(body);
      }
      const response = await fetch(`${service.url}${path}`, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async stop() {
      await service.close();
      if (database) databaseOfDir.delete(dataDir);
      await database?.drop();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let hostCounter = 0;
/** A PBX host as the service sees it. */
export function pbxHost(name = `pbx-${++hostCounter}`): HostIdentity {
  return { hostId: `host-id-${name}`, user: 'root', host: name, db: '/cf/conf/mikopbx.db', net: `02:00:00:00:00:${(hostCounter % 256).toString(16).padStart(2, '0')}`, proc: 1000 + hostCounter };
}

let registrationCounter = 0;
/** Register a fresh company on a fresh host; returns the key. */
export async function registerCompany(t: TestService, overrides: Partial<{ company: string; email: string; hostId: string }> = {}): Promise<string> {
  const n = ++registrationCounter;
  const response = await t.client.register({ company: `Company ${n}`, email: `admin${n}@example.com`, contact: 'Ann Admin', hostId: `reg-host-${n}`, ...overrides });
  return response.key;
}

/** The error body of a refusal, checked for the contract's shape. */
export function assertErrorBody(response: { status: number; body: any }, status: number | RegExp, code: string | number): void {
  if (typeof status === 'number') assert.equal(response.status, status, JSON.stringify(response.body));
  else assert.match(String(response.status), status, JSON.stringify(response.body));
  assert.equal(typeof response.body?.error?.message, 'string', JSON.stringify(response.body));
  assert.ok(response.body.error.message.length > 10, response.body.error.message);
  assert.equal(response.body.error.code, code, JSON.stringify(response.body));
}

/** The service's operator token (made at first start in its data dir). */
export async function operatorToken(t: TestService): Promise<string> {
  return (await readFile(join(t.dataDir, 'operator-token'), 'utf8')).trim();
}

/** A client with the operator token, as `pbxmod service` uses. */
export function operatorClient(t: TestService): LicensingClient {
  return new LicensingClient({ baseUrl: t.url, retries: 0, token: readFileSync(join(t.dataDir, 'operator-token'), 'utf8').trim() });
}

/** A coupon made the way the operator makes one, over the operator API. */
export async function makeCoupon(t: TestService, spec: { productId: number; days: number; features?: { featureId: number; count: number }[]; name?: string }): Promise<string> {
  const created = await operatorClient(t).createCoupon(spec);
  return created.coupon;
}

/** Assert that `promise` fails with a LicenseError of `code` (the client's mapping of the service's refusal). */
export async function assertLicenseError(promise: Promise<unknown>, code: number, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LicenseError, `expected LicenseError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.serviceMessage, message);
    return true;
  });
}
