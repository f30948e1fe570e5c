import { PbxmodError, reason } from '../domain/errors.js';
import { LicenseError } from '../domain/license-codes.js';
import { maskLicenseKey } from '../domain/license-key.js';
import { MIKOPBX_FEATURE_ID } from '../domain/license-products.js';
import { needsFeatureSeat } from '../domain/manifest.js';
import type { ModuleContext } from '../modules/context.js';
import { audited } from '../store/pbx-store.js';
import type { PbxState } from '../store/schema.js';
import type { LicensingClient } from './client.js';

/**
 * A seat this PBX should hold (SPEC §3): feature 33 (MikoPBX) always, and the feature of each
 * enabled paid module. Modules sharing a feature share the seat.
 */
export interface WantedSeat {
  featureId: number;
  /** The enabled modules that need it; empty for feature 33. */
  modules: string[];
}

/** Whether this PBX holds the seat now, as the service says (`held: null`: not asked — no connection). */
export interface SeatReport extends WantedSeat {
  held: boolean | null;
  /** The admin dropped it in the session monitor; only an explicit capture takes it back. */
  dropped: boolean;
  /** Seats of the feature free for any PBX. */
  free: number;
}

/** The seats this PBX should hold, from the store: feature 33 first, then paid modules' features. */
export function wantedSeats(state: Pick<PbxState, 'modules'>): WantedSeat[] {
  const byFeature = new Map<number, string[]>([[MIKOPBX_FEATURE_ID, []]]);
  for (const module of state.modules) {
    if (!module.enabled || !needsFeatureSeat(module)) continue;
    const featureId = module.licFeatureId!;
    byFeature.set(featureId, [...(byFeature.get(featureId) ?? []), module.id]);
  }
  return [...byFeature].map(([featureId, modules]) => ({ featureId, modules }));
}

/** Ask the service about each seat this PBX should hold (read-only: nothing is captured). */
export async function checkOwnSeats(client: LicensingClient, key: string, hostId: string, wanted: readonly WantedSeat[]): Promise<SeatReport[]> {
  return Promise.all(
    wanted.map(async (seat) => {
      try {
        const check = await client.checkFeature(key, seat.featureId, hostId);
        return { ...seat, held: check.held, dropped: check.dropped, free: check.free };
      } catch (error) {
        // 2008: the key has no license for the feature at all; this PBX holds no seat of it.
        if (error instanceof LicenseError) return { ...seat, held: false, dropped: false, free: 0 };
        throw error;
      }
    }),
  );
}

/** What taking a seat back did: captured now, held already, or refused (with the service's license code). */
export type CaptureOutcome = WantedSeat & ({ outcome: 'captured' | 'held' } | { outcome: 'failed'; error: LicenseError });

/**
 * Take back every seat this PBX should hold and does not (a seat dropped in the session monitor,
 * or one that lapsed): feature 33 and the enabled paid modules' features. A refusal of one seat
 * (2008: none free) is reported and does not stop the others; no connection stops all.
 */
export async function captureOwnSeats(ctx: ModuleContext): Promise<CaptureOutcome[]> {
  const state = await ctx.store.read();
  const key = state.settings.licenseKey;
  if (!key) throw new PbxmodError('no_license_key', reason('seats_no_license_key'));
  const wanted = wantedSeats(state);
  const target = `${maskLicenseKey(key)} features ${wanted.map((s) => s.featureId).join(', ')}`;
  return audited(ctx.store, 'license.capture', target, async () => {
    const client = await ctx.licensing();
    const host = await ctx.hostIdentity();
    const outcomes: CaptureOutcome[] = [];
    for (const seat of wanted) {
      try {
        const check = await client.checkFeature(key, seat.featureId, host.hostId);
        if (check.held) {
          outcomes.push({ ...seat, outcome: 'held' });
          continue;
        }
        await client.captureFeature(key, seat.featureId, host);
        outcomes.push({ ...seat, outcome: 'captured' });
      } catch (error) {
        if (!(error instanceof LicenseError)) throw error;
        outcomes.push({ ...seat, outcome: 'failed', error });
      }
    }
    return outcomes;
  });
}
