import { PbxmodError, ValidationError, reason, renderReason } from '../domain/errors.js';
import { activeMessages } from '../i18n/active.js';
import { LicenseError } from '../domain/license-codes.js';
import { MIKOPBX_FEATURE_ID } from '../domain/license-products.js';
import { maskLicenseKey, normalizeCoupon, normalizeLicenseKey } from '../domain/license-key.js';
import { parseRegistration, type RegistrationInput } from '../domain/registration.js';
import type { PbxContext } from '../pbx-context.js';
import { appendAudit, audited } from '../store/pbx-store.js';
import type { LastLicense } from '../store/schema.js';
import type { Binding, LicenseInfo } from './api.js';
import { checkOwnSeats, wantedSeats, type SeatReport } from './own-seats.js';

/** A saved key is needed for this; say where to get one. */
export class NoLicenseKeyError extends PbxmodError {
  /** `what`: the session monitor, or coupon activation. */
  constructor(what: 'sessions' | 'coupon') {
    super('no_license_key', reason('no_license_key', { what }));
  }
}

export interface LicenseStatus {
  registered: boolean;
  /** Masked unless revealed; null when unregistered. */
  key: string | null;
  info: LicenseInfo | null;
  /** Whether this PBX holds each seat it should (feature 33 first); empty when unregistered. */
  seats: SeatReport[];
}

export interface KeySaved {
  key: string;
  info: LicenseInfo;
  /** The feature-33 seat this PBX captured, or null when it could not (see `warning`). */
  binding: Binding | null;
  /** Why this PBX holds no seat, in the language in use (words for a person, not a value). */
  warning?: string;
}

/** Register in the marketplace: the service issues a key and a 30-day trial; the key is saved and this host's feature 33 captured. */
export async function registerPbx(ctx: PbxContext, form: RegistrationInput): Promise<KeySaved> {
  const registration = parseRegistration(form);
  const { settings } = await ctx.store.read();
  if (settings.licenseKey) {
    throw new ValidationError(reason('already_registered', { key: maskLicenseKey(settings.licenseKey) }));
  }
  return audited(ctx.store, 'license.register', registration.company, async () => {
    const client = await ctx.licensing();
    const { key, license } = await client.register({ ...registration, hostId: settings.hostId });
    await saveKey(ctx, key);
    return { key, ...(await captureOwnSeat(ctx, key, license)) };
  });
}

/** Save a key the admin already has, after the service confirms it. */
export async function setLicenseKey(ctx: PbxContext, input: string): Promise<KeySaved> {
  const key = normalizeLicenseKey(input);
  return audited(ctx.store, 'license.set-key', maskLicenseKey(key), async () => {
    const client = await ctx.licensing();
    const info = await client.licenseInfo(key);
    await saveKey(ctx, key);
    return { key, ...(await captureOwnSeat(ctx, key, info)) };
  });
}

/**
 * The key (masked unless `reveal`) and, when registered, the license info from the service and
 * whether this PBX holds its seats. What the service answered is kept in the store (`lastLicense`)
 * for when it cannot be reached.
 */
export async function readLicense(ctx: PbxContext, options: { reveal?: boolean } = {}): Promise<LicenseStatus> {
  const state = await ctx.store.read();
  const key = state.settings.licenseKey;
  if (!key) return { registered: false, key: null, info: null, seats: [] };
  const client = await ctx.licensing();
  const [info, seats] = await Promise.all([client.licenseInfo(key), checkOwnSeats(client, key, state.settings.hostId, wantedSeats(state))]);
  const last: LastLicense = { receivedAt: new Date().toISOString(), maskedKey: maskLicenseKey(key), info };
  // The console reads the license again whenever the store file changes: writing the same
  // answer again at once would make every read cause the next one.
  // Read-only mode keeps nothing (and refuses --reveal before this: its audit entry is a write).
  const keep = !ctx.readOnly && !isFresh(state.lastLicense, last);
  if (keep || options.reveal) {
    await ctx.store.update((s) => {
      // Only for the key it was read for: a reset or another key saved meanwhile wins.
      if (keep && s.settings.licenseKey === key) s.lastLicense = last;
      if (options.reveal) appendAudit(s, { action: 'license.reveal', target: maskLicenseKey(key), outcome: 'ok' });
    });
  }
  return { registered: true, key: options.reveal ? key : maskLicenseKey(key), info, seats };
}

