/** Texts of the audit log: the console's screen and `pbxmod audit` (see ../en.ts for the conventions). */
export const audit = {
  title: 'Audit log',
  shortTitle: 'Audit',

  loading: 'Reading the audit log',
  empty: 'The audit log is empty: nothing has been changed on this PBX yet.',
  /** Column titles in the console. */
  columns: { when: 'When', who: 'Who', action: 'Action', target: 'Target', outcome: 'Outcome' },
  outcome: { ok: 'ok', failed: 'failed' },
  /** Under the table: the entry under the cursor, whole. */
  detail: (when: string, who: string, action: string, target: string, outcome: string) => `${when}  ${who}  ${action} ${target}: ${outcome}`,
  noDetail: 'No detail recorded.',
  /** How the log is kept, under the table. */
  bounded: (kept: number) => `Newest first. Past ${kept} entries the oldest move to audit.1.jsonl.`,
  keys: {
    move: 'move',
    filter: 'filter',
    top: 'newest / oldest',
    reload: 'read the log again',
  },

  /** `pbxmod audit`. */
  command: {
    description: 'the audit log: who changed what on this PBX, and how it ended, newest first',
    since: 'only entries since a date (2026-12-01, 2026-12-01T09:30) or this long ago (30m, 2h, 3d, 1w)',
    action: 'only this action: its full name (module.enable), its noun (module) or its verb (enable)',
    header: ['WHEN', 'WHO', 'ACTION', 'TARGET', 'OUTCOME', 'DETAIL'] as readonly string[],
    empty: 'The audit log is empty: nothing has been changed on this PBX yet.',
    noMatch: (actions: string) => `No audit entry matches.${actions ? ` Actions in the log: ${actions}.` : ''}`,
  },
};
