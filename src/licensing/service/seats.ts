import { randomBytes } from 'node:crypto';
import type { Binding, HostIdentity, SessionHost } from '../api.js';
import { licenseRefusal, notFound } from './service-error.js';
import { isBindingLive, isProductLive } from './licenses.js';
import type { BindingRecord, KeyRecord, KeySlice } from './records.js';

/** A binding lives 10 minutes past its last refresh (SPEC §3). */
export const BINDING_TTL_MS = 10 * 60 * 1000;

interface FeatureSeats {
  count: number;
  productId: number;
  productName: string;
  featureName: string;
}

/** The seats a key owns of a feature in its live products; 2008 when none has it, 2011 when all that have it expired. */
export function requireSeats(record: KeyRecord, featureId: number, now: Date): FeatureSeats {
  const holding = record.products.filter((p) => p.features.some((f) => f.featureId === featureId));
  const live = holding.filter((p) => isProductLive(p, now));
  const first = live[0];
  if (!first) {
    const expired = holding[0];
    if (expired) throw licenseRefusal(2011, `The license for "${expired.name}" (feature ${featureId}) expired on ${expired.expires.slice(0, 10)}.`);
    throw licenseRefusal(2008, `This license key holds no license for feature ${featureId}.`);
  }
  const count = live.reduce((sum, p) => sum + p.features.filter((f) => f.featureId === featureId).reduce((s, f) => s + f.count, 0), 0);
  const feature = first.features.find((f) => f.featureId === featureId);
  return { count, productId: first.productId, productName: first.name, featureName: feature?.name ?? `Feature ${featureId}` };
}

/** Forget the slice's lapsed bindings (called by every change). */
function pruneLapsed(slice: KeySlice, now: Date): void {
  slice.bindings = slice.bindings.filter((b) => isBindingLive(b, now));
}

function bindingsOfFeature(slice: KeySlice, featureId: number, now: Date): BindingRecord[] {
  return slice.bindings.filter((b) => b.featureId === featureId && isBindingLive(b, now));
}

function touch(binding: BindingRecord, now: Date): void {
  binding.upd = now.toISOString();
  binding.exp = new Date(now.getTime() + BINDING_TTL_MS).toISOString();
}

/** The API's view of a binding (without the key it belongs to). */
export function toBinding(record: BindingRecord): Binding {
  const { keyId: _keyId, ...binding } = record;
  return binding;
}

/** Bind one seat of a feature to a host, or refresh the seat this host holds already. */
export function captureFeature(slice: KeySlice, featureId: number, host: HostIdentity, now: Date): BindingRecord {
  pruneLapsed(slice, now);
  const { record } = slice;
  const seats = requireSeats(record, featureId, now);
  const taken = bindingsOfFeature(slice, featureId, now);
  const mine = taken.find((b) => b.hostId === host.hostId);
  slice.drops = slice.drops.filter((d) => !(d.featureId === featureId && d.hostId === host.hostId));
  if (mine) {
    Object.assign(mine, { user: host.user, host: host.host, db: host.db, net: host.net, proc: host.proc });
    touch(mine, now);
    return mine;
  }
  if (taken.length >= seats.count) {
    if (seats.count === 0) throw licenseRefusal(2008, `The license holds no seats of "${seats.featureName}" (${featureId}).`);
    const holders = taken.map((b) => `${b.host} (MAC ${b.net}, host id ${b.hostId}) until ${b.exp}`).join('; ');
    throw licenseRefusal(2008, `All ${seats.count} seat(s) of "${seats.featureName}" (${featureId}) are bound to another host: ${holders}.`);
  }
  const binding: BindingRecord = {
    id: randomBytes(8).toString('hex'),
    keyId: record.id,
    featureId,
    featureName: seats.featureName,
    productId: seats.productId,
    productName: seats.productName,
    hostId: host.hostId,
    user: host.user,
    host: host.host,
    db: host.db,
    net: host.net,
    proc: host.proc,
    start: now.toISOString(),
    upd: now.toISOString(),
    exp: now.toISOString(),
  };
  touch(binding, now);
  slice.bindings.push(binding);
  return binding;
}

