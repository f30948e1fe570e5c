import type { ErrorText } from '../errors.js';

/** Every license error ends by pointing to where bindings are managed. */
const MANAGE_BINDINGS =
  'Manage license bindings in the session monitor (console screen 4, or `pbxmod sessions list` / `pbxmod sessions drop HOST`).';

/**
 * A license code: the catalog's meaning, then the service's own sentence when it says more
 * (what exactly was refused). `serviceMessage` is the service's text, in English.
 */
function licenseCode(code: number, meaning: string) {
  return (p: { serviceMessage?: string }): ErrorText => ({
    message: `License error ${code}: ${meaning}${p.serviceMessage && p.serviceMessage !== meaning ? ` ${p.serviceMessage}` : ''}`,
    hint: MANAGE_BINDINGS,
  });
}

/** Why the service could not be reached, as `connectionCause` in client.ts names it. */
const connectionCauses: Record<string, string> = {
  timeout: 'timed out',
  refused: 'connection refused',
  host_not_found: 'host name not found',
  reset: 'connection reset',
};

/** What the service answered instead of the contract's shape. */
function answerShape(p: { path: string; shape: string; sample?: string; status?: number }): string {
  switch (p.shape) {
    case 'empty': return `${p.path} answered with an empty body`;
    case 'text': return `${p.path} answered with text instead of JSON ("${p.sample ?? ''}")`;
    case 'no_error_body': return `HTTP ${p.status ?? '?'} without an error body`;
    default: return `${p.path} answered with JSON of another shape`;
  }
}

/** What to do when the service refuses for a reason that is not a license code, by its code. */
const serviceHints: Record<string, string> = {
  too_many_attempts: 'Too many failed attempts from this address: wait a minute, check the key or coupon, and try again.',
  not_found: 'Check the name and try again.',
  unauthorized: "Give the service token: PBXMOD_SERVICE_TOKEN=... or --token-file FILE (the file operator-token in the service's data dir).",
  payload_too_large: 'The request was too large for the service.',
};

