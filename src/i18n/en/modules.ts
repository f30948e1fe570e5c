/** Texts of the modules screen (see ../en.ts for the conventions). */
import { pluralForm } from '../plural.js';

const modulesWord = (n: number) => pluralForm('en', n, { one: 'module', other: 'modules' });

export const modules = {
  title: 'Modules',
  shortTitle: 'Modules',

  /** The line above each list. */
  heading: {
    installed: (count: number) => `Installed modules (${count})`,
    installedLoading: 'Installed modules',
    marketplace: (count: number, pbxVersion: string) => `Marketplace: ${count} ${modulesWord(count)} for MikoPBX ${pbxVersion}`,
    marketplaceLoading: 'Marketplace',
  },

  columns: {
    enabled: 'On',
    name: 'Module',
    description: 'Description',
    developer: 'Developer',
    version: 'Version',
    state: 'State',
    marks: 'Marks',
    license: 'License',
    size: 'Size',
    installed: 'Installed',
  },

  state: {
    enabled: 'enabled',
    disabled: 'disabled',
    free: 'free',
    paid: 'paid',
    notInstalled: '-',
  },

  /** Why a module is disabled, in words (the marker says it in a symbol). */
  reason: {
    DisabledByUser: 'Disabled',
    DisabledByLicense: 'Disabled by license',
    DisabledByException: 'Disabled after an error in the module',
    DisabledByCrashLoop: 'Disabled: the module restarted in a loop',
    withText: (reason: string, text: string) => `${reason}: ${text}`,
    licenseHint: 'Space enables it again and captures a license seat; bindings are managed in the session monitor (screen 4).',
    errorHint: 'See the PBX logs for the cause; Space enables it again.',
  },

  /** Markers, for the legend in the help overlay. */
  legend: {
    title: 'Markers',
    license: 'disabled by license (crossed-out key)',
    exception: 'disabled after an error in the module (bug)',
    crashLoop: 'disabled: the module restarted in a loop',
    update: 'a newer release is in the marketplace',
  },

  empty: {
    installed: [
      'No module is installed.',
      'Press m to open the marketplace, or f to install a module from a zip file on this PBX.',
      'Paid modules need a license key: register the PBX on screen 1 (Marketplace & license).',
    ],
    marketplace: (pbxVersion: string) => `The marketplace offers no module for MikoPBX ${pbxVersion}.`,
  },

  loading: {
    installed: 'Reading the installed modules...',
    marketplace: 'Loading the marketplace...',
    details: 'Loading the module...',
  },

  /** When the marketplace cannot be asked, the installed list still works. */
  updatesUnknown: (why: string) => `Updates unknown: ${why}`,

  /** The line under a list: more about the module under the cursor. */
  cursor: {
    summary: (id: string, version: string, description: string) => `${id} ${version}: ${description}`,
    updateAvailable: (version: string) => `Release ${version} is available: u updates, r picks a release.`,
    notInstalled: 'Not installed: i installs the newest release, r picks another, Enter shows the details.',
    installedAlready: (version: string) => `Installed: ${version}.`,
  },

  stage: {
    license: 'Checking the license',
    link: 'Getting the download link',
    download: 'Downloading',
    verify: 'Verifying',
    extract: 'Unpacking',
    install: 'Installing',
    /** Before the first step reports (enable, disable, delete never do). */
    working: 'Working...',
  },

  /** What the progress line says is running. */
  operation: {
    install: (id: string, release: string | null) => `Installing ${id}${release ? ` ${release}` : ''}`,
    update: (id: string, release: string | null) => `Updating ${id}${release ? ` to ${release}` : ''}`,
    'update-all': () => 'Updating every module',
    'install-file': (_id: string, file: string | null) => `Installing ${file ?? 'from a file'}`,
    enable: (id: string) => `Enabling ${id}`,
    disable: (id: string) => `Disabling ${id}`,
    remove: (id: string) => `Deleting ${id}`,
    'license-check': () => 'Checking licenses',
  },

  done: {
    installed: (id: string, version: string) => `${id} ${version} installed (disabled).`,
    updated: (id: string, from: string, to: string) => `${id} went from ${from} to ${to}; its settings were kept.`,
    unchanged: (id: string, version: string) => `${id} ${version} is installed already; nothing to do.`,
    settingsRestored: 'Its settings from an earlier delete were restored.',
    licenseProblem: (reason: string) => `It stays disabled by license: ${reason}`,
    enabled: (id: string) => `${id} is enabled.`,
    disabled: (id: string) => `${id} is disabled.`,
    removed: (id: string, version: string) => `${id} ${version} was deleted.`,
    removedKept: (id: string, version: string) => `${id} ${version} was deleted; its settings were kept for a later install.`,
    updateAllNone: 'Every installed module is up to date.',
    updateAll: (updated: number, failed: number) => (failed > 0 ? `${updated} ${modulesWord(updated)} updated, ${failed} failed (see their rows).` : `${updated} ${modulesWord(updated)} updated.`),
    licensesNone: 'No enabled paid module: nothing to check.',
    licensesOk: (count: number) => `Licenses checked: ${count} paid ${modulesWord(count)}, all licensed.`,
    licensesDisabled: (ids: string) => `Disabled by license: ${ids}.`,
    licensesUnreachable: (why: string) => `Licenses were not checked, nothing was changed: ${why}`,
  },

  readonly: 'This console is read-only (--readonly): modules cannot be changed here.',

  confirmDelete: {
    title: (name: string, id: string) => `Delete ${name} (${id})?`,
    message: (version: string) => `Version ${version} is removed from this PBX.`,
    keepSettings: 'Keep module settings',
    keepSettingsNote: 'Kept settings come back when the module is installed again.',
    purgeSettingsNote: 'Its settings are deleted too; a reinstall starts fresh.',
    enabledWarning: 'The module is enabled: it stops working now.',
    paidWarning: 'Its license seat goes back to the license key.',
    confirmLabel: 'Delete',
  },

  releases: {
    titleInstall: (id: string) => `Install ${id}: pick a release`,
    titleUpdate: (id: string, installed: string) => `${id} ${installed} installed: pick a release to update or roll back to`,
    columns: { version: 'Version', date: 'Date', size: 'Size', needs: 'Needs MikoPBX', note: '' },
    newest: 'newest',
    installed: 'installed',
    hint: 'Enter installs the release under the cursor; Esc goes back.',
    none: 'The marketplace has no release of this module for this PBX.',
  },

  file: {
    title: 'Install a module from a zip file on this PBX',
    intro: 'Nothing changes until the archive and its module.json pass every check.',
    pathLabel: 'Zip file',
    placeholder: '/tmp/ModuleBackup.zip',
    hint: 'Full path of the module archive on this PBX',
    required: 'Enter the path of the module\'s .zip file.',
    submitLabel: 'Installing from the file',
  },

  details: {
    developer: (developer: string, email: string) => `Developer: ${developer} <${email}>`,
    free: 'License: free',
    paid: (product: number, feature: number) => `License: paid (product ${product}, feature ${feature})`,
    installed: (version: string, state: string) => `Installed: ${version}, ${state}`,
    notInstalled: 'Installed: no',
    updateAvailable: (version: string) => `Update available: ${version}`,
    lastError: 'The last operation failed:',
    notInCatalog: 'The marketplace has no release of it for this PBX version.',
    releases: 'Releases',
    release: (version: string, date: string, size: string, minPbx: string) => `${version}  ${date}  ${size}  needs MikoPBX ${minPbx}`,
    eula: 'End user license agreement',
    position: (from: number, to: number, total: number) => `lines ${from}-${to} of ${total}`,
  },

  /** Short: the footer shows several of them on one line. */
  keys: {
    move: 'move',
    details: 'details',
    toggle: 'enable/disable',
    marketplace: 'marketplace',
    installed: 'installed',
    install: 'install',
    releases: 'pick a release (update, roll back)',
    update: 'update to the newest release',
    updateInstalled: 'update an installed module',
    updateAll: 'update every module',
    delete: 'delete',
    installFile: 'install from a zip file',
    checkLicenses: 'check licenses now',
    filter: 'filter',
    back: 'back',
    scroll: 'scroll',
    installRelease: 'install this release',
    submitFile: 'install the file',
    cancel: 'cancel',
  },

  /** The periodic license check (SPEC §3), running while the console is open. */
  licenseChecks: {
    disabled: (ids: string) => `License check: ${ids} disabled by license.`,
    failed: (why: string) => `The periodic license check failed: ${why}`,
  },
};
