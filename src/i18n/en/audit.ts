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
  /** An action in words with its code, as `--action` takes it: "enable module (module.enable)". */
  actionWithCode: (words: string, code: string) => (words === code ? code : `${words} (${code})`),
  /**
   * Actions in words, by the code an entry keeps (module.enable). An action not here is shown
   * by its code.
   */
  actions: {
    'module.install': 'install module',
    'module.install-file': 'install from file',
    'module.update': 'update module',
    'module.update-all': 'update all modules',
    'module.enable': 'enable module',
    'module.disable': 'disable module',
    'module.remove': 'delete module',
    'module.remove-purge': 'delete with settings',
    'module.license-check': 'check module licenses',
    'modules.safe-mode': 'safe mode',
    'modules.restore': 'restore modules',
    'dialplan.create': 'add application',
    'dialplan.update': 'change application',
    'dialplan.copy': 'copy application',
    'dialplan.delete': 'delete application',
    'dialplan.export': 'export dialplan',
    'license.register': 'register PBX',
    'license.set-key': 'enter key',
    'license.reveal': 'show key',
    'license.coupon': 'activate coupon',
    'license.reset': 'reset key',
    'license.capture': 'capture license seat',
    'sessions.drop': 'drop binding',
    'config.language': 'console language',
    'config.set': 'change setting',
  } as Readonly<Record<string, string>>,
  /**
   * What an entry's detail says, by id and values (stored with the entry, worded when shown in
   * the language in use then). Entries written by older versions keep their plain English detail.
   */
  details: {
    installed: (p: { id: string; version: string }) => `${p.id} ${p.version}`,
    alreadyInstalled: (p: { id: string; version: string }) => `${p.id} ${p.version} already installed`,
    updated: (p: { id: string; from: string; to: string }) => `${p.id} ${p.from} -> ${p.to}`,
    updatedAll: (p: { updated: number; failed: number }) => `${p.updated} updated, ${p.failed} failed`,
    /** Lists of ids (`modules`, `fields`) are given joined by ", ". */
    disabledByLicense: (p: { modules: string }) => `disabled by license: ${p.modules}`,
    licensed: (p: { count: number }) => `${p.count} paid ${p.count === 1 ? 'module' : 'modules'} licensed`,
    safeMode: (p: { modules: string }) => `disabled: ${p.modules || 'none'}`,
    restored: (p: { modules: string }) => `enabled: ${p.modules || 'none'}`,
    application: (p: { extension: string; name: string; type: string }) => `${p.extension} ${p.name} (${p.type})`,
    applicationCopy: (p: { source: string; extension: string; name: string; type: string }) => `copy of ${p.source}: ${p.extension} ${p.name} (${p.type})`,
    applicationChanged: (p: { fields: string }) => `changed ${p.fields}`,
    applicationUnchanged: () => 'no change',
    language: (p: { language: string | null }) => (p.language === null ? 'chosen by the locale' : p.language),
  },
  /** How the log is kept, under the table. */
  bounded: (kept: number) => `Newest first; beyond ${kept}, the oldest go to audit.1.jsonl.`,
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