/** How long a kept license answer stays good enough when the service says the same again. */
const LAST_LICENSE_FRESH_MS = 60_000;

/** The kept answer says what the new one says, for the same key, and is under a minute old. */
function isFresh(kept: LastLicense | undefined, received: LastLicense): boolean {
  if (!kept || kept.maskedKey !== received.maskedKey) return false;
  if (Date.parse(received.receivedAt) - Date.parse(kept.receivedAt) >= LAST_LICENSE_FRESH_MS) return false;
  const withoutTime = (info: LicenseInfo) => JSON.stringify({ ...info, serviceTime: undefined });
  return withoutTime(kept.info) === withoutTime(received.info);
}

/**
 * The license the service last answered for the saved key, and the seats this PBX should hold
 * (whether it holds them is unknown: `held: null`); null without a key, for another key, or
 * when none was ever received.
 */
export async function lastReceivedLicense(ctx: PbxContext): Promise<{ last: LastLicense; seats: SeatReport[] } | null> {
  const state = await ctx.store.read();
  const { settings, lastLicense } = state;
  if (!settings.licenseKey || !lastLicense || lastLicense.maskedKey !== maskLicenseKey(settings.licenseKey)) return null;
  return { last: lastLicense, seats: wantedSeats(state).map((seat) => ({ ...seat, held: null, dropped: false, free: 0 })) };
}

/** Activate a coupon on the saved key; a coupon activates once. */
export async function activateCoupon(ctx: PbxContext, input: string): Promise<LicenseInfo> {
  const coupon = normalizeCoupon(input);
  const { settings } = await ctx.store.read();
  const key = settings.licenseKey;
  if (!key) throw new NoLicenseKeyError('coupon');
  return audited(ctx.store, 'license.coupon', `${coupon.slice(0, 13)}…`, async () => (await ctx.licensing()).activateCoupon(key, coupon));
}

/**
 * Cancel the registration: this host's bindings are released (best effort: they would lapse in
 * 10 minutes anyway) and the key is removed from the store.
 */
export async function resetLicenseKey(ctx: PbxContext): Promise<{ released: number; warning?: string }> {
  const { settings } = await ctx.store.read();
  const key = settings.licenseKey;
  if (!key) throw new ValidationError(reason('no_key_to_reset'));
  return audited(ctx.store, 'license.reset', maskLicenseKey(key), async () => {
    let released = 0;
    let warning: string | undefined;
    try {
      const client = await ctx.licensing();
      const hosts = await client.sessions(key);
      if (hosts.some((h) => h.hostId === settings.hostId)) released = await client.dropBindings(key, { hostId: settings.hostId });
    } catch (error) {
      warning = renderReason(activeMessages(), reason('bindings_not_released', { detail: error instanceof Error ? error.message : String(error) })).message;
    }
    await ctx.store.update((s) => {
      s.settings.licenseKey = null;
      delete s.lastLicense;
    });
    return warning ? { released, warning } : { released };
  });
}

/**
 * Keep this PBX's bindings alive (SPEC §3: the PBX refreshes them while it runs); returns how
 * many the service refreshed, 0 without a saved key.
 */
export async function refreshOwnBindings(ctx: PbxContext): Promise<number> {
  const { settings } = await ctx.store.read();
  if (!settings.licenseKey) return 0;
  return (await (await ctx.licensing()).refreshBindings(settings.licenseKey, settings.hostId)).length;
}

async function saveKey(ctx: PbxContext, key: string): Promise<void> {
  await ctx.store.update((s) => {
    s.settings.licenseKey = key;
  });
}

/** Bind this PBX's feature 33; a key whose seat is taken elsewhere is still saved, with a warning. */
async function captureOwnSeat(ctx: PbxContext, key: string, info: LicenseInfo): Promise<{ info: LicenseInfo; binding: Binding | null; warning?: string }> {
  const client = await ctx.licensing();
  try {
    const binding = await client.captureFeature(key, MIKOPBX_FEATURE_ID, await ctx.hostIdentity());
    return { info: await client.licenseInfo(key), binding };
  } catch (error) {
    if (!(error instanceof LicenseError)) throw error;
    const warning = renderReason(activeMessages(), reason('seat_not_captured', { featureId: MIKOPBX_FEATURE_ID, problem: error.message, hint: error.hint ?? '' })).message;
    return { info, binding: null, warning };
  }
}
