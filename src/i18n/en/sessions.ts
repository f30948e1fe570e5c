/** Texts of the session monitor screen (see ../en.ts for the conventions). */
import { pluralForm } from '../plural.js';

const bindingsWord = (n: number) => pluralForm('en', n, { one: 'binding', other: 'bindings' });

export const sessions = {
  title: 'Session monitor',
  shortTitle: 'Sessions',

  loading: 'Reading the license bindings',
  refreshing: 'refreshing...',
  /** "last updated 14:03:07". */
  lastUpdated: (time: string) => `last updated ${time}`,

  /** Who the screen is logged in as. */
  login: {
    /** The header shows which key that is. */
    ownKey: "This PBX's key",
    otherKey: (maskedKey: string) => `Key ${maskedKey}`,
    coupon: (maskedCoupon: string) => `Coupon ${maskedCoupon}`,
  },
  /** "2 hosts, 3 bindings". */
  counts: (hosts: number, bindings: number) => `${hosts} ${pluralForm('en', hosts, { one: 'host', other: 'hosts' })}, ${bindings} ${bindingsWord(bindings)}`,

  columns: {
    info: 'Info',
    userHost: 'User@Host',
    captured: 'Captured',
    features: 'Features',
    action: 'Action',
  },
  /** The Features cell of a host row. */
  hostMac: (mac: string) => `MAC ${mac}`,
  /** "MikoPBX free license (33) per: pbx-01" - a feature line, as the vendor's cabinet writes it. */
  featureLine: (featureName: string, featureId: number, host: string) => `${featureName} (${featureId}) per: ${host}`,
  dropAction: 'Drop',
  dropHostAction: 'Drop all',

  empty: {
    title: 'No live bindings for this key.',
    lines: [
      'No PBX holds a seat of this license right now, so every seat is free to capture.',
      'A PBX captures feature 33 when it registers or saves the key, and a paid module\'s feature when ' +
        'the module is installed or enabled. A binding that its PBX has not refreshed for 10 minutes lapses by itself.',
    ],
  },

  info: {
    bindingTitle: (featureLine: string) => `Binding: ${featureLine}`,
    hostTitle: (host: string) => `Host ${host}`,
    /** Labels of the binding fields, in the vendor's words. */
    user: 'user',
    host: 'host',
    db: 'db',
    net: 'net',
    proc: 'proc',
    start: 'start',
    upd: 'upd',
    exp: 'exp',
    product: 'product',
    hostId: 'host id',
    bindings: 'bindings',
    productValue: (name: string, productId: number) => `${name} (product ${productId})`,
    justNow: 'less than a minute ago',
    minutesAgo: (minutes: number) => `${minutes} min ago`,
    inLessThanMinute: 'in less than a minute',
    inMinutes: (minutes: number) => `in ${minutes} min`,
    lapsed: 'lapsed',
    /** "2026-05-04 14:03:07 (3 min ago)". */
    withRelative: (time: string, relative: string) => `${time} (${relative})`,
    hostHint: 'd drops every binding of this host.',
    thisPbx: 'this PBX',
  },

  drop: {
    bindingTitle: (featureLine: string) => `Drop the binding ${featureLine}?`,
    hostTitle: (host: string, count: number) => `Drop ${count === 1 ? 'the binding' : `all ${count} bindings`} of host ${host}?`,
    /** One line per binding that goes. */
    /** "- MikoPBX free license (33), captured 2026-05-04 14:03". */
    item: (featureName: string, featureId: number, captured: string) => `- ${featureName} (${featureId}), captured ${captured}`,
    more: (count: number) => `- and ${count} more`,
    effect: 'The seats become free for any PBX to capture.',
    /** Mirrors dropWarnings() in src/domain/license-products.ts. */
    feature33: 'This drops feature 33 (MikoPBX free license): that PBX loses its marketplace license until it captures the seat again.',
    otherProducts: (products: string) => `This drops features of other products: ${products}. Their modules on that PBX will be disabled at the next license check.`,
    confirm: 'Drop',
    busy: 'Dropping',
    done: (released: number, host: string) => `Dropped ${released} ${bindingsWord(released)} of ${host}; the seats are free.`,
    failed: (reason: string) => `Nothing was dropped: ${reason}`,
    readonly: 'Read-only console: bindings are not dropped (start without --readonly to drop them).',
  },

  loginForm: {
    title: 'Log in to the session monitor',
    intro: 'With a license key, or a coupon activated on a key. Typing is hidden.',
    field: 'Key or coupon',
    placeholder: 'MIKO-XXXXX-... or MIKOUPD-XXXXX-...',
    hintOwnKey: 'Leave it empty to log in with this PBX\'s own key.',
    hintFormat: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX or MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX',
    required: 'Enter a license key or a coupon.',
    submit: 'Logging in',
    noKey:
      'This PBX has no license key yet. Register it, or save the key you have, on screen 1 (Marketplace & license): ' +
      'press Esc, then 1. Or log in here with any key, or with a coupon activated on a key.',
    done: (who: string) => `Logged in: ${who}.`,
  },

  /** Precise reasons a login fails; the codes are the licensing service's (SPEC section 2). */
  loginErrors: {
    2026: {
      message: 'The licensing service does not know this license key (error 2026).',
      hint: 'Check the key in your email from lic@miko.ru and type it again, or leave the field empty to use this PBX\'s key.',
    },
    2040: {
      message: 'There is no such coupon (error 2040).',
      hint: 'Check the coupon code and type it again; a coupon reads MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX.',
    },
    2037: {
      message: 'This coupon has not been activated on a license key yet (error 2037).',
      hint: 'Activate it first (screen 1, or `pbxmod license coupon CODE`), or log in with the license key.',
    },
    2057: {
      message: 'This coupon is blocked (error 2057).',
      hint: 'Log in with the license key instead, or ask the supplier of the coupon.',
    },
  },
  /** The hint when the PBX's own saved key was refused (2026). */
  ownKeyRefused: 'The key saved on this PBX may belong to another licensing service; l logs in with another key or a coupon.',

  noKey: {
    title: 'This PBX has no license key, so there are no bindings of its own to show.',
    lines: ['Register or save a key on screen 1 (Marketplace & license).', 'l logs in here with another key or with an activated coupon.'],
  },

  offline: {
    retry: (seconds: number) => `r tries again now; the screen also tries every ${seconds} s.`,
    stale: 'The bindings below are from the last successful update.',
  },

  keys: {
    move: 'move between hosts and bindings',
    info: 'info panel',
    infoShort: 'info',
    drop: 'drop',
    infoLong: 'show / hide the info panel of the row under the cursor',
    dropBinding: 'drop binding',
    dropHost: 'drop host',
    refresh: 'refresh',
    login: 'log in',
    filter: 'filter',
    close: 'close the info panel, clear the filter',
    submit: 'log in',
    cancel: 'back to the bindings',
    closeForm: 'close the form',
  },
};
