import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomLicenseCode } from '../../src/licensing/service/credentials.js';
import type { BindingRecord, KeyRecord } from '../../src/licensing/service/records.js';
import type { ServiceSecret } from '../../src/licensing/service/secret.js';
import { SERVICE_STORE_VERSION } from '../../src/licensing/service/service-store.js';
import type { PostgresLicensingStorage } from '../../src/licensing/service/storage/postgres-storage.js';

/** What the benchmark seeds: `keys` (plain, to send), the first `pbxCount` of them bound to a PBX each. */
export interface Seed {
  keys: string[];
  records: KeyRecord[];
  bindings: BindingRecord[];
}

const DAY = 86_400_000;

/** `keyCount` keys with a one-seat MikoPBX license for a year; the first `pbxCount` hold a live binding of feature 33. */
export function makeSeed(secret: ServiceSecret, keyCount: number, pbxCount: number, now = new Date()): Seed {
  const keys: string[] = [];
  const records: KeyRecord[] = [];
  const bindings: BindingRecord[] = [];
  const expires = new Date(now.getTime() + 365 * DAY).toISOString();
  for (let i = 0; i < keyCount; i++) {
    const key = randomLicenseCode('MIKO');
    keys.push(key);
    const id = randomBytes(16).toString('hex');
    records.push({
      id,
      keyHash: secret.hashCredential(key),
      owner: { company: `Bench ${i}`, contact: 'B', email: `bench${i}@example.com` },
      trialHostId: `bench-trial-${i}`,
      created: now.toISOString(),
      products: [{ productId: 1, name: 'MikoPBX', expires, trial: false, features: [{ featureId: 33, name: 'MikoPBX free license', count: 1 }] }],
      trialsGranted: [1],
    });
    if (i < pbxCount) {
      bindings.push({
        id: randomBytes(8).toString('hex'),
        keyId: id,
        featureId: 33,
        featureName: 'MikoPBX free license',
        productId: 1,
        productName: 'MikoPBX',
        hostId: benchHostId(i),
        user: 'root',
        host: `pbx-${i}`,
        db: '/cf/conf/mikopbx.db',
        net: '02:00:00:00:00:01',
        proc: 1000 + i,
        start: now.toISOString(),
        upd: now.toISOString(),
        exp: new Date(now.getTime() + 10 * 60_000).toISOString(),
      });
    }
  }
  return { keys, records, bindings };
}

export function benchHostId(i: number): string {
  return `bench-host-${i}`;
}

/** licensing.json in format 2, written straight (the service validates it when it loads). */
export async function writeJsonSeed(dataDir: string, seed: Seed): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const state = { schemaVersion: SERVICE_STORE_VERSION, keys: seed.records, coupons: [], bindings: seed.bindings, drops: [], outbox: [] };
  await writeFile(join(dataDir, 'licensing.json'), JSON.stringify(state), { mode: 0o600 });
}

/** Bulk insert: one INSERT … SELECT FROM unnest(arrays) per 5,000 rows. */
export async function writePostgresSeed(storage: PostgresLicensingStorage, seed: Seed): Promise<void> {
  const batch = 5000;
  for (let from = 0; from < seed.records.length; from += batch) {
    const rows = seed.records.slice(from, from + batch);
    await storage.query(
      `INSERT INTO license_keys (id, key_hash, email, trial_host_id, owner, created, products, trials_granted)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::jsonb[], $8::jsonb[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.keyHash),
        rows.map((r) => r.owner.email),
        rows.map((r) => r.trialHostId),
        rows.map((r) => JSON.stringify(r.owner)),
        rows.map((r) => r.created),
        rows.map((r) => JSON.stringify(r.products)),
        rows.map((r) => JSON.stringify(r.trialsGranted)),
      ],
    );
  }
  for (let from = 0; from < seed.bindings.length; from += batch) {
    const rows = seed.bindings.slice(from, from + batch);
    const column = <K extends keyof BindingRecord>(k: K) => rows.map((r) => r[k]);
    await storage.query(
      `INSERT INTO bindings (id, key_id, feature_id, feature_name, product_id, product_name, host_id, "user", host, db, net, proc, start, upd, exp)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[])`,
      [column('id'), column('keyId'), column('featureId'), column('featureName'), column('productId'), column('productName'), column('hostId'), column('user'), column('host'), column('db'), column('net'), column('proc'), column('start'), column('upd'), column('exp')],
    );
  }
  await storage.query('ANALYZE');
}
