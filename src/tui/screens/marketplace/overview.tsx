import { useEffect, useState } from 'react';
import { Box } from 'ink';
import { StoreError } from '../../../domain/errors.js';
import { languageOf, useMessages } from '../../../i18n/index.js';
import type { LicenseStatus } from '../../../licensing/marketplace-registration.js';
import type { SeatReport } from '../../../licensing/own-seats.js';
import type { LastLicense } from '../../../store/schema.js';
import { localDateTime } from '../sessions/format-time.js';
import { receivedAge, seatLines } from './seat-lines.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { commandLabel } from '../../keys/bindings.js';
import { useTheme } from '../../theme.js';
import { errorLines, indented } from './error-lines.js';
import { serviceClock } from '../../../licensing/service-time.js';
import { keyLine, labelWidth, licenseLines } from './license-lines.js';
import { Lines, wrapped, type Line } from './lines.js';
import type { MarketplaceState, Offline } from './use-marketplace-state.js';

export interface OverviewProps {
  /** The last license read: undefined until the first one answers. */
  status: LicenseStatus | undefined;
  /** Offline: the license last received for the saved key, and the seats this PBX should hold. */
  remembered: { last: LastLicense; seats: SeatReport[] } | null;
  /** The last read failed for a reason other than the connection (a refused key, the store). */
  failure: unknown;
  loading: boolean;
  offline: Offline | null;
  state: MarketplaceState;
  width: number;
  height: number;
  isActive: boolean;
}

/**
 * The screen's main view: the offline banner and the last action's notice on top, then the
 * license (key, owner, products; scrolls with the arrows) or the ways to get one.
 */
export function Overview({ status, remembered, failure, loading, offline, state, width, height, isActive }: OverviewProps) {
  const theme = useTheme();
  const messages = useMessages();
  const texts = messages.screens.marketplace;
  const { symbols } = theme;

  const top: Line[] = [];
  if (offline) {
    top.push(...wrapped(`${symbols.cross} ${texts.offline.banner(offline.url)}`, width, 'error', 2));
    top.push(...indented(offline.reason, width, 'muted'), ...indented(texts.offline.hint, width, 'muted'), { text: '' });
  }
  if (state.notice?.kind === 'error') top.push(...errorLines(state.notice.error, width, symbols), { text: '' });
  if (state.notice?.kind === 'warning') top.push(...wrapped(`${symbols.warning} ${state.notice.text}`, width, 'warning', 2), { text: '' });

  let body: Line[] = [];
  if (status?.registered) {
    // The hint after the key wraps under the key's value when the line is too long (Russian at 60 columns).
    const key = keyLine(texts, state.revealedKey ?? status.key ?? '', state.revealedKey !== null, symbols);
    top.push(...wrapped(key.text, width, key.tone, labelWidth(texts)), { text: '' });
    // Offline, whether a seat is held now is not known.
    const seats = offline ? status.seats.map((seat) => ({ ...seat, held: null })) : status.seats;
    const held = seatLines(seats, status.info, messages.seats, symbols, width);
    if (status.info) body = [...held, ...(held.length > 0 ? [{ text: '' }] : []), ...(offline ? [{ text: texts.license.stale, tone: 'muted' as const }] : []), ...licenseLines(status.info, texts, languageOf(messages), symbols, serviceClock(status.info.serviceTime, new Date()))];
  } else if (offline && failure === undefined && !status) {
    // Started without the service: what it last said, and when.
    if (remembered) {
      const { last, seats } = remembered;
      const key = keyLine(texts, last.maskedKey, false, symbols);
      top.push(...wrapped(key.text, width, key.tone, labelWidth(texts)), { text: '' });
      body = [
        ...wrapped(messages.seats.lastReceived(receivedAge(last.receivedAt, new Date(), messages.seats), localDateTime(last.receivedAt, languageOf(messages))), width, 'warning', 2),
        { text: '' },
        ...seatLines(seats, last.info, messages.seats, symbols, width),
        { text: '' },
        ...licenseLines(last.info, texts, languageOf(messages), symbols, serviceClock(last.info.serviceTime, new Date(last.receivedAt))),
      ];
    } else body = wrapped(messages.seats.neverReceived, width, 'muted');
  } else if (failure !== undefined) {
    // x resets a key the service refused; a store that cannot be read has no key to reset.
    const hint = failure instanceof StoreError ? texts.license.storeBrokenHint : texts.license.refusedHint;
    top.push(...errorLines(failure, width, symbols), ...indented(hint, width, 'muted'));
  } else if (status && !status.registered) {
    body = [
      { text: texts.unregistered.title, tone: 'heading' },
      { text: '' },
      ...wrapped(texts.unregistered.explain, width),
      { text: '' },
      { text: `  ${commandLabel('basic.confirm', symbols, { first: true }).padEnd(6)} ${texts.unregistered.register}` },
      { text: `  ${commandLabel('marketplace.enterKey', symbols, { first: true }).padEnd(6)} ${texts.unregistered.haveKey}` },
    ];
  }

  const busyLines = state.busy || (loading && !status && failure === undefined) ? 1 : 0;
  const room = Math.max(1, height - top.length - busyLines);
  const scrolls = body.length > room;
  const visible = scrolls ? Math.max(1, room - 1) : room;
  const maxScroll = Math.max(0, body.length - visible);
  const [scroll, setScroll] = useState(0);
  useEffect(() => setScroll((s) => Math.min(s, maxScroll)), [maxScroll]);

  useKeyLayer(
    (e) => {
      const move = (to: number) => setScroll(Math.max(0, Math.min(maxScroll, to)));
      if (e.is('nav.down')) move(scroll + 1);
      else if (e.is('nav.up')) move(scroll - 1);
      else if (e.is('nav.pageDown')) move(scroll + visible);
      else if (e.is('nav.pageUp')) move(scroll - visible);
      else if (e.is('nav.home')) move(0);
      else if (e.is('nav.end')) move(maxScroll);
      else return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive: isActive && body.length > 0 },
  );

  const shown = body.slice(scroll, scroll + visible);
  if (scrolls) shown.push({ text: texts.license.scroll(scroll + 1, scroll + shown.length, body.length), tone: 'muted' });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Lines lines={top} width={width} />
      {state.busy ? <BusyLine what={state.busy} width={width} /> : loading && !status && failure === undefined ? <BusyLine what={texts.loading} width={width} /> : null}
      <Lines lines={shown} width={width} />
    </Box>
  );
}
