import { useCallback, useState } from 'react';
import { listApplications } from '../../../dialplan/applications.js';
import { byExtension } from '../../../domain/dialplan.js';
import type { DialplanApplication } from '../../../store/schema.js';
import type { PbxStore } from '../../../store/pbx-store.js';
import { useConsole } from '../../console-context.js';
import { useAsync, type AsyncState } from '../../hooks/use-async.js';

export interface ApplicationList {
  load: AsyncState<readonly DialplanApplication[]>;
  /** By number; undefined until the first read. */
  apps: readonly DialplanApplication[] | undefined;
  /** This screen saved `app` (new, changed or copied): show it without reading 10,000 again. */
  saved: (app: DialplanApplication) => void;
  /** This screen deleted the application. */
  removed: (uniqid: string) => void;
  /** Read the store again (after a failure that may mean someone else changed it). */
  reload: () => void;
}

/**
 * The applications of the list, read from the store when the screen opens, then kept in step
 * with what this screen itself saves or deletes: each operation returns the application as
 * stored, so the list does not read and sort the whole store again after every save.
 */
export function useApplicationList(store: PbxStore): ApplicationList {
  const [nonce, setNonce] = useState(0);
  // storeRevision: r / Ctrl-R, or another pbxmod process changed the store.
  const { storeRevision } = useConsole();
  const load = useAsync(() => listApplications(store), [store, nonce, storeRevision]);
  // Changes made here since `from` was read; a fresh read replaces them.
  const [local, setLocal] = useState<{ from: readonly DialplanApplication[]; apps: readonly DialplanApplication[] } | undefined>(undefined);
  const loaded = load.data;
  const apps = local && local.from === loaded ? local.apps : loaded;

  const patch = useCallback(
    (change: (apps: readonly DialplanApplication[]) => DialplanApplication[]) => {
      if (!loaded) return;
      setLocal((previous) => ({ from: loaded, apps: change(previous && previous.from === loaded ? previous.apps : loaded) }));
    },
    [loaded],
  );
  const saved = useCallback((app: DialplanApplication) => patch((list) => withApplication(list, app)), [patch]);
  const removed = useCallback((uniqid: string) => patch((list) => list.filter((a) => a.uniqid !== uniqid)), [patch]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { load, apps, saved, removed, reload };
}

/** The list with `app` in its place by number (replacing the one with its uniqid). */
export function withApplication(list: readonly DialplanApplication[], app: DialplanApplication): DialplanApplication[] {
  const rest = list.filter((a) => a.uniqid !== app.uniqid);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byExtension(rest[middle]!, app) <= 0) low = middle + 1;
    else high = middle;
  }
  rest.splice(low, 0, app);
  return rest;
}
