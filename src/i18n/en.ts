import { audit } from './en/audit.js';
import { commandHelp } from './en/command-help.js';
import { cli } from './en/cli.js';
import { dialplan } from './en/dialplan.js';
import { dialplanChecks } from './en/dialplan-checks.js';
import { readOnly } from './en/read-only.js';
import { errors } from './en/errors.js';
import { language } from './en/language.js';
import { lists } from './en/lists.js';
import { marketplace } from './en/marketplace.js';
import { modules } from './en/modules.js';
import { sessions } from './en/sessions.js';
import { seats } from './en/seats.js';
import { bulk } from './en/bulk.js';

/**
 * Every text a person reads in the console, in English.
 *
 * Shape: one object per part of the console (frame, each screen, each shared component).
 * A screen adds its own section (`marketplace`, `modules`, ...) and reads it with
 * `useMessages().modules`. Keys are stable — the Russian catalog will mirror this shape;
 * strings with values in them are functions.
 *
 * Punctuation stays plain ASCII ("...", "-", "x") so the `--ascii` mode has nothing
 * to replace; symbols (check marks, arrows, borders) come from the theme instead.
 */
export const en = {
  /** Before the console starts and after it stops: printed on stderr. */
  console: {
    needsTerminal:
      'the console needs a terminal: standard input and output must both be one.\n' +
      'For scripts, pipes and cron use the command line instead, for example `pbxmod license show`.\n' +
      'Run `pbxmod --help` for every command.',
    crashed: 'The console stopped because of an unexpected error. The terminal has been restored.',
    crashedHint: 'Please report this error with the text above.',
    stoppedBySignal: (signal: string) => `The console was stopped (${signal}).`,
  },

  /** The frame: header, screen tabs, footer, help, too-small screen. */
  app: {
    name: 'pbxmod',
    pbxVersion: (version: string) => `PBX ${version}`,
    host: (name: string) => `host ${name}`,
    readonly: 'read-only',
    loading: 'Loading...',
    license: {
      label: 'License:',
      loading: 'checking...',
      unregistered: 'unregistered',
      registered: (maskedKey: string) => `registered ${maskedKey}`,
      offline: 'no connection to the licensing service',
      storeError: 'unknown (store unreadable)',
    },
    tooSmall: (need: string, have: string) => `Terminal too small (need ${need}, have ${have}).`,
    tooSmallHint: 'Make the window larger, or press q to quit.',
    tooSmallUnsaved: (what: string) => `Unsaved: ${what}. It is kept: make the window larger to save it.`,
    tooSmallQuitArmed: 'Press q or Ctrl-C again to quit and lose it.',
    quitUnsavedTitle: 'Quit with unsaved changes?',
    quitUnsavedMessage: (what: string) => `Not saved yet: ${what}. Quitting loses it.`,
    quitAnyway: 'Quit and lose them',
    keepWorking: 'Keep working',
    unsavedForm: 'the form you are filling in',
    storeErrorTitle: 'The PBX store cannot be read.',
  },

  /** Names of the global commands as the help overlay and the footer show them. */
  keys: {
    help: 'help',
    helpLong: 'show every key of this screen',
    quit: 'quit',
    quitLong: 'quit the console (asks first when something is unsaved)',
    reload: 'read the lists again',
    redraw: 'redraw the whole screen',
    switchScreen: 'switch screen',
    nextScreen: 'next / previous screen',
    back: 'back, close, cancel',
    move: 'move',
    page: 'page up / down',
    homeEnd: 'first / last',
    open: 'open',
    filter: 'filter',
    toggle: 'toggle',
  },

  help: {
    title: (screen: string) => `Keys: ${screen}`,
    screenSection: 'This screen',
    globalSection: 'Everywhere',
    close: 'Esc, ? or q closes this help.',
    more: (shown: number, total: number) => `${shown} of ${total} lines; arrows scroll`,
  },

  /** Shared widgets. */
  /** Sorting and filtering the lists (en/lists.ts). */
  lists,
  table: {
    empty: 'Nothing to show.',
    position: (from: number, to: number, total: number) => `${from}-${to} of ${total}`,
  },
  filter: {
    prompt: '/',
    matches: (shown: number, total: number) => `${shown} of ${total}`,
    noMatches: (query: string) => `Nothing matches "${query}". Esc clears the filter.`,
    hintTyping: 'Enter keeps the filter, Esc clears it',
  },
  confirm: {
    yes: 'Yes',
    no: 'No',
    keysDefaultNo: '[y/N]',
    keysDefaultYes: '[Y/n]',
    optionHint: 'Space toggles',
    hint: 'y confirms, n or Esc cancels, Enter picks the highlighted answer',
  },
  form: {
    submitHint: 'Enter on the last field submits, Tab/arrows move, Esc cancels',
    busy: (what: string) => `Working... (${what})`,
    fixErrors: 'Correct the fields marked above, then submit again.',
    revealHint: 'Ctrl-T shows what you type',
    hideHint: 'Ctrl-T hides it again',
    required: 'Required.',
  },
  busy: {
    working: (what: string) => `Working... (${what})`,
    elapsed: (seconds: number) => `${seconds}s`,
  },
  progress: {
    of: (done: string, total: string) => `${done} of ${total}`,
  },
  units: {
    bytes: (n: number) => `${n} B`,
    kilobytes: (n: string) => `${n} KiB`,
    megabytes: (n: string) => `${n} MiB`,
    gigabytes: (n: string) => `${n} GiB`,
  },

  /** The key that chooses the console's language. */
  language,

  /** Screens. Each screen owns its section; the engineer of a screen adds keys here. */
  screens: { marketplace, modules, dialplan, sessions, audit },

  /** The command line's own help (`pbxmod help`). */
  commandHelp,

  /** The console's read-only mode. */
  readOnly,

  /** This PBX's own seats: header, screen 1, screen 4, the command line (en/seats.ts). */
  seats,

  /** Marks and bulk actions, safe mode, install / roll back / update-all confirmations. */
  bulk,

  /** What the dialplan checker says about a line of an application (en/dialplan-checks.ts). */
  dialplanChecks,

  /** Every error, by id (see en/errors.ts). */
  errors,

  /** The command line: --help, results, prompts (see en/cli.ts). */
  cli,
};

/** The shape every catalog has; a translation must provide all of it. */
export type Messages = typeof en;
