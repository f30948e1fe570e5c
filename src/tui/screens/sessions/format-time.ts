import type { Messages } from '../../../i18n/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:03:07" in the PBX's local time. */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "2026-05-04 14:03" (or with seconds) in local time, from the service's ISO 8601. */
export function localDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${seconds ? localTime(date) : `${pad(date.getHours())}:${pad(date.getMinutes())}`}`;
}

/** "3 min ago", "in 7 min", "lapsed" for a binding's upd / exp. */
export function relativeTime(iso: string, now: Date, m: Messages['screens']['sessions']['info']): string {
  const ms = Date.parse(iso) - now.getTime();
  if (Number.isNaN(ms)) return '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (ms <= 0) return minutes === 0 ? m.justNow : m.minutesAgo(minutes);
  return minutes === 0 ? m.inLessThanMinute : m.inMinutes(minutes);
}
