import { pluralForm } from '../plural.js';

const modules = (n: number) => `${n} ${pluralForm('en', n, { one: 'module', other: 'modules' })}`;

/** The four things a bulk run can do to modules. */
type BulkAction = 'enable' | 'disable' | 'update' | 'remove';

/**
 * Marks and bulk actions, safe mode, and the confirmations that say what an install, a roll
 * back or an update of every module will do — on screen 2 and on the command line.
 */
export const bulk = {
  /** Screen 2: marks, bulk runs, safe mode. */
  screen: {
    marked: (count: number) => `${count} marked`,
    safeMode: (count: number) => `safe mode: ${modules(count)} to restore (R)`,
    /** The mark column's title and cell. */
    markColumn: '',
    keys: {
      mark: 'mark',
      markAll: 'mark every shown row',
      clearMarks: 'clear the marks',
      enable: 'enable/disable (marked: enable)',
      disable: 'disable the marked (or this row)',
      update: 'update the marked (or this row) to the newest release',
      delete: 'delete the marked (or this row)',
      safeMode: 'safe mode: disable every enabled module',
      restore: 'restore the modules safe mode disabled',
    },
    confirm: {
      title: (action: BulkAction, count: number) =>
        ({ enable: `Enable ${modules(count)}?`, disable: `Disable ${modules(count)}?`, update: `Update ${modules(count)}?`, remove: `Delete ${modules(count)}?` })[action],
      label: (action: BulkAction) => ({ enable: 'Enable', disable: 'Disable', update: 'Update', remove: 'Delete' })[action],
      /** One line per module in the question. */
      line: (name: string, id: string, version: string) => `${name} (${id}) ${version}`,
      updateLine: (name: string, id: string, from: string, to: string) => `${name} (${id}) ${from} -> ${to}`,
      more: (count: number) => `...and ${count} more`,
      oneByOne: 'Each module in turn; a failure on one is shown on its row and the others go on.',
      paidEnable: 'A paid module takes a seat of its license on this PBX.',
      removeEnabled: 'Enabled modules among them stop working now.',
      nothingToUpdate: (ids: string) => `No newer release of: ${ids}.`,
    },
    /** The progress line of a bulk run: "Disabling ModuleX (2 of 3)". */
    progress: (index: number, total: number) => `(${index} of ${total})`,
    done: (action: BulkAction, ok: number, failed: number) => {
      const did = { enable: 'Enabled', disable: 'Disabled', update: 'Updated', remove: 'Deleted' }[action];
      return failed > 0 ? `${did} ${ok} of ${modules(ok + failed)}; ${failed} failed (see their rows).` : `${did} ${modules(ok)}.`;
    },
    safeModeConfirm: {
      title: (count: number) => `Safe mode: disable ${modules(count)}?`,
      message: 'These enabled modules are disabled and remembered; R enables exactly these again.',
      noService: 'The licensing service is not needed: disabling keeps the license seats.',
      label: 'Disable all',
      none: 'No module is enabled: nothing to disable.',
    },
    restoreConfirm: {
      title: (count: number) => `Restore ${modules(count)} safe mode disabled?`,
      message: 'Each is enabled again; a paid module takes its license seat again.',
      label: 'Enable them',
      none: 'Safe mode remembers no module: nothing to restore.',
    },
    safeModeDone: (count: number, failed: number) => (failed > 0 ? `Safe mode: ${modules(count)} disabled, ${failed} failed (see their rows).` : `Safe mode: ${modules(count)} disabled and remembered; R restores them.`),
    restoreDone: (count: number, failed: number) => (failed > 0 ? `Restored ${modules(count)}; ${failed} failed and stay remembered (see their rows).` : `Restored ${modules(count)}; safe mode is off.`),
  },

  /** The confirmations of install, roll back and update all, in the console and on the command line. */
  confirmInstall: {
    title: (name: string, id: string, version: string) => `Install ${name} (${id}) ${version}?`,
    free: 'A free module. It is installed disabled; enable it when ready.',
    paidTrial: (days: number) => `A paid module: a ${days}-day trial of its license starts on your key if it has none yet.`,
    eulaHeading: 'Its license agreement (EULA) applies:',
    eulaFull: 'The whole text: Enter on the module (details) or `pbxmod modules info ID`.',
    acceptLabel: 'Accept the EULA and install',
    label: 'Install',
    /** The command line's question, when it can ask. */
    question: (id: string, version: string) => `Install ${id} ${version}?`,
    acceptQuestion: 'Accept the license agreement above and install?',
  },
  confirmRollback: {
    title: (name: string, id: string, to: string) => `Roll ${name} (${id}) back to ${to}?`,
    message: (from: string, to: string) => `From ${from} to ${to}: the older release replaces the installed one; its settings are kept.`,
    enabled: 'The module is enabled: it is disabled during the change and enabled again after.',
    label: 'Roll back',
    question: (id: string) => `Roll ${id} back?`,
  },
  confirmUpdateAll: {
    title: (count: number) => `Update ${modules(count)}?`,
    label: 'Update all',
    line: (id: string, from: string, to: string) => `${id} ${from} -> ${to}`,
    question: (count: number) => `Update ${modules(count)}?`,
    result: (changed: string, failed: string) => [changed ? `Changed: ${changed}.` : 'Nothing changed.', failed ? `Failed: ${failed}.` : ''].filter(Boolean).join(' '),
  },

  /** `pbxmod modules enable|disable|update|remove ID...`, `disable --all`, `restore`. */
  cli: {
    enabled: (id: string) => `${id} is enabled.`,
    disabled: (id: string) => `${id} is disabled.`,
    updated: (id: string, from: string, to: string) => `${id} updated from ${from} to ${to}.`,
    unchanged: (id: string, version: string) => `${id} ${version} is the newest already; nothing to do.`,
    removed: (id: string, version: string) => `${id} ${version} was deleted.`,
    settingsKept: 'Its settings were kept and come back when it is installed again.',
    settingsPurged: 'Its settings were deleted.',
    failed: (id: string, why: string) => `${id} FAILED: ${why}`,
    summary: (ok: number, failed: number) => `${ok} done, ${failed} failed.`,
    removeQuestion: (ids: string, count: number, purge: boolean) =>
      count === 1
        ? purge
          ? `Delete ${ids} and its settings?`
          : `Delete ${ids}? Its settings are kept for a later install.`
        : purge
          ? `Delete ${ids} and their settings?`
          : `Delete ${ids}? Their settings are kept for a later install.`,
    safeModeNone: 'No module is enabled: nothing to disable.',
    safeModeDone: (ids: string) => `Safe mode: disabled ${ids}. \`pbxmod modules restore\` enables exactly these again.`,
    safeModeRemembered: (ids: string) => `Remembered for restore: ${ids}.`,
    restoreNone: 'Safe mode remembers no module: nothing to restore.',
    restoreDone: (ids: string) => `Restored: ${ids}.`,
    restoreGone: (ids: string) => `No longer installed, forgotten: ${ids}.`,
    updatesUnknown: (why: string) => `Updates not checked (the list is from this PBX): ${why}`,
    restoreLeft: (ids: string) => `Still remembered (their enable failed; run restore again): ${ids}.`,
  },
};
