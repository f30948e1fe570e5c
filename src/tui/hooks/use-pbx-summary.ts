import { hostname } from 'node:os';
import { useConsole } from '../console-context.js';
import { useAsync } from './use-async.js';

export interface PbxSummary {
  /** `settings.pbxVersion`, or undefined while the store loads or when it is unreadable. */
  pbxVersion: string | undefined;
  hostName: string;
  /** Set when the PBX store cannot be read. */
  storeError: unknown;
}

/** What the header shows about this PBX. */
export function usePbxSummary(): PbxSummary {
  const { pbx, storeRevision } = useConsole();
  const settings = useAsync(async () => (await pbx.store.read()).settings, [pbx, storeRevision]);
  return { pbxVersion: settings.data?.pbxVersion, hostName: hostname(), storeError: settings.status === 'failed' ? settings.error : undefined };
}
