import { ValidationError, reason } from './errors.js';
import type { AuditEntry } from '../store/schema.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: how long ago (`30m`, `2h`, `3d`, `1w`) or a date (`2026-12-01`, `2026-12-01T09:30`,
 * any ISO 8601 time). A date without a zone is the local time, as an administrator reads it.
 */
export function parseSince(value: string, now: Date = new Date()): Date {
  const text = value.trim();
  const duration = /^(\d+)\s*([smhdw])$/i.exec(text);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]!);
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    // A bare date is midnight local time (Date would read it as UTC).
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00`) : new Date(text.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new ValidationError(reason('audit_since_invalid', { value }), 'since');
}

export interface AuditFilter {
  /** Only entries at or after this time. */
  since?: Date;
  /** An action (`module.enable`), its noun (`module`) or its verb (`enable`). */
  action?: string;
  /** Words that must all appear in who, action, target, outcome or detail (the console's `/`). */
  text?: string;
}

/** Does an entry's action answer `--action`? The whole name, its noun or its verb. */
export function actionMatches(action: string, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  const a = action.toLowerCase();
  return a === w || a.startsWith(`${w}.`) || a.endsWith(`.${w}`);
}

/** The entries that pass the filter, newest first. */
export function filterAuditLog(entries: readonly AuditEntry[], filter: AuditFilter = {}): AuditEntry[] {
  const since = filter.since?.getTime();
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const passing = entries.filter((e) => {
    if (since !== undefined && !(Date.parse(e.at) >= since)) return false;
    if (filter.action && !actionMatches(e.action, filter.action)) return false;
    if (words.length > 0) {
      const haystack = [e.who, e.action, e.target ?? '', e.outcome, e.detail ?? ''].join(' ').toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  // Oldest first in the log; a stable sort by time keeps the order of entries of the same instant.
  return passing.map((e, i) => ({ e, i, t: Date.parse(e.at) })).sort((x, y) => y.t - x.t || y.i - x.i).map(({ e }) => e);
}
