/**
 * Texts about this PBX's own seats (issue 11): the header, screen 1's seat lines and the
 * take-back key, the last license received while offline, this PBX's host on screen 4, and
 * `pbxmod license capture` / `sessions list` (see ../en.ts for the conventions).
 */
export const seats = {
  /** The header when the key is saved but this PBX holds no feature-33 seat. */
  headerNoSeat: (maskedKey: string) => `${maskedKey}, this PBX holds no seat`,

  /** Screen 1. */
  title: "This PBX's seats",
  /** "MikoPBX free license (33)"; the name comes from the license. */
  feature: (name: string, featureId: number) => `${name} (${featureId})`,
  featureUnnamed: (featureId: number) => `feature ${featureId}`,
  /** After a paid feature: the modules that need it. */
  forModules: (ids: string) => `for ${ids}`,
  held: 'held',
  notHeld: 'NOT held',
  dropped: 'NOT held: dropped in the session monitor',
  unknown: 'unknown: no connection to the service',
  /** Under the seat lines when one is not held: "t takes the seats back". */
  takeBackHint: (key: string) => `${key} takes back the seats this PBX does not hold.`,
  busy: 'Taking the seats back',
  captured: (features: string) => `Taken back: ${features}. This PBX holds its seats again.`,
  nothingToCapture: 'This PBX already holds every seat it should; nothing was taken.',
  /** One line per seat the service refused. */
  refused: (feature: string, code: number, message: string) => `Not taken back: ${feature}, error ${code}: ${message}`,
  refusedHint: 'Free a seat on screen 4 (Session monitor) by dropping another host\'s binding, or buy more seats, then press the key again.',
  readonly: 'Read-only console: no seat is taken (start without --readonly to take the seats back).',

  /** The last license received, shown offline. */
  lastReceived: (age: string, at: string) => `The license as last received, ${age} (${at}):`,
  neverReceived: 'No license information has been received from the service on this PBX yet.',
  /** "received 3 h ago". */
  age: {
    justNow: 'received just now',
    minutes: (n: number) => `received ${n} min ago`,
    hours: (n: number) => `received ${n} h ago`,
    days: (n: number) => `received ${n} ${n === 1 ? 'day' : 'days'} ago`,
  },

  keys: {
    capture: 'take back the seats this PBX does not hold',
    captureShort: 'take seats back',
  },

  /** Screen 4. */
  sessions: {
    /** After the host name of this PBX's host row. */
    thisPbx: 'this PBX',
    /** The host row's Features cell: the host id shortened, then the MAC (no label: at 80 columns both fit only so). */
    hostCell: (shortId: string, mac: string) => `id ${shortId}  ${mac}`,
    hostTitle: (host: string, count: number) => `Drop ${count === 1 ? 'the binding' : `all ${count} bindings`} of THIS PBX (${host})?`,
    bindingTitle: (featureLine: string) => `Drop this PBX's binding ${featureLine}?`,
    feature33: 'This drops feature 33 (MikoPBX free license) of THIS PBX: this PBX loses its marketplace license until it takes the seat back (screen 1, or `pbxmod license capture`).',
    otherProducts: (products: string) => `This drops features of other products held by THIS PBX: ${products}. Its own modules will be disabled at the next license check.`,
  },

  /** The command line. */
  cli: {
    captured: (feature: string) => `captured   ${feature}`,
    held: (feature: string) => `held       ${feature} (already)`,
    refused: (feature: string, code: number, message: string) => `NOT taken  ${feature}: error ${code}: ${message}`,
    summary: (captured: number, refused: number) =>
      refused > 0 ? `${captured} seat(s) taken back, ${refused} refused.` : captured > 0 ? `${captured} seat(s) taken back; this PBX holds its seats.` : 'This PBX already holds every seat it should.',
    thisPbx: '(this PBX)',
    refusedHint: 'Free a seat with `pbxmod sessions drop HOST` (or on console screen 4), or buy more seats, then run `pbxmod license capture` again.',
    description: 'take back every seat this PBX should hold: feature 33 and the enabled paid modules\' features (after a drop in the session monitor)',
  },
};
