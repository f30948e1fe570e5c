import { useMemo } from 'react';
import { listAvailable, listInstalled, type AvailableModule } from '../../../modules/index.js';
import type { InstalledModule, SafeMode } from '../../../store/schema.js';
import { useConsole } from '../../console-context.js';
import { useAsync, type AsyncState } from '../../hooks/use-async.js';

/** An installed module with what the marketplace says about it. */
export interface InstalledRow extends InstalledModule {
  /** Newest release the marketplace has for this PBX, when it is newer. */
  latestVersion: string | null;
}

export interface ModuleLists {
  installed: AsyncState<InstalledRow[]>;
  marketplace: AsyncState<AvailableModule[]>;
  pbxVersion: string | undefined;
  /** What safe mode remembers for restore; null when it is off. */
  safeMode: SafeMode | null;
}

/**
 * The installed modules (from the store, no network) and the marketplace (from the licensing
 * service), reloaded whenever the store changes. When the marketplace cannot be asked the
 * installed list still shows, without update markers.
 */
export function useModuleLists(): ModuleLists {
  const { pbx, storeRevision } = useConsole();
  const installed = useAsync(async () => {
    const modules = await listInstalled(pbx);
    const { settings } = await pbx.store.read();
    return { modules, pbxVersion: settings.pbxVersion, safeMode: settings.safeMode ?? null };
  }, [pbx, storeRevision]);
  const marketplace = useAsync(() => listAvailable(pbx), [pbx, storeRevision]);

  const rows = useMemo(() => {
    const latest = new Map((marketplace.data ?? []).filter((a) => a.updateAvailable).map((a) => [a.id, a.version]));
    return installed.data?.modules.map((module): InstalledRow => ({ ...module, latestVersion: latest.get(module.id) ?? null }));
  }, [installed.data, marketplace.data]);

  const installedState: AsyncState<InstalledRow[]> =
    installed.status === 'ready' ? { status: 'ready', data: rows ?? [], error: undefined } : installed.status === 'failed' ? { status: 'failed', data: rows, error: installed.error } : { status: 'loading', data: rows, error: undefined };
  return { installed: installedState, marketplace, pbxVersion: installed.data?.pbxVersion, safeMode: installed.data?.safeMode ?? null };
}
