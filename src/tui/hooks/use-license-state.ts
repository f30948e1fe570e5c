import { useCallback, useEffect, useState } from 'react';
import { maskLicenseKey } from '../../domain/license-key.js';
import { MIKOPBX_FEATURE_ID } from '../../domain/license-products.js';
import { ConnectionError } from '../../licensing/errors.js';
import type { LicenseStatus } from '../../licensing/marketplace-registration.js';
import type { PbxContext } from '../../pbx-context.js';
import { useConsole } from '../console-context.js';

/**
 * The license as the header shows it: unregistered, registered with the key masked, or no
 * connection to the licensing service (a ConnectionError while reading the license info).
 *
 * Cheap on purpose: the service is asked when the header mounts, when the store changes
 * (`storeRevision`: a key saved, a coupon activated), and on `refresh()`; never per render.
 * The marketplace screen reads the same license and reports what it learned
 * (`reportLicenseState`), and reads running at the same time share one request.
 */
export type LicenseState =
  | { kind: 'loading' }
  | { kind: 'unregistered' }
  | { kind: 'registered'; maskedKey: string; /** This PBX's feature-33 seat, as the last read said. */ seat: OwnSeatState }
  | { kind: 'offline'; url: string | null }
  | { kind: 'store-error'; error: unknown };

/** Whether this PBX holds its MikoPBX seat (feature 33): unknown until the service answers. */
export type OwnSeatState = 'held' | 'not-held' | 'unknown';

/** The feature-33 seat in a license read. */
export function ownSeatState(status: LicenseStatus): OwnSeatState {
  const held = status.seats.find((s) => s.featureId === MIKOPBX_FEATURE_ID)?.held;
  return held === true ? 'held' : held === false ? 'not-held' : 'unknown';
}

export function useLicenseState(): LicenseState & { refresh: () => void } {
  const { pbx, storeRevision } = useConsole();
  const [state, setState] = useState<LicenseState>({ kind: 'loading' });
  const [nonce, setNonce] = useState(0);

  useEffect(() => subscribe(pbx, setState), [pbx]);
  useEffect(() => {
    let current = true;
    void checkLicense(pbx, storeRevision, (next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [pbx, storeRevision, nonce]);

  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, refresh };
}

/** A screen that has just read the license tells the header. */
export function reportLicenseState(pbx: PbxContext, state: LicenseState): void {
  for (const listener of listeners.get(pbx) ?? []) listener(state);
}

/**
 * `readLicense(pbx)`, shared by callers that ask at the same store revision while the first
 * request is still running (the header and the screen both load on mount and on store changes).
 */
export function readLicenseShared(pbx: PbxContext, storeRevision: number): Promise<LicenseStatus> {
  const running = inFlight.get(pbx);
  if (running && running.revision === storeRevision) return running.promise;
  // Loaded on first use: an unregistered console never needs it for its first frame.
  const promise = import('../../licensing/marketplace-registration.js').then(({ readLicense }) => readLicense(pbx)).finally(() => {
    if (inFlight.get(pbx)?.promise === promise) inFlight.delete(pbx);
  });
  inFlight.set(pbx, { revision: storeRevision, promise });
  return promise;
}

type Listener = (state: LicenseState) => void;
const listeners = new WeakMap<PbxContext, Set<Listener>>();
const inFlight = new WeakMap<PbxContext, { revision: number; promise: Promise<LicenseStatus> }>();

function subscribe(pbx: PbxContext, listener: Listener): () => void {
  let set = listeners.get(pbx);
  if (!set) listeners.set(pbx, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** The store answers at once; then the service, only when there is a key to ask about. */
async function checkLicense(pbx: PbxContext, storeRevision: number, set: (state: LicenseState | ((previous: LicenseState) => LicenseState)) => void): Promise<void> {
  let key: string | null;
  try {
    key = (await pbx.store.read()).settings.licenseKey;
  } catch (error) {
    set({ kind: 'store-error', error });
    return;
  }
  if (!key) {
    set({ kind: 'unregistered' });
    return;
  }
  const registered: LicenseState = { kind: 'registered', maskedKey: maskLicenseKey(key), seat: 'unknown' };
  // While offline, stay offline until the service answers: no flicker on every store change;
  // what was known of the seat stays until the service says otherwise.
  set((previous) => (previous.kind === 'offline' ? previous : previous.kind === 'registered' && previous.maskedKey === registered.maskedKey ? previous : registered));
  try {
    const status = await readLicenseShared(pbx, storeRevision);
    set({ ...registered, seat: ownSeatState(status) });
  } catch (error) {
    // A key the service refuses is still the key saved here; the screen explains the refusal.
    set(error instanceof ConnectionError ? { kind: 'offline', url: error.url } : registered);
  }
}
