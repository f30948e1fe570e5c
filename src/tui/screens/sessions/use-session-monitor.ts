import { useCallback, useEffect, useState } from 'react';
import type { SessionHost } from '../../../licensing/api.js';
import { NoLicenseKeyError } from '../../../licensing/marketplace-registration.js';
import { dropSessions, readSessions, sessionCredential, type DropPlan, type SessionLogin } from '../../../licensing/session-monitor.js';
import { useConsole } from '../../console-context.js';
import { useAsync } from '../../hooks/use-async.js';

/** Who the screen is logged in as, for the status line: never the whole key, only its last group. */
export interface SessionIdentity {
  kind: 'own-key' | 'key' | 'coupon';
  /** "MIKO" or "MIKOUPD". */
  prefix: string;
  /** The last group, which tells keys apart as the masked key does. */
  last: string;
}

export interface SessionSnapshot {
  /** The login it was read with. */
  login: SessionLogin | undefined;
  hosts: SessionHost[];
  /** When the service answered (this machine's clock). */
  at: Date;
  /** The service's time in its answer: lapse is judged by the service's clock (see serviceClock). */
  serviceTime: string | undefined;
  identity: SessionIdentity;
  /** This PBX's host id, to mark its own host. */
  ownHostId: string;
}

export interface SessionMonitor {
  /** undefined: this PBX's own saved key. */
  login: SessionLogin | undefined;
  /** The last successful answer; stays while a refresh runs or after one failed. */
  snapshot: SessionSnapshot | undefined;
  loading: boolean;
  /** The last refresh failed with this (undefined when it succeeded). */
  error: unknown;
  /** Logged in with the PBX's own key, and it has none. */
  noKey: boolean;
  refresh: () => void;
  /** Check the login with the service; on success the screen shows its bindings. Throws what the service refused. */
  logIn: (login: SessionLogin | undefined) => Promise<SessionIdentity>;
  /** Drop what the plan names; the bindings are read again after. */
  drop: (plan: DropPlan) => Promise<number>;
}

function identityOf(credential: string, login: SessionLogin | undefined): SessionIdentity {
  const coupon = credential.startsWith('MIKOUPD');
  return { kind: coupon ? 'coupon' : login === undefined ? 'own-key' : 'key', prefix: coupon ? 'MIKOUPD' : 'MIKO', last: credential.slice(-5) };
}

/**
 * The bindings of the key (or coupon) the screen is logged in with, read through the same
 * operations as `pbxmod sessions list/drop`; read again on `refresh()`, after a drop, and
 * every `refreshEveryMs` while `autoRefresh` (the timer does not keep the process alive).
 */
export function useSessionMonitor({ refreshEveryMs, autoRefresh }: { refreshEveryMs: number; autoRefresh: boolean }): SessionMonitor {
  const { pbx, storeRevision, storeChanged } = useConsole();
  const [login, setLogin] = useState<SessionLogin | undefined>(undefined);
  // What the login form's check read: shown at once, until the list reads it again itself.
  const [checked, setChecked] = useState<SessionSnapshot | undefined>(undefined);

  const read = useCallback(
    async (as: SessionLogin | undefined): Promise<SessionSnapshot> => {
      const credential = await sessionCredential(pbx, as);
      const { hosts, serviceTime, receivedAt } = await readSessions(pbx, as);
      const { settings } = await pbx.store.read();
      return { login: as, hosts, at: receivedAt, serviceTime, identity: identityOf(credential, as), ownHostId: settings.hostId };
    },
    [pbx],
  );
  const loaded = useAsync(() => read(login), [read, login, storeRevision]);
  const noKey = login === undefined && loaded.status === 'failed' && loaded.error instanceof NoLicenseKeyError;
  const { reload } = loaded;

  useEffect(() => {
    if (!autoRefresh || noKey) return undefined;
    const timer = setInterval(reload, refreshEveryMs);
    timer.unref();
    return () => clearInterval(timer);
  }, [autoRefresh, noKey, refreshEveryMs, reload]);

  const logIn = useCallback(
    async (next: SessionLogin | undefined) => {
      const snapshot = await read(next);
      setChecked(snapshot);
      setLogin(next);
      return snapshot.identity;
    },
    [read],
  );

  const drop = useCallback(
    async (plan: DropPlan) => {
      const released = await dropSessions(pbx, plan, login);
      // The drop is in the PBX's audit log; the revision also reads the bindings again.
      storeChanged();
      return released;
    },
    [pbx, login, storeChanged],
  );

  const snapshot = loaded.data?.login === login ? loaded.data : checked?.login === login ? checked : loaded.data;
  return {
    login,
    snapshot,
    loading: loaded.status === 'loading',
    error: loaded.status === 'failed' ? loaded.error : undefined,
    noKey,
    refresh: reload,
    logIn,
    drop,
  };
}
