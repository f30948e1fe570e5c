import { NotFoundError, ValidationError, reason } from '../domain/errors.js';
import { dropWarnings } from '../domain/license-products.js';
import { COUPON_PATTERN, maskLicenseKey, normalizeCoupon, normalizeLicenseKey } from '../domain/license-key.js';
import type { PbxContext } from '../pbx-context.js';
import { audited } from '../store/pbx-store.js';
import type { Binding, SessionHost } from './api.js';
import { NoLicenseKeyError } from './marketplace-registration.js';

/** How to log in to the session monitor: the PBX's own key by default, or another key or a coupon. */
export interface SessionLogin {
  key?: string;
  coupon?: string;
}

/** The credential to send: an explicit key or coupon, normalized, or the saved key. */
export async function sessionCredential(ctx: PbxContext, login: SessionLogin = {}): Promise<string> {
  if (login.key !== undefined && login.coupon !== undefined) throw new ValidationError(reason('login_key_and_coupon'));
  if (login.coupon !== undefined) return normalizeCoupon(login.coupon);
  if (login.key !== undefined) {
    const squeezed = login.key.replace(/\s+/g, '').toUpperCase();
    return COUPON_PATTERN.test(squeezed) ? squeezed : normalizeLicenseKey(login.key);
  }
  const { settings } = await ctx.store.read();
  if (!settings.licenseKey) throw new NoLicenseKeyError('sessions');
  return settings.licenseKey;
}

/** Live bindings of the key, grouped by host. */
export async function listSessions(ctx: PbxContext, login: SessionLogin = {}): Promise<SessionHost[]> {
  return (await readSessions(ctx, login)).hosts;
}

/** Live bindings by host, with the service's time they were read at (lapse is judged by it). */
export async function readSessions(ctx: PbxContext, login: SessionLogin = {}): Promise<{ hosts: SessionHost[]; serviceTime: string | undefined; receivedAt: Date }> {
  const credential = await sessionCredential(ctx, login);
  const { hosts, serviceTime } = await (await ctx.licensing()).sessionsWithTime(credential);
  return { hosts, serviceTime, receivedAt: new Date() };
}

/** What `dropSessions` would release, with its warnings, for a confirmation prompt. */
export interface DropPlan {
  hosts: SessionHost[];
  bindings: Binding[];
  warnings: string[];
}

/** Find the bindings a drop would release: one binding by id, or every binding of a host (by host id or host name). */
export function planDrop(hosts: readonly SessionHost[], target: { host?: string; bindingId?: string }): DropPlan {
  if (target.bindingId !== undefined) {
    const host = hosts.find((h) => h.bindings.some((b) => b.id === target.bindingId));
    const binding = host?.bindings.find((b) => b.id === target.bindingId);
    if (!host || !binding) throw new NotFoundError(reason('binding_not_found', { bindingId: target.bindingId }));
    return { hosts: [host], bindings: [binding], warnings: dropWarnings([binding]) };
  }
  const name = target.host?.trim() ?? '';
  if (name === '') throw new ValidationError(reason('drop_host_missing'), 'host');
  const byId = hosts.filter((h) => h.hostId === name);
  const matched = byId.length > 0 ? byId : hosts.filter((h) => h.host.toLowerCase() === name.toLowerCase());
  if (matched.length === 0) {
    throw new NotFoundError(reason('drop_host_unknown', { host: name, known: hosts.map((h) => h.host) }));
  }
  if (matched.length > 1) {
    throw new ValidationError(reason('drop_host_ambiguous', { host: name, hostIds: matched.map((h) => h.hostId) }), 'host');
  }
  const bindings = matched.flatMap((h) => h.bindings);
  return { hosts: matched, bindings, warnings: dropWarnings(bindings) };
}

/** Release the planned bindings from their host; returns how many the service released. */
export async function dropSessions(ctx: PbxContext, plan: DropPlan, login: SessionLogin = {}): Promise<number> {
  const credential = await sessionCredential(ctx, login);
  const client = await ctx.licensing();
  const target = plan.bindings.length === 1 && plan.hosts[0]!.bindings.length > 1 ? { bindingId: plan.bindings[0]!.id } : { hostId: plan.hosts[0]!.hostId };
  const label = `${plan.hosts[0]!.host} (${plan.bindings.map((b) => b.featureId).join(', ')})`;
  const shown = credential.startsWith('MIKOUPD') ? 'coupon' : maskLicenseKey(credential);
  return audited(ctx.store, 'sessions.drop', `${label} key ${shown}`, () => client.dropBindings(credential, target));
}
