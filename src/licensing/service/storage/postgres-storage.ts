import pg from 'pg';
import { StoreError, reason } from '../../../domain/errors.js';
import type { BindingRecord, CouponRecord, DropMark, KeyRecord, KeySlice, OutboxRecord } from '../records.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import type { KeyRef, LicensingStorage, RegisterOutcome } from './storage.js';

type Queryable = pg.Pool | pg.PoolClient;
type Row = Record<string, unknown>;

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

const KEY_COLUMNS = 'k.id, k.key_hash, k.owner, k.trial_host_id, k.created, k.products, k.trials_granted';
const BINDING_JSON = `json_build_object('id', b.id, 'keyId', b.key_id, 'featureId', b.feature_id, 'featureName', b.feature_name, 'productId', b.product_id,
  'productName', b.product_name, 'hostId', b.host_id, 'user', b."user", 'host', b.host, 'db', b.db, 'net', b.net, 'proc', b.proc,
  'start', b.start, 'upd', b.upd, 'exp', b.exp)`;
const DROP_JSON = `json_build_object('keyId', d.key_id, 'featureId', d.feature_id, 'hostId', d.host_id, 'at', d.at)`;

function keyFromRow(row: Row): KeyRecord {
  return {
    id: String(row.id),
    keyHash: String(row.key_hash),
    owner: row.owner as KeyRecord['owner'],
    trialHostId: String(row.trial_host_id),
    created: iso(row.created),
    products: row.products as KeyRecord['products'],
    trialsGranted: row.trials_granted as number[],
  };
}

function bindingFromJson(b: BindingRecord): BindingRecord {
  return { ...b, start: iso(b.start), upd: iso(b.upd), exp: iso(b.exp) };
}

function couponFromRow(row: Row): CouponRecord {
  return {
    codeHash: String(row.code_hash),
    hint: String(row.hint),
    productId: Number(row.product_id),
    productName: String(row.product_name),
    days: Number(row.days),
    features: row.features as CouponRecord['features'],
    created: iso(row.created),
    blocked: Boolean(row.blocked),
    activated: row.activated_key_id ? { at: iso(row.activated_at), keyId: String(row.activated_key_id) } : null,
  };
}

function outboxFromRow(row: Row): OutboxRecord {
  return { id: String(row.id), created: iso(row.created), to: String(row.recipient), subject: String(row.subject), keyId: String(row.key_id), sealed: String(row.sealed) };
}

const bindingState = (b: BindingRecord): string => JSON.stringify([b.user, b.host, b.db, b.net, b.proc, b.upd, b.exp]);
const dropId = (d: DropMark): string => `${d.featureId}\0${d.hostId}`;

export interface PostgresStorageOptions {
  url: string;
  /** A test clock; default the database's now(). */
  clock?: (() => Date) | undefined;
  /** Connections of this process. Default 10. */
  poolSize?: number | undefined;
}

/**
 * The PostgreSQL backend: for a service with many PBXs, or several service processes on one
 * database. Every change of a key runs in a transaction that first locks the key's row
 * (SELECT … FOR UPDATE), then reads its bindings — in a statement of its own, so it sees what
 * a transaction that held the lock before committed — so seat counts hold across processes.
 * Bindings lapse by the database's clock (now()), which is also the time the answers carry.
 */
