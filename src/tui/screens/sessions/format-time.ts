import { formatDateTime, formatTime } from '../../../i18n/format.js';
import type { Language, Messages } from '../../../i18n/index.js';

/** "14:03:07" in the PBX's local time. */
export function localTime(date: Date): string {
  return formatTime(date);
}

/** "2026-05-04 14:03" / "04.05.2026 14:03" (or with seconds, or without the year) in local time, from the service's ISO 8601. */
export function localDateTime(iso: string, language: Language, options: { seconds?: boolean; year?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDateTime(language, date, options);
}

/** "3 min ago", "in 7 min", "lapsed" for a binding's upd / exp. */
export function relativeTime(iso: string, now: Date, m: Messages['screens']['sessions']['info']): string {
  const ms = Date.parse(iso) - now.getTime();
  if (Number.isNaN(ms)) return '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (ms <= 0) return minutes === 0 ? m.justNow : m.minutesAgo(minutes);
  return minutes === 0 ? m.inLessThanMinute : m.inMinutes(minutes);
}
