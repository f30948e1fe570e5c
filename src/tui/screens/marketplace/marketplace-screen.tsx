import { useEffect, useLayoutEffect, useState } from 'react';
import { useStdout } from 'ink';
import { StoreError } from '../../../domain/errors.js';
import { useMessages } from '../../../i18n/index.js';
import { ConnectionError } from '../../../licensing/errors.js';
import { lastReceivedLicense, type KeySaved } from '../../../licensing/marketplace-registration.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole } from '../../console-context.js';
import { useScreenKeys } from '../../frame/screen-keys.js';
import { useAsync } from '../../hooks/use-async.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { ownSeatState, readLicenseShared, reportLicenseState } from '../../hooks/use-license-state.js';
import type { ScreenProps } from '../types.js';
import { DiagnosticsView } from './diagnostics-view.js';
import { CouponForm, KeyForm, RegistrationForm } from './forms.js';
import { marketplaceKeys, type KeysMode } from './keys.js';
import { Overview } from './overview.js';
import { useLicenseActions } from './use-license-actions.js';
import { useMarketplaceState, type MarketplaceView } from './use-marketplace-state.js';

/**
 * Marketplace & license (screen 1): register this PBX or enter a key; the license with the
 * key masked (revealed on a key press, copied to the admin's own clipboard), coupons, reset;
 * when the service cannot be reached, a banner and the connection diagnostics.
 */
export function MarketplaceScreen({ width, height }: ScreenProps) {
  const { pbx, readonly, storeRevision, storeChanged } = useConsole();
  const messages = useMessages();
  const texts = messages.screens.marketplace;
  const toast = useToast();
  const { stdout } = useStdout();
  const [state, dispatch] = useMarketplaceState();
  // Leaving the screen hides the key, also when the screen is only hidden, not unmounted
  // (Suspense keeps it while the next screen loads, and shows it again on a quick way back).
  useLayoutEffect(() => () => dispatch({ type: 'hide' }), [dispatch]);
  const license = useAsync(() => readLicenseShared(pbx, storeRevision), [pbx, storeRevision]);

  const connectionError = license.status === 'failed' && license.error instanceof ConnectionError ? license.error : undefined;
  const failure = license.status === 'failed' && !connectionError ? license.error : undefined;
  const status = failure === undefined ? license.data : undefined;
  const offline = connectionError ? { url: connectionError.url, reason: connectionError.message } : state.offline;
  // Offline: the license last received (kept in the store by every read), with its age.
  const remembered = useAsync(async () => (offline ? lastReceivedLicense(pbx) : null), [pbx, storeRevision, offline !== null]);
  // readLicense asks the service only when a key is saved: any failure but the store's means one is.
  const registered = status?.registered === true || (license.status === 'failed' && !(license.error instanceof StoreError));

  // Tell the header what this read learned, so that it need not ask again.
  useEffect(() => {
    if (license.status === 'ready') {
      dispatch({ type: 'connection-ok' });
      reportLicenseState(pbx, license.data.registered ? { kind: 'registered', maskedKey: license.data.key ?? '', seat: ownSeatState(license.data) } : { kind: 'unregistered' });
    } else if (connectionError) {
      reportLicenseState(pbx, { kind: 'offline', url: connectionError.url });
    }
  }, [pbx, license.status, license.data, connectionError, dispatch]);

  const actions = useLicenseActions({ state, dispatch, maskedKey: status?.key ?? null, output: stdout, info: status?.info ?? remembered.data?.last.info ?? null });
  const seatMissing = !offline && (status?.seats ?? []).some((s) => s.held === false);
  const open = (view: MarketplaceView) => {
    if (readonly && view !== 'diagnostics') toast.info(texts.readonly);
    else dispatch({ type: 'open', view });
  };
  const back = () => dispatch({ type: 'back' });
  // The "registered" note waits for the license read that the saved key starts: the note, this
  // screen and the header then say the same in the same frame (not "not registered" for a while).
  const [savedNote, setSavedNote] = useState<string | null>(null);
  useEffect(() => {
    if (savedNote === null) return;
    if ((license.status === 'ready' && license.data.registered) || license.status === 'failed') {
      toast.success(savedNote);
      setSavedNote(null);
    }
  }, [savedNote, license.status, license.data, toast]);
  const keySaved = (saved: KeySaved, message: string) => {
    setSavedNote(message);
    dispatch({ type: 'done', ...(saved.warning ? { notice: { kind: 'warning' as const, text: saved.warning } } : {}) });
    back();
    storeChanged();
  };
  const formFailed = (error: unknown) => {
    if (error instanceof ConnectionError) dispatch({ type: 'connection-lost', offline: { url: error.url, reason: error.message } });
  };

  const loading = license.status === 'loading' && license.data === undefined;
  const mode: KeysMode = state.view === 'diagnostics' ? 'diagnostics' : state.view !== 'overview' ? 'form' : loading ? 'loading' : registered ? 'registered' : 'unregistered';
  useScreenKeys(marketplaceKeys(messages, mode, seatMissing));

  useKeyLayer(
    (e) => {
      if (state.view === 'diagnostics') {
        if (e.is('basic.back')) back();
        else if (e.is('marketplace.reload')) dispatch({ type: 'run-diagnostics' });
        else return false;
        return true;
      }
      if (state.view !== 'overview') return false;
      if (e.is('marketplace.diagnostics')) dispatch({ type: 'run-diagnostics' });
      else if (e.is('marketplace.reload')) {
        dispatch({ type: 'done' });
        license.reload();
      } else if (state.busy || loading) return false;
      else if (registered && e.is('marketplace.reveal')) void actions.toggleReveal();
      else if (registered && e.is('marketplace.copy')) void actions.copyKey();
      else if (registered && e.is('marketplace.coupon')) open('coupon');
      else if (registered && e.is('marketplace.reset')) void actions.resetKey();
      else if (registered && e.is('marketplace.capture')) void actions.captureSeats();
      else if (!registered && e.is('basic.confirm')) open('register');
      else if (!registered && e.is('marketplace.enterKey')) open('key');
      else return false;
      return true;
    },
    { priority: KeyPriority.screen },
  );

  const formProps = { width, height, isActive: true, onCancel: back, onError: formFailed };
  switch (state.view) {
    case 'register':
      return <RegistrationForm {...formProps} onDone={keySaved} />;
    case 'key':
      return <KeyForm {...formProps} onDone={keySaved} />;
    case 'coupon':
      return (
        <CouponForm
          {...formProps}
          onDone={(message) => {
            toast.success(message);
            back();
            storeChanged();
          }}
        />
      );
    case 'diagnostics':
      return <DiagnosticsView url={offline?.url ?? null} run={state.diagnosticsRun} width={width} height={height} />;
    case 'overview':
      return <Overview status={status} remembered={remembered.data ?? null} failure={failure} loading={license.status === 'loading'} offline={offline} state={state} width={width} height={height} isActive />;
  }
}