/** Read-only: does this host hold a live seat, was its seat dropped in the session monitor, and how many seats are free. */
export function checkFeature(slice: KeySlice, featureId: number, hostId: string, now: Date): { held: boolean; dropped: boolean; free: number; binding: Binding | null } {
  const seats = requireSeats(slice.record, featureId, now);
  const taken = bindingsOfFeature(slice, featureId, now);
  const mine = taken.find((b) => b.hostId === hostId);
  const dropped = mine === undefined && slice.drops.some((d) => d.featureId === featureId && d.hostId === hostId);
  return { held: mine !== undefined, dropped, free: Math.max(0, seats.count - taken.length), binding: mine ? toBinding(mine) : null };
}

/**
 * Move upd/exp of every live binding this host holds whose feature is still licensed;
 * bindings of an expired license are left to lapse.
 */
export function refreshBindings(slice: KeySlice, hostId: string, now: Date): BindingRecord[] {
  pruneLapsed(slice, now);
  const { record } = slice;
  const refreshed: BindingRecord[] = [];
  for (const binding of slice.bindings) {
    if (binding.hostId !== hostId) continue;
    const licensed = record.products.some((p) => isProductLive(p, now) && p.features.some((f) => f.featureId === binding.featureId));
    if (!licensed) continue;
    touch(binding, now);
    refreshed.push(binding);
  }
  return refreshed;
}

/** Give this host's seat of a feature back; how many bindings were released (0 or 1). */
export function releaseFeature(slice: KeySlice, featureId: number, hostId: string, now: Date): number {
  pruneLapsed(slice, now);
  const before = slice.bindings.length;
  slice.bindings = slice.bindings.filter((b) => !(b.featureId === featureId && b.hostId === hostId));
  return before - slice.bindings.length;
}

/** Live bindings of a key grouped by host, hosts by name. */
export function sessionHosts(slice: KeySlice, now: Date): SessionHost[] {
  const hosts = new Map<string, SessionHost>();
  const live = slice.bindings.filter((b) => isBindingLive(b, now)).sort((a, b) => a.start.localeCompare(b.start));
  for (const binding of live) {
    const host = hosts.get(binding.hostId) ?? { hostId: binding.hostId, host: binding.host, net: binding.net, bindings: [] };
    // The most recent binding names the host as it is now.
    host.host = binding.host;
    host.net = binding.net;
    host.bindings.push(toBinding(binding));
    hosts.set(binding.hostId, host);
  }
  return [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host) || a.hostId.localeCompare(b.hostId));
}

export interface DropSelector {
  bindingId?: string | undefined;
  hostId?: string | undefined;
  host?: string | undefined;
}

/** Drop the live bindings of a key that match every given selector; 404 when none does. */
export function dropBindings(slice: KeySlice, selector: DropSelector, now: Date): number {
  pruneLapsed(slice, now);
  const hostName = selector.host?.trim().toLowerCase();
  const matches = (b: BindingRecord): boolean =>
    isBindingLive(b, now) &&
    (selector.bindingId === undefined || b.id === selector.bindingId) &&
    (selector.hostId === undefined || b.hostId === selector.hostId) &&
    (hostName === undefined || b.host.toLowerCase() === hostName);
  const dropped = slice.bindings.filter(matches);
  slice.bindings = slice.bindings.filter((b) => !matches(b));
  const released = dropped.length;
  for (const b of dropped) {
    if (!slice.drops.some((d) => d.featureId === b.featureId && d.hostId === b.hostId)) {
      slice.drops.push({ keyId: b.keyId, featureId: b.featureId, hostId: b.hostId, at: now.toISOString() });
    }
  }
  if (released === 0) {
    const what = [selector.bindingId && `binding ${selector.bindingId}`, selector.hostId && `host id ${selector.hostId}`, selector.host && `host ${selector.host}`].filter(Boolean).join(', ');
    throw notFound(`No live binding of this license key matches ${what}.`);
  }
  return released;
}