/** Errors of the licensing client, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const licensing = {
  license_2008: licenseCode(2008, 'No required license, or it is bound to another host (no free seat for the feature).'),
  license_2009: licenseCode(2009, 'License key error.'),
  license_2011: licenseCode(2011, 'The module license has expired.'),
  license_2022: licenseCode(2022, 'This email already has a license key for another company.'),
  license_2026: licenseCode(2026, 'Error in license number: the key is unknown or malformed.'),
  license_2037: licenseCode(2037, 'Error in registration number: the coupon needs a valid license key.'),
  license_2040: licenseCode(2040, 'No such coupon.'),
  license_2041: licenseCode(2041, 'The coupon has already been activated.'),
  license_2051: licenseCode(2051, 'This host already received a trial key for another email or company.'),
  license_2057: licenseCode(2057, 'The coupon is blocked.'),

  no_connection: (p: { url: string; cause: string }) => ({
    message: `No connection to the licensing service at ${p.url} (${connectionCauses[p.cause] ?? p.cause}).`,
    hint: "Check the network and the service URL (--api / PBXMOD_API_URL); the console's diagnostics view runs DNS, TCP, TLS and HTTP checks.",
  }),
  unexpected_response: (p: { url: string; path: string; shape: string; sample?: string; status?: number }) => ({
    message: `Unexpected response from the licensing service at ${p.url}: ${answerShape(p)}.`,
    hint: 'Check that the URL points to a pbxmod licensing service and that both run the same version.',
  }),
  /** The service refused; its code is the error's code, its English sentence `serviceMessage`. */
  service_refused: (p: { code: string; status: number; serviceMessage: string }) => ({
    message: p.serviceMessage,
    hint: serviceHints[p.code] ?? 'Correct the request and try again.',
  }),
  key_sent: (p: { email: string; serviceMessage: string }) => ({
    message: p.serviceMessage,
    hint: `Look for the key in the mail of ${p.email}, then save it with \`pbxmod license set-key\` (console: screen 1, "Enter a key").`,
  }),
  no_license_key: (p: { what: 'sessions' | 'coupon' }) => ({
    message: `${p.what === 'sessions' ? 'The session monitor' : 'Coupon activation'} needs a license key, and this PBX has none.`,
    hint: 'Register with `pbxmod license register ...` or save your key with `pbxmod license set-key KEY` (console: screen 1).',
  }),
  already_registered: (p: { key: string }) => ({
    message: `This PBX is already registered (key ${p.key}).`,
    hint: 'To register anew, reset the key first: `pbxmod license reset`.',
  }),
  /** Warnings of a reset and of a saved key, shown as they are (no hint of their own). */
  bindings_not_released: (p: { detail: string }): ErrorText => ({ message: `This host's bindings were not released (${p.detail}); they lapse within 10 minutes.` }),
  seat_not_captured: (p: { featureId: number; problem: string; hint: string }): ErrorText => ({
    message: `The key was saved, but this PBX could not capture feature ${p.featureId}: ${p.problem} ${p.hint}`.trim(),
  }),
  no_key_to_reset: () => ({ message: 'This PBX has no license key to reset.', hint: 'Nothing to do.' }),

  // The key and the coupon as typed (domain/license-key.ts).
  key_is_coupon: () => ({ message: 'This is a coupon, not a license key.', hint: 'Activate it with `pbxmod license coupon CODE` after saving your key.' }),
  coupon_is_key: () => ({ message: 'This is a license key, not a coupon.', hint: 'Save it with `pbxmod license set-key KEY`.' }),
  key_malformed: (p: KeyProblem) => ({
    message: `Invalid license key. ${explainCode('key', p)}`,
    hint: 'Check the key in your email from lic@miko.ru and type it again.',
  }),
  coupon_malformed: (p: KeyProblem) => ({
    message: `Invalid coupon. ${explainCode('coupon', p)}`,
    hint: 'Check the coupon and type it again.',
  }),

  // The session monitor (licensing/session-monitor.ts).
  login_key_and_coupon: () => ({ message: 'Log in with a key or a coupon, not both.', hint: 'Give only --key or only --coupon.' }),
  binding_not_found: (p: { bindingId: string }) => ({
    message: `No live binding with id ${p.bindingId}.`,
    hint: 'List the bindings with `pbxmod sessions list`; it may have lapsed already.',
  }),
  drop_host_missing: () => ({ message: 'Name the host whose bindings to drop.', hint: 'Give the host name or host id shown by `pbxmod sessions list`.' }),
  drop_host_unknown: (p: { host: string; known: string[] }) => ({
    message: `No host "${p.host}" holds a binding of this key (hosts now: ${p.known.join(', ') || 'none'}).`,
    hint: 'Check the name with `pbxmod sessions list`; a binding not refreshed for 10 minutes lapses by itself.',
  }),
  drop_host_ambiguous: (p: { host: string; hostIds: string[] }) => ({
    message: `${p.hostIds.length} hosts are named "${p.host}".`,
    hint: `Give the host id instead: ${p.hostIds.join(', ')}.`,
  }),

  // The operator's token (licensing/operator-access.ts).
  token_file_unreadable: (p: { file: string; detail: string; embedded: boolean }) => ({
    message: `Cannot read ${p.embedded ? "the embedded service's token file" : 'the token file'} ${p.file}: ${p.detail}.`,
    hint: 'Check the path; the service writes its token to operator-token in its data dir at first start.',
  }),
  token_file_empty: (p: { file: string; embedded: boolean }) => ({
    message: `${p.embedded ? "the embedded service's token file" : 'the token file'} ${p.file} is empty.`,
    hint: 'Put the service token in it.',
  }),
  token_needed: (p: { url: string }) => ({
    message: `The licensing service at ${p.url} needs its service token for operator commands.`,
    hint: "Set PBXMOD_SERVICE_TOKEN, or give --token-file FILE (the file operator-token in the service's data dir).",
  }),

  // The marketplace registration form (domain/registration.ts): one id per field rule.
  registration_required: (p: { field: RegistrationFieldName }) => ({ message: `${fieldLabels[p.field]} is required.`, hint: 'Correct the field and submit again.' }),
  registration_too_long: (p: { field: RegistrationFieldName; max: number }) => ({ message: `${fieldLabels[p.field]} is at most ${p.max} characters.`, hint: 'Correct the field and submit again.' }),
  registration_email_invalid: () => ({ message: 'Contact email is not an email address (expected name@example.com).', hint: 'Correct the field and submit again.' }),
  registration_phone_invalid: () => ({ message: 'Phone may hold digits, spaces, "+", "-" and brackets only (e.g. +7 495 123-45-67).', hint: 'Correct the field and submit again.' }),
  registration_inn_invalid: () => ({ message: 'Company identifier must be 10 to 12 digits (tax id such as INN or VAT number).', hint: 'Correct the field and submit again.' }),
} satisfies Record<string, (p: never) => ErrorText>;

export type RegistrationFieldName = 'company' | 'email' | 'contact' | 'phone' | 'inn';

const fieldLabels: Record<RegistrationFieldName, string> = {
  company: 'Company name',
  email: 'Contact email',
  contact: 'Contact person',
  phone: 'Phone',
  inn: 'Company identifier',
};

/**
 * What is wrong with a typed key or coupon (domain/license-key.ts `explain`): `problem` names
 * the first thing wrong, with the values that say where.
 */
export type KeyProblem =
  | { problem: 'empty' }
  | { problem: 'prefix'; prefix: string; start: string }
  | { problem: 'groups'; prefix: string; groups: number }
  | { problem: 'group_length'; prefix: string; group: number; length: number }
  | { problem: 'character'; prefix: string; char: string }
  | { problem: 'other'; prefix: string };

function explainCode(kind: 'key' | 'coupon', p: KeyProblem): string {
  const noun = kind === 'key' ? 'license key' : 'coupon';
  if (p.problem === 'empty') return `The ${noun} is empty.`;
  const example = `${p.prefix}-XXXXX-XXXXX-XXXXX-XXXXX`;
  switch (p.problem) {
    case 'prefix': return `A ${noun} starts with "${p.prefix}-"; got "${p.start}".`;
    case 'groups': return `A ${noun} has 4 groups after "${p.prefix}-"; got ${p.groups}. Expected ${example}.`;
    case 'group_length': return `Group ${p.group} has ${p.length} characters; each group has 5. Expected ${example}.`;
    case 'character': return `"${p.char}" is not allowed; use only the letters A-Z and digits 0-9. Expected ${example}.`;
    default: return `Expected ${example}.`;
  }
}
