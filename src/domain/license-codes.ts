import { PbxmodError, reason } from './errors.js';

/** Error codes of the licensing service (SPEC §2). */
export const LICENSE_CODES = [2008, 2009, 2011, 2022, 2026, 2037, 2040, 2041, 2051, 2057] as const;
export type LicenseCode = (typeof LICENSE_CODES)[number];

export function isLicenseCode(code: unknown): code is LicenseCode {
  return typeof code === 'number' && (LICENSE_CODES as readonly number[]).includes(code);
}

/** What each code means to an administrator, in English: what the service sends (the client shows the catalog's words). */
export const LICENSE_CODE_MESSAGES: Record<LicenseCode, string> = {
  2008: 'No required license, or it is bound to another host (no free seat for the feature).',
  2009: 'License key error.',
  2011: 'The module license has expired.',
  2022: 'This email already has a license key for another company.',
  2026: 'Error in license number: the key is unknown or malformed.',
  2037: 'Error in registration number: the coupon needs a valid license key.',
  2040: 'No such coupon.',
  2041: 'The coupon has already been activated.',
  2051: 'This host already received a trial key for another email or company.',
  2057: 'The coupon is blocked.',
};

/** Every license error ends by pointing to where bindings are managed (the English catalog's hint). */
export const MANAGE_BINDINGS_HINT =
  'Manage license bindings in the session monitor (console screen 4, or `pbxmod sessions list` / `pbxmod sessions drop HOST`).';

/**
 * A refusal by the licensing service: its code, and the service's own sentence (English, kept
 * for a module's disable reason and the service's HTTP answer). The words a person reads come
 * from the catalog entry `license_<code>`, in the language in use.
 */
export class LicenseError extends PbxmodError {
  declare readonly code: LicenseCode;
  /** The text the service sent, kept for a module's disable reason. */
  readonly serviceMessage: string;

  constructor(code: LicenseCode, serviceMessage?: string) {
    // Every license code has an entry of the same shape: license_2008 ... license_2057.
    super(code, reason(`license_${code}` as 'license_2008', serviceMessage === undefined ? {} : { serviceMessage }));
    this.serviceMessage = serviceMessage ?? LICENSE_CODE_MESSAGES[code];
  }
}
