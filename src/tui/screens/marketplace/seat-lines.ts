import type { Messages } from '../../../i18n/index.js';
import type { LicenseInfo } from '../../../licensing/api.js';
import type { SeatReport } from '../../../licensing/own-seats.js';
import { commandLabel } from '../../keys/bindings.js';
import type { ThemeSymbols } from '../../theme.js';
import { textWidth } from '../../text-fit.js';
import { wrapped, type Line } from './lines.js';

type SeatTexts = Messages['seats'];

/** A feature as the license names it: "MikoPBX free license (33)". */
export function featureName(info: LicenseInfo | null, featureId: number, t: SeatTexts): string {
  const feature = info?.products.flatMap((p) => p.features).find((f) => f.featureId === featureId);
  return feature ? t.feature(feature.name, featureId) : t.featureUnnamed(featureId);
}

/**
 * "This PBX's seats", then a line per seat this PBX should hold: held, NOT held (dropped in
 * the session monitor, or lapsed), or unknown (no connection); and, when one is not held,
 * the key that takes it back.
 */
export function seatLines(seats: readonly SeatReport[], info: LicenseInfo | null, t: SeatTexts, symbols: ThemeSymbols, width: number): Line[] {
  if (seats.length === 0) return [];
  const names = seats.map((seat) => [featureName(info, seat.featureId, t), ...(seat.modules.length > 0 ? [t.forModules(seat.modules.join(', '))] : [])].join(' '));
  const nameWidth = Math.min(40, Math.max(...names.map(textWidth)));
  const lines: Line[] = [{ text: t.title, tone: 'heading' }];
  seats.forEach((seat, i) => {
    const name = names[i]!.padEnd(nameWidth);
    if (seat.held === null) lines.push({ text: `${symbols.warning} ${name}  ${t.unknown}`, tone: 'muted' });
    else if (seat.held) lines.push({ text: `${symbols.check} ${name}  ${t.held}`, tone: 'ok' });
    else lines.push({ text: `${symbols.cross} ${name}  ${seat.dropped ? t.dropped : t.notHeld}`, tone: 'error' });
  });
  if (seats.some((s) => s.held === false)) lines.push(...wrapped(t.takeBackHint(commandLabel('marketplace.capture', symbols, { first: true })), width, 'accent', 2));
  return lines;
}

/** "received 3 h ago", from when the license was received and now. */
export function receivedAge(receivedAt: string, now: Date, t: SeatTexts): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(receivedAt)) / 60_000));
  if (minutes < 1) return t.age.justNow;
  if (minutes < 60) return t.age.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.age.hours(hours);
  return t.age.days(Math.floor(hours / 24));
}
