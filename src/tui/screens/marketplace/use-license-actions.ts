import type { Dispatch } from 'react';
import { useMessages } from '../../../i18n/index.js';
import type { LicenseInfo } from '../../../licensing/api.js';
import { ConnectionError } from '../../../licensing/errors.js';
import { readLicense, resetLicenseKey } from '../../../licensing/marketplace-registration.js';
import { useConfirm } from '../../components/confirm/index.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole } from '../../console-context.js';
import { copyToTerminalClipboard, type TerminalOutput } from '../../terminal/osc52.js';
import { featureName } from './seat-lines.js';
import type { MarketplaceAction, MarketplaceState } from './use-marketplace-state.js';

export interface LicenseActionsOptions {
  state: MarketplaceState;
  dispatch: Dispatch<MarketplaceAction>;
  /** The key as shown now (masked), for the reset question. */
  maskedKey: string | null;
  /** The terminal the console draws on: OSC 52 goes there, to the admin's own clipboard. */
  output: TerminalOutput;
  /** The license as last read, to name the features in what the actions say. */
  info: LicenseInfo | null;
}

/**
 * The overview's actions on the saved key. The whole key leaves the store only through
 * `readLicense({reveal})` and goes nowhere but the screen and the terminal's clipboard.
 */
export function useLicenseActions({ state, dispatch, maskedKey, output, info }: LicenseActionsOptions) {
  const { pbx, readonly, storeChanged } = useConsole();
  const messages = useMessages();
  const texts = messages.screens.marketplace;
  const toast = useToast();
  const confirm = useConfirm();

  const fail = (error: unknown) => {
    if (error instanceof ConnectionError) {
      dispatch({ type: 'connection-lost', offline: { url: error.url, reason: error.message } });
      toast.error(error.message);
    } else dispatch({ type: 'done', notice: { kind: 'error', error } });
  };

  const wholeKey = async (): Promise<string | null> => {
    if (state.revealedKey) return state.revealedKey;
    dispatch({ type: 'busy', what: texts.reveal.busy });
    return (await readLicense(pbx, { reveal: true })).key;
  };

  return {
    async toggleReveal() {
      if (state.revealedKey) {
        dispatch({ type: 'hide' });
        return;
      }
      try {
        const key = await wholeKey();
        if (key) dispatch({ type: 'revealed', key });
        else dispatch({ type: 'done' });
      } catch (error) {
        fail(error);
      }
    },

    async copyKey() {
      try {
        const key = await wholeKey();
        dispatch({ type: 'done' });
        if (!key) return;
        copyToTerminalClipboard(output, key);
        toast.info(texts.reveal.copied);
      } catch (error) {
        fail(error);
      }
    },

    /** Take back the seats this PBX should hold and does not (`pbxmod license capture`). */
    async captureSeats() {
      const t = messages.seats;
      if (readonly) {
        toast.info(t.readonly);
        return;
      }
      dispatch({ type: 'busy', what: t.busy });
      try {
        const { captureOwnSeats } = await import('../../../licensing/own-seats.js');
        const outcomes = await captureOwnSeats(pbx);
        const name = (featureId: number) => featureName(info, featureId, t);
        const captured = outcomes.filter((o) => o.outcome === 'captured');
        const refused = outcomes.flatMap((o) => (o.outcome === 'failed' ? [{ featureId: o.featureId, error: o.error }] : []));
        if (captured.length > 0) toast.success(t.captured(captured.map((o) => name(o.featureId)).join(', ')));
        else if (refused.length === 0) toast.info(t.nothingToCapture);
        const warning = refused.map((r) => t.refused(name(r.featureId), Number(r.error.code), r.error.serviceMessage)).join(' ');
        dispatch({ type: 'done', ...(refused.length > 0 ? { notice: { kind: 'warning' as const, text: `${warning} ${t.refusedHint}` } } : {}) });
      } catch (error) {
        fail(error);
      } finally {
        storeChanged();
      }
    },

    async resetKey() {
      if (readonly) {
        toast.info(texts.readonly);
        return;
      }
      const { confirmed } = await confirm({
        title: texts.reset.title(maskedKey),
        message: texts.reset.message,
        warnings: [texts.reset.warning],
        confirmLabel: texts.reset.confirm,
        defaultChoice: 'cancel',
        width: 76,
      });
      if (!confirmed) return;
      dispatch({ type: 'hide' });
      dispatch({ type: 'busy', what: texts.reset.busy });
      try {
        const result = await resetLicenseKey(pbx);
        toast.success(texts.reset.done(result.released));
        dispatch({ type: 'done', ...(result.warning ? { notice: { kind: 'warning' as const, text: result.warning } } : {}) });
      } catch (error) {
        fail(error);
      } finally {
        storeChanged();
      }
    },
  };
}
