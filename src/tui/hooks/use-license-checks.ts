import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/index.js';
// Types only: the check code (store schema, manifest rules) loads after the first frame.
import type { LicenseCheckSchedule } from '../../modules/license-check.js';
import { useToast } from '../components/toast/index.js';
import { useConsole } from '../console-context.js';

/** Seconds between checks, for tests and admins; unset = the vendor's hour plus up to 5 minutes. */
export const LICENSE_CHECK_INTERVAL_ENV = 'PBXMOD_LICENSE_CHECK_INTERVAL';

const HOUR_MS = 3_600_000;
const MAX_JITTER_MS = 300_000;

/**
 * The schedule from the environment: `PBXMOD_LICENSE_CHECK_INTERVAL` seconds (a positive
 * number), with a jitter of a twelfth of it (5 minutes for the default hour), so that many
 * PBXs do not ask the service at the same moment. Anything else means the default.
 */
export function licenseCheckSchedule(env: NodeJS.ProcessEnv): Pick<LicenseCheckSchedule, 'intervalMs' | 'jitterMs'> {
  const seconds = Number(env[LICENSE_CHECK_INTERVAL_ENV]);
  const intervalMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : HOUR_MS;
  return { intervalMs, jitterMs: Math.min(MAX_JITTER_MS, intervalMs / 12) };
}

/**
 * While the console runs, re-check the licenses of enabled paid modules periodically
 * (SPEC §3). A check that disables a module says so in a toast and refreshes every view of
 * the store. Mounted once, in the frame. A `--readonly` console changes nothing, so it does
 * not check (the PBX's own `pbxmod license check` does).
 */
export function useLicenseChecks(env: NodeJS.ProcessEnv): void {
  const { pbx, readonly, storeChanged } = useConsole();
  const toast = useToast();
  const messages = useMessages().screens.modules.licenseChecks;
  // The schedule starts once; these may change identity without restarting it.
  const latest = useRef({ toast, messages, storeChanged });
  latest.current = { toast, messages, storeChanged };
  const { intervalMs, jitterMs } = licenseCheckSchedule(env);

  useEffect(() => {
    if (readonly) return undefined;
    let stop: (() => void) | undefined;
    let unmounted = false;
    void Promise.all([import('../../modules/license-check.js'), import('../../modules/errors.js')]).then(([{ startLicenseChecks }, { ModuleBusyError }]) => {
      if (unmounted) return;
      stop = startLicenseChecks(pbx, {
        intervalMs,
        jitterMs,
        onChange: (result) => {
          const { toast: show, messages: m, storeChanged: changed } = latest.current;
          show.error(m.disabled(result.disabled.map((d) => d.id).join(', ')));
          changed();
        },
        onError: (error) => {
          // Busy: another operation holds the module lock; the schedule tries again in a minute.
          if (error instanceof ModuleBusyError) return;
          const { toast: show, messages: m } = latest.current;
          show.error(m.failed(error instanceof Error ? error.message : String(error)));
        },
      });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [pbx, readonly, intervalMs, jitterMs]);
}
