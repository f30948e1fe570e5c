import type { Language } from './language.js';

/**
 * Dates, times and numbers as a language writes them. Russian: Intl's own forms (22.12.2026,
 * decimal comma). English keeps ISO 8601 dates (2026-12-22): the English console is read by
 * administrators everywhere, and month/day order is ambiguous outside one country.
 */
const pad = (n: number) => String(n).padStart(2, '0');

const numberFormats = new Map<string, Intl.NumberFormat>();
const ruDays = { local: new Intl.DateTimeFormat('ru', { day: '2-digit', month: '2-digit', year: 'numeric' }), utc: new Intl.DateTimeFormat('ru', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }) };

/** A calendar day given as "2026-12-22" (or an ISO time whose day is meant): "2026-12-22" / "22.12.2026". */
export function formatDay(language: Language, isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!match) return isoDay;
  if (language === 'en') return match[0];
  return ruDays.utc.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** "14:03:07" in local time (both languages write it so). */
export function formatTime(date: Date, { seconds = true }: { seconds?: boolean } = {}): string {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/**
 * A moment in local time: "2026-05-04 14:03" / "04.05.2026 14:03"; with `seconds`, or without
 * the year where room is short ("05-04 14:03" / "04.05 14:03").
 */
export function formatDateTime(language: Language, date: Date, { seconds = false, year = true }: { seconds?: boolean; year?: boolean } = {}): string {
  let day: string;
  if (language === 'en') day = `${year ? `${date.getFullYear()}-` : ''}${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  else day = year ? ruDays.local.format(date) : `${pad(date.getDate())}.${pad(date.getMonth() + 1)}`;
  return `${day} ${formatTime(date, { seconds })}`;
}

/** A number with exactly `digits` decimals, no grouping: "12.3" / "12,3". */
export function formatDecimal(language: Language, value: number, digits: number): string {
  const id = `${language}:${digits}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })));
  return format.format(value);
}