export class PostgresLicensingStorage implements LicensingStorage {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly clock: (() => Date) | undefined,
    /** Named (prepared) statements; off on PGlite, whose one session is shared by every connection. */
    private readonly prepared: boolean,
  ) {}

  /** A hot query, prepared once per connection where the server keeps connections apart. */
  private named(name: string, text: string, values: unknown[]): pg.QueryConfig {
    return this.prepared ? { name, text, values } : { text, values };
  }

  static async open(options: PostgresStorageOptions): Promise<PostgresLicensingStorage> {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, application_name: 'pbxmod-licensing' });
    // An idle connection that dies (server restart) must not crash the service.
    pool.on('error', () => undefined);
    let prepared = true;
    try {
      await migrate(pool);
      const { rows } = await pool.query('SELECT version() AS version');
      prepared = !/PGlite/i.test(String(rows[0]?.version));
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreError(reason('store_database', { url: redact(options.url), detail: (error as Error).message }), redact(options.url));
    }
    return new PostgresLicensingStorage(pool, options.clock, prepared);
  }

  /** The test clock's time as a parameter, or null for the database's now(). */
  private clockParam(): string | null {
    return this.clock ? this.clock().toISOString() : null;
  }

  async now(): Promise<Date> {
    const { rows } = await this.pool.query('SELECT coalesce($1::timestamptz, now()) AS now', [this.clockParam()]);
    return new Date(rows[0].now as Date);
  }

  private static keyWhere(ref: KeyRef): { where: string; value: string } {
    return 'keyHash' in ref ? { where: 'k.key_hash = $1', value: ref.keyHash } : { where: 'k.id = $1', value: ref.keyId };
  }

  async readKey(ref: KeyRef): Promise<{ slice: KeySlice; now: Date } | null> {
    const { where, value } = PostgresLicensingStorage.keyWhere(ref);
    const { rows } = await this.pool.query(
      this.named(
        `read-key-${'keyHash' in ref ? 'hash' : 'id'}`,
        `SELECT ${KEY_COLUMNS}, t.now,
         (SELECT coalesce(json_agg(${BINDING_JSON}), '[]'::json) FROM bindings b WHERE b.key_id = k.id AND b.exp > t.now) AS bindings,
         (SELECT coalesce(json_agg(${DROP_JSON}), '[]'::json) FROM drops d WHERE d.key_id = k.id) AS drops
       FROM license_keys k, (SELECT coalesce($2::timestamptz, now()) AS now) t WHERE ${where}`,
        [value, this.clockParam()],
      ),
    );
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return {
      slice: { record: keyFromRow(row), bindings: (row.bindings as BindingRecord[]).map(bindingFromJson), drops: (row.drops as DropMark[]).map((d) => ({ ...d, at: iso(d.at) })) },
      now: new Date(row.now as Date),
    };
  }

  /**
   * Run `work` in a transaction. `commit.lazy` set by `work` commits without waiting for the
   * WAL flush: only for a change whose loss in a crash costs nothing (a refresh moves exp on;
   * lost, the binding lapses 10 minutes after the refresh before, and the PBX refreshes again).
   */
  private async transaction<R>(work: (client: pg.PoolClient, commit: { lazy: boolean }, first: pg.QueryResult | undefined) => Promise<R>, first?: string): Promise<R> {
    const client = await this.pool.connect();
    try {
      // `first` goes in one round trip with BEGIN (a simple query of two statements).
      let firstResult: pg.QueryResult | undefined;
      if (first === undefined) await client.query('BEGIN');
      else firstResult = ((await client.query(`BEGIN; ${first}`)) as unknown as pg.QueryResult[])[1];
      const commit = { lazy: false };
      const result = await work(client, commit, firstResult);
      await client.query(commit.lazy ? 'SET LOCAL synchronous_commit TO off; COMMIT' : 'COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The statement that locks a key's row, with its values written in: only hex ids and hashes
   * and an ISO time (from this program, never from a request) qualify; anything else goes the
   * parameterized way.
   */
  private literalLock(ref: KeyRef): string | undefined {
    const value = 'keyHash' in ref ? ref.keyHash : ref.keyId;
    const clock = this.clockParam();
    if (!/^[0-9a-f]{16,128}$/.test(value) || (clock !== null && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(clock))) return undefined;
    const column = 'keyHash' in ref ? 'k.key_hash' : 'k.id';
    return `SELECT ${KEY_COLUMNS}, coalesce(${clock === null ? 'NULL' : `'${clock}'`}::timestamptz, now()) AS now FROM license_keys k WHERE ${column} = '${value}' FOR UPDATE`;
  }

  updateKey<R>(ref: KeyRef, change: (slice: KeySlice | null, now: Date, coupon: CouponRecord | null) => R, options: { couponHash?: string } = {}): Promise<R> {
    const literal = this.literalLock(ref);
    return this.transaction(async (client, commit, first) => {
      const { where, value } = PostgresLicensingStorage.keyWhere(ref);
      const locked =
        first ??
        (await client.query(
          this.named(`lock-key-${'keyHash' in ref ? 'hash' : 'id'}`, `SELECT ${KEY_COLUMNS}, coalesce($2::timestamptz, now()) AS now FROM license_keys k WHERE ${where} FOR UPDATE`, [value, this.clockParam()]),
        ));
      const keyRow = locked.rows[0] as Row | undefined;
      let coupon: CouponRecord | null = null;
      let couponBefore = '';
      if (options.couponHash !== undefined) {
        const found = await client.query('SELECT * FROM coupons WHERE code_hash = $1 FOR UPDATE', [options.couponHash]);
        coupon = found.rows[0] ? couponFromRow(found.rows[0] as Row) : null;
        couponBefore = JSON.stringify(coupon);
      }
      if (!keyRow) {
        const now = this.clock ? this.clock() : new Date((await client.query('SELECT now() AS now')).rows[0].now as Date);
        return change(null, now, coupon);
      }
      const now = new Date(keyRow.now as Date);
      const record = keyFromRow(keyRow);
      const related = await client.query(
        this.named(
          'key-bindings',
          `SELECT (SELECT coalesce(json_agg(${BINDING_JSON}), '[]'::json) FROM bindings b WHERE b.key_id = $1 AND b.exp > $2) AS bindings,
                (SELECT count(*)::int FROM bindings b WHERE b.key_id = $1 AND b.exp <= $2) AS lapsed,
                (SELECT coalesce(json_agg(${DROP_JSON}), '[]'::json) FROM drops d WHERE d.key_id = $1) AS drops`,
          [record.id, now],
        ),
      );
      const extra = related.rows[0] as Row;
      const slice: KeySlice = { record, bindings: (extra.bindings as BindingRecord[]).map(bindingFromJson), drops: (extra.drops as DropMark[]).map((d) => ({ ...d, at: iso(d.at) })) };
      const recordBefore = JSON.stringify([record.products, record.trialsGranted]);
      const bindingsBefore = new Map(slice.bindings.map((b) => [b.id, bindingState(b)]));
      const dropsBefore = new Set(slice.drops.map(dropId));

      const result = change(slice, now, coupon);

      const recordChanged = JSON.stringify([record.products, record.trialsGranted]) !== recordBefore;
      const dropsChanged = slice.drops.length !== dropsBefore.size || slice.drops.some((d) => !dropsBefore.has(dropId(d)));
      const couponChanged = coupon !== null && JSON.stringify(coupon) !== couponBefore;
      const onlyRefreshed = !recordChanged && !dropsChanged && !couponChanged && slice.bindings.length === bindingsBefore.size && slice.bindings.every((b) => bindingsBefore.has(b.id));
      commit.lazy = onlyRefreshed;
      if (Number(extra.lapsed) > 0) await client.query('DELETE FROM bindings WHERE key_id = $1 AND exp <= $2', [record.id, now]);
      if (recordChanged) {
        await client.query('UPDATE license_keys SET products = $2, trials_granted = $3 WHERE id = $1', [record.id, JSON.stringify(record.products), JSON.stringify(record.trialsGranted)]);
      }
      await this.saveBindings(client, bindingsBefore, slice.bindings);
      await this.saveDrops(client, record.id, dropsBefore, slice.drops);
      if (coupon && couponChanged) {
        await client.query('UPDATE coupons SET blocked = $2, activated_at = $3, activated_key_id = $4 WHERE code_hash = $1', [coupon.codeHash, coupon.blocked, coupon.activated?.at ?? null, coupon.activated?.keyId ?? null]);
      }
      return result;
    }, literal);
  }

  private async saveBindings(client: pg.PoolClient, before: Map<string, string>, after: BindingRecord[]): Promise<void> {
    const kept = new Set(after.map((b) => b.id));
    const gone = [...before.keys()].filter((id) => !kept.has(id));
    if (gone.length > 0) await client.query('DELETE FROM bindings WHERE id = ANY($1::text[])', [gone]);
    for (const b of after) {
      const was = before.get(b.id);
      if (was === undefined) {
        await client.query(
          `INSERT INTO bindings (id, key_id, feature_id, feature_name, product_id, product_name, host_id, "user", host, db, net, proc, start, upd, exp)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [b.id, b.keyId, b.featureId, b.featureName, b.productId, b.productName, b.hostId, b.user, b.host, b.db, b.net, b.proc, b.start, b.upd, b.exp],
        );
      } else if (was !== bindingState(b)) {
        await client.query(this.named('touch-binding', 'UPDATE bindings SET "user" = $2, host = $3, db = $4, net = $5, proc = $6, upd = $7, exp = $8 WHERE id = $1', [b.id, b.user, b.host, b.db, b.net, b.proc, b.upd, b.exp]));
      }
    }
  }

  private async saveDrops(client: pg.PoolClient, keyId: string, before: Set<string>, after: DropMark[]): Promise<void> {
    const now = new Set(after.map(dropId));
    for (const id of before) {
      if (now.has(id)) continue;
      const [featureId, hostId] = id.split('\0');
      await client.query('DELETE FROM drops WHERE key_id = $1 AND feature_id = $2 AND host_id = $3', [keyId, Number(featureId), hostId]);
    }
    for (const d of after) {
      if (!before.has(dropId(d))) await client.query('INSERT INTO drops (key_id, feature_id, host_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [keyId, d.featureId, d.hostId, d.at]);
    }
  }

  register(candidate: KeyRecord, welcome: OutboxRecord): Promise<RegisterOutcome> {
    return this.transaction(async (client): Promise<RegisterOutcome> => {
      // The unique email and trial host columns decide between two registrations at once.
      const inserted = await client.query(
        `INSERT INTO license_keys (id, key_hash, email, trial_host_id, owner, created, products, trials_granted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        [candidate.id, candidate.keyHash, candidate.owner.email, candidate.trialHostId, JSON.stringify(candidate.owner), candidate.created, JSON.stringify(candidate.products), JSON.stringify(candidate.trialsGranted)],
      );
      if (inserted.rowCount === 1) {
        await insertOutbox(client, welcome);
        return { outcome: 'created', record: candidate };
      }
      const existing = await client.query(`SELECT ${KEY_COLUMNS} FROM license_keys k WHERE k.email = $1`, [candidate.owner.email]);
      if (existing.rows[0]) return { outcome: 'existing', record: keyFromRow(existing.rows[0] as Row) };
      return { outcome: 'host_taken' };
    });
  }

  async findCoupon(codeHash: string): Promise<CouponRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM coupons WHERE code_hash = $1', [codeHash]);
    return rows[0] ? couponFromRow(rows[0] as Row) : null;
  }

  async createCoupon(c: CouponRecord): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO coupons (code_hash, hint, product_id, product_name, days, features, created, blocked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [c.codeHash, c.hint, c.productId, c.productName, c.days, JSON.stringify(c.features), c.created, c.blocked],
    );
    return result.rowCount === 1;
  }

  async blockCoupon(codeHash: string): Promise<CouponRecord | null> {
    const { rows } = await this.pool.query('UPDATE coupons SET blocked = true WHERE code_hash = $1 RETURNING *', [codeHash]);
    return rows[0] ? couponFromRow(rows[0] as Row) : null;
  }

  async addOutboxMessage(message: OutboxRecord): Promise<void> {
    await insertOutbox(this.pool, message);
  }

  async latestKeyMessage(keyId: string): Promise<OutboxRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM outbox WHERE key_id = $1 ORDER BY created DESC, id LIMIT 1', [keyId]);
    return rows[0] ? outboxFromRow(rows[0] as Row) : null;
  }

  async listOutbox(limit: number): Promise<OutboxRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM outbox ORDER BY created DESC, id LIMIT $1', [limit]);
    return rows.map((r) => outboxFromRow(r as Row));
  }

  /** For seeding benchmarks and tests in bulk. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    return this.pool.query(text, values);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insertOutbox(db: Queryable, m: OutboxRecord): Promise<void> {
  await db.query('INSERT INTO outbox (id, key_id, created, recipient, subject, sealed) VALUES ($1, $2, $3, $4, $5, $6)', [m.id, m.keyId, m.created, m.to, m.subject, m.sealed]);
}

/** Apply the migrations not yet applied, one process at a time (an advisory lock). */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(7263541)');
    await client.query('CREATE TABLE IF NOT EXISTS pbxmod_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query('SELECT version FROM pbxmod_schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    const known = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
    if (newest > known) throw new Error(`the database is at schema ${newest}, newer than this pbxmod knows (${known}); upgrade pbxmod`);
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO pbxmod_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}
