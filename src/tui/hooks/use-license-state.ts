import { maskLicenseKey } from '../../domain/license-key.js';
import { useConsole } from '../console-context.js';
import { useAsync } from './use-async.js';

/**
 * The license as the header shows it.
 *
 * A slot: for now it reads the key from the PBX store only (key present = registered).
 * The Marketplace screen replaces the body of `useLicenseState` to ask the licensing
 * service too, and reports 'offline' (with the URL) when the service cannot be reached.
 * The header only depends on the `LicenseState` type.
 */
export type LicenseState =
  | { kind: 'loading' }
  | { kind: 'unregistered' }
  | { kind: 'registered'; maskedKey: string }
  | { kind: 'offline'; url: string | null }
  | { kind: 'store-error'; error: unknown };

export function useLicenseState(): LicenseState & { refresh: () => void } {
  const { pbx, storeRevision } = useConsole();
  const settings = useAsync(async () => (await pbx.store.read()).settings, [pbx, storeRevision]);
  const refresh = settings.reload;
  if (settings.status === 'failed') return { kind: 'store-error', error: settings.error, refresh };
  if (!settings.data) return { kind: 'loading', refresh };
  const key = settings.data.licenseKey;
  return key ? { kind: 'registered', maskedKey: maskLicenseKey(key), refresh } : { kind: 'unregistered', refresh };
}
