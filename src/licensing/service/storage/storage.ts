import type { CouponRecord, KeyRecord, KeySlice, OutboxRecord } from '../records.js';

/** Which key an operation is about: by the keyed hash of the key, or by its record id (a coupon login). */
export type KeyRef = { keyHash: string } | { keyId: string };

/** What registering a candidate key did. */
export type RegisterOutcome =
  | { outcome: 'created'; record: KeyRecord }
  /** The email has a key already: nothing was created. */
  | { outcome: 'existing'; record: KeyRecord }
  /** The host had its trial with another email (code 2051). */
  | { outcome: 'host_taken' };

/**
 * Where the licensing service keeps keys, coupons, bindings and the outbox. Two backends: a JSON
 * file (the embedded default for one PBX) and PostgreSQL (several PBXs, several service
 * processes). Each method is atomic on its own; the rules (seats.ts, licenses.ts, coupons.ts)
 * run in memory on what a method hands them.
 *
 * Time: `now` handed out is the service's time — the test clock when one was given, else the
 * database's (PostgreSQL) or this machine's (JSON); bindings lapse by it.
 */
export interface LicensingStorage {
  readonly kind: 'json' | 'postgres';
  /** The service's time. */
  now(): Promise<Date>;
  /** A key with its live bindings, for reading only; null when unknown. */
  readKey(ref: KeyRef): Promise<{ slice: KeySlice; now: Date } | null>;
  /**
   * Change a key (and, with `couponHash`, a coupon) atomically: no other update of the same key
   * runs in between, in this process or another. `change` gets null for an unknown key or coupon
   * and may throw to change nothing; what it leaves in the slice and coupon is saved.
   */
  updateKey<R>(ref: KeyRef, change: (slice: KeySlice | null, now: Date, coupon: CouponRecord | null) => R, options?: { couponHash?: string }): Promise<R>;
  /** Save a new key unless its email or trial host is taken; the welcome message goes with it. */
  register(candidate: KeyRecord, welcome: OutboxRecord): Promise<RegisterOutcome>;
  findCoupon(codeHash: string): Promise<CouponRecord | null>;
  /** Save a new coupon; false when its code hash exists (draw another code). */
  createCoupon(coupon: CouponRecord): Promise<boolean>;
  /** Block a coupon; null when there is none with this hash. */
  blockCoupon(codeHash: string): Promise<CouponRecord | null>;
  addOutboxMessage(message: OutboxRecord): Promise<void>;
  /** The newest message about a key that carries the key (the welcome, or a resend). */
  latestKeyMessage(keyId: string): Promise<OutboxRecord | null>;
  /** The newest messages first. */
  listOutbox(limit: number): Promise<OutboxRecord[]>;
  close(): Promise<void>;
}
