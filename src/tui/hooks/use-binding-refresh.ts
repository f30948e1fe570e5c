import { useEffect } from 'react';
import { useConsole } from '../console-context.js';

/** Bindings lapse 10 minutes after their last refresh (SPEC §3); refresh well before. */
export const BINDING_REFRESH_MS = 4 * 60_000;

/**
 * While the console runs, keep this PBX's license bindings alive, as the PBX itself does:
 * every `intervalMs`, `refreshOwnBindings`. Nothing happens without a saved key.
 * Failures are ignored quietly: the next round tries again, and a binding that lapses is
 * captured again by the next license check. The timer never keeps the process alive.
 */
export function useBindingRefresh(intervalMs: number = BINDING_REFRESH_MS): void {
  const { pbx } = useConsole();
  useEffect(() => {
    const timer = setInterval(() => {
      // Loaded on the first round, not with the first frame.
      void import('../../licensing/marketplace-registration.js')
        .then(({ refreshOwnBindings }) => refreshOwnBindings(pbx))
        .catch(() => undefined);
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }, [pbx, intervalMs]);
}
