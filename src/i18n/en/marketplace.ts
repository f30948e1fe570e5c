/** Texts of the marketplace screen (see ../en.ts for the conventions). */
import { pluralForm } from '../plural.js';

export const marketplace = {
  title: 'Marketplace & license',
  shortTitle: 'Marketplace',

  loading: 'Reading the license from the licensing service',

  unregistered: {
    title: 'This PBX is not registered in the module marketplace.',
    explain:
      'Registering issues a license key with a 30-day trial of MikoPBX; paid modules and the marketplace need it. ' +
      'Everything that needs no license works without it.',
    register: 'register this PBX (company, email, contact person)',
    haveKey: 'I already have a license key',
  },

  license: {
    key: 'License key',
    /** After the masked key: which keys reveal and copy it ("r", "c"). */
    revealHint: (reveal: string, copy: string) => `${reveal} reveals, ${copy} copies`,
    hideHint: (reveal: string, copy: string) => `${reveal} hides, ${copy} copies`,
    owner: 'Owner',
    contact: 'Contact',
    phone: 'Phone',
    taxId: 'Tax id',
    products: 'Products',
    noProducts: 'This key licenses no products yet.',
    stale: 'As the licensing service last answered:',
    /** "1 license for MikoPBX free license (33), 1 occupied" - the vendor's wording. */
    featureSeats: (count: number, name: string, featureId: number, occupied: number) =>
      `${count} ${pluralForm('en', count, { one: 'license', other: 'licenses' })} for ${name} (${featureId}), ${occupied} occupied`,
    /** "trial, expires 2026-12-22 (30 days left)". */
    productTerm: (trial: boolean, date: string, daysLeft: number) =>
      `${trial ? 'trial, ' : ''}expires ${date} (${daysLeft} ${pluralForm('en', daysLeft, { one: 'day', other: 'days' })} left)`,
    /** "EXPIRED on 2026-10-01". */
    productExpired: (trial: boolean, date: string) => `${trial ? 'trial ' : ''}EXPIRED on ${date}`,
    refused: 'The licensing service refused the saved key.',
    refusedHint: 'x resets the key so that you can register again or enter another; u tries again.',
    /** Under a store that cannot be read: no key to reset, so no x. */
    storeBrokenHint: 'Once the store file is fixed or moved aside, u reads it again.',
    scroll: (from: number, to: number, total: number) => `lines ${from}-${to} of ${total}; arrows scroll`,
  },

  offline: {
    banner: (url: string) => `No access to the licensing server ${url}`,
    hint: 'd runs the connection diagnostics (DNS, TCP, TLS, HTTP); u tries again.',
  },

  registerForm: {
    title: 'Register this PBX in the module marketplace',
    intro: 'The licensing service issues a license key and a 30-day trial; the key is saved on this PBX.',
    company: 'Company name',
    email: 'Contact email',
    contact: 'Contact person',
    phone: 'Phone',
    inn: 'Company identifier',
    companyHint: 'required',
    emailHint: 'required, e.g. admin@example.com',
    contactHint: 'required: who to talk to about the license',
    phoneHint: 'optional, e.g. +7 495 123-45-67',
    innHint: 'optional: tax id such as INN or VAT, 10-12 digits',
    submit: 'Registering',
    done: (maskedKey: string) => `Registered. License key ${maskedKey} saved on this PBX.`,
  },

  keyForm: {
    title: 'Enter the license key you already have',
    intro: 'It is checked with the licensing service before it is saved. Typing is hidden.',
    key: 'License key',
    hint: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX; spaces and lower case are fine',
    submit: 'Checking the key',
    done: (maskedKey: string) => `License key ${maskedKey} checked and saved.`,
  },

  couponForm: {
    title: 'Activate a coupon',
    intro: 'A coupon adds a product license to this PBX\'s key; each coupon activates once.',
    coupon: 'Coupon',
    hint: 'MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX; spaces and lower case are fine',
    submit: 'Activating the coupon',
    done: 'Coupon activated.',
  },

  reveal: {
    busy: 'Reading the key',
    /** Nothing comes back to say whether the terminal passed it on: say what was sent, and the condition. */
    /** One toast line at 80 columns. */
    copied: 'Key sent by OSC 52: on your clipboard only if the terminal allows OSC 52.',
  },

  reset: {
    title: (maskedKey: string | null) => (maskedKey ? `Reset the license key ${maskedKey}?` : 'Reset the license key?'),
    message: [
      'This cancels the marketplace registration of this PBX: the key is',
      'removed from it and the license bindings of this host are released.',
    ],
    warning: 'Paid modules cannot be installed or enabled until a key is saved.',
    confirm: 'Reset key',
    busy: 'Resetting the key',
    done: (released: number) => `License key removed; ${released} ${pluralForm('en', released, { one: 'binding', other: 'bindings' })} of this host released.`,
  },

  diagnostics: {
    title: (url: string) => `Connection diagnostics: ${url}`,
    intro: 'The checks the vendor asks admins to run by hand over SSH.',
    running: 'Checking the connection',
    steps: { dns: 'DNS lookup', tcp: 'TCP connect', tls: 'TLS handshake', http: 'HTTP ping' },
    ok: 'ok',
    failed: 'failed',
    pending: 'waiting',
    skipped: 'not run: an earlier check failed',
    ms: (ms: number) => `${ms} ms`,
    allOk: 'Every check passed: the licensing service answers.',
    someFailed: 'A check failed: the details above say where the connection breaks.',
    again: 'u runs the checks again, Esc goes back.',
    noUrl: 'No licensing URL is known yet.',
    /** What a passed check found (a failed one shows the system's own error). */
    found: {
      address: (p: { address: string }) => p.address,
      connected: (p: { address: string; port: number }) => `connected to ${p.address}:${p.port}`,
      tls: (p: { protocol: string }) => `${p.protocol}, certificate valid`,
      answered: (p: { service: string }) => `${p.service} answered`,
    },
  },

  readonly: 'Read-only console: nothing is changed (start without --readonly to change the license).',

  keys: {
    register: 'register this PBX',
    enterKey: 'enter a key you have',
    reveal: 'reveal / hide key',
    copy: 'copy key to clipboard',
    coupon: 'activate coupon',
    reset: 'reset key (cancels the registration)',
    diagnostics: 'connection diagnostics',
    reload: 'read the license again',
    scrollUp: 'scroll up',
    scrollDown: 'scroll down',
    scrollPage: 'page down (PgUp: page up)',
    formMove: 'next / previous field',
    formSubmit: 'next field; submits on the last',
    back: 'back',
    runAgain: 'run the checks again',
  },
};
