import { statSync } from 'node:fs';
import type { BindingRecord, CouponRecord, DropMark, KeyRecord, KeySlice, OutboxRecord } from '../records.js';
import type { ServiceSecret } from '../secret.js';
import { openServiceStoreFile, type ServiceState, type ServiceStore } from '../service-store.js';
import type { KeyRef, LicensingStorage, RegisterOutcome } from './storage.js';

/** Look-up tables over one version of the file, so a request costs the same with 1 key or 100,000. */
interface StateIndex {
  state: ServiceState;
  keysByHash: Map<string, KeyRecord>;
  keysById: Map<string, KeyRecord>;
  couponsByHash: Map<string, CouponRecord>;
  bindingsByKey: Map<string, BindingRecord[]>;
  dropsByKey: Map<string, DropMark[]>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function indexState(state: ServiceState): StateIndex {
  return {
    state,
    keysByHash: new Map(state.keys.map((k) => [k.keyHash, k])),
    keysById: new Map(state.keys.map((k) => [k.id, k])),
    couponsByHash: new Map(state.coupons.map((c) => [c.codeHash, c])),
    bindingsByKey: groupBy(state.bindings, (b) => b.keyId),
    dropsByKey: groupBy(state.drops, (d) => d.keyId),
  };
}

const isLive = (binding: BindingRecord, now: Date): boolean => Date.parse(binding.exp) > now.getTime();

function findKey(state: ServiceState, ref: KeyRef): KeyRecord | undefined {
  return 'keyHash' in ref ? state.keys.find((k) => k.keyHash === ref.keyHash) : state.keys.find((k) => k.id === ref.keyId);
}

/**
 * The JSON-file backend: the embedded default for one PBX. The file stays in memory, indexed,
 * and is read again only when it changed on disk (another process, or this one, wrote it):
 * one stat per request. Every change is one locked read-modify-write of the whole file
 * (JsonFileStore), so several processes on one data dir stay correct, if not fast.
 */
export class JsonLicensingStorage implements LicensingStorage {
  readonly kind = 'json' as const;
  private cache: { signature: string; index: StateIndex } | null = null;
  private loading: { signature: string; index: Promise<StateIndex> } | null = null;
  private readonly file: string;

  private constructor(
    private readonly store: ServiceStore,
    private readonly clock: () => Date,
  ) {
    this.file = store.file;
  }

  /** Open (and create or upgrade) `<dataDir>/licensing.json`. */
  static async open(dataDir: string, secret: ServiceSecret, clock: () => Date = () => new Date()): Promise<JsonLicensingStorage> {
    const store = openServiceStoreFile(dataDir, secret);
    // Writes a new file, or an upgraded one once, so that reads never migrate again.
    await store.update(() => undefined);
    return new JsonLicensingStorage(store, clock);
  }

  async now(): Promise<Date> {
    return this.clock();
  }

  private async current(): Promise<StateIndex> {
    let signature = '';
    // One stat system call per request, synchronous: microseconds, where the thread pool's
    // round trip of an async stat costs more than the whole look-up.
    const info = statSync(this.file, { throwIfNoEntry: false });
    if (info) signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
    if (this.cache && signature !== '' && this.cache.signature === signature) return this.cache.index;
    // One reload at a time: fifty requests meeting a changed file wait for one parse, not fifty.
    if (this.loading && this.loading.signature === signature) return this.loading.index;
    const index = this.store.read().then(indexState);
    const loading = { signature, index };
    this.loading = loading;
    try {
      const loaded = await index;
      if (signature !== '') this.cache = { signature, index: loaded };
      return loaded;
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  private async write<R>(change: (state: ServiceState) => R): Promise<R> {
    try {
      return await this.store.update(change);
    } finally {
      this.cache = null;
    }
  }

  async readKey(ref: KeyRef): Promise<{ slice: KeySlice; now: Date } | null> {
    const index = await this.current();
    const record = 'keyHash' in ref ? index.keysByHash.get(ref.keyHash) : index.keysById.get(ref.keyId);
    if (!record) return null;
    const now = this.clock();
    const bindings = (index.bindingsByKey.get(record.id) ?? []).filter((b) => isLive(b, now));
    return { slice: { record, bindings, drops: [...(index.dropsByKey.get(record.id) ?? [])] }, now };
  }

  updateKey<R>(ref: KeyRef, change: (slice: KeySlice | null, now: Date, coupon: CouponRecord | null) => R, options: { couponHash?: string } = {}): Promise<R> {
    return this.write((state) => {
      const now = this.clock();
      state.bindings = state.bindings.filter((b) => isLive(b, now));
      const record = findKey(state, ref);
      const coupon = options.couponHash === undefined ? null : (state.coupons.find((c) => c.codeHash === options.couponHash) ?? null);
      if (!record) return change(null, now, coupon);
      const slice: KeySlice = {
        record,
        bindings: state.bindings.filter((b) => b.keyId === record.id),
        drops: state.drops.filter((d) => d.keyId === record.id),
      };
      const result = change(slice, now, coupon);
      state.bindings = [...state.bindings.filter((b) => b.keyId !== record.id), ...slice.bindings];
      state.drops = [...state.drops.filter((d) => d.keyId !== record.id), ...slice.drops];
      return result;
    });
  }

  register(candidate: KeyRecord, welcome: OutboxRecord): Promise<RegisterOutcome> {
    return this.write((state): RegisterOutcome => {
      const existing = state.keys.find((k) => k.owner.email === candidate.owner.email);
      if (existing) return { outcome: 'existing', record: existing };
      if (state.keys.some((k) => k.trialHostId === candidate.trialHostId)) return { outcome: 'host_taken' };
      state.keys.push(candidate);
      state.outbox.push(welcome);
      return { outcome: 'created', record: candidate };
    });
  }

  async findCoupon(codeHash: string): Promise<CouponRecord | null> {
    return (await this.current()).couponsByHash.get(codeHash) ?? null;
  }

  createCoupon(coupon: CouponRecord): Promise<boolean> {
    return this.write((state) => {
      if (state.coupons.some((c) => c.codeHash === coupon.codeHash)) return false;
      state.coupons.push(coupon);
      return true;
    });
  }

  blockCoupon(codeHash: string): Promise<CouponRecord | null> {
    return this.write((state) => {
      const coupon = state.coupons.find((c) => c.codeHash === codeHash);
      if (!coupon) return null;
      coupon.blocked = true;
      return structuredClone(coupon);
    });
  }

  addOutboxMessage(message: OutboxRecord): Promise<void> {
    return this.write((state) => {
      state.outbox.push(message);
    });
  }

  async latestKeyMessage(keyId: string): Promise<OutboxRecord | null> {
    const { state } = await this.current();
    for (let i = state.outbox.length - 1; i >= 0; i--) if (state.outbox[i]!.keyId === keyId) return state.outbox[i]!;
    return null;
  }

  async listOutbox(limit: number): Promise<OutboxRecord[]> {
    return (await this.current()).state.outbox.slice(-limit).reverse();
  }

  async close(): Promise<void> {
    this.cache = null;
  }
}
