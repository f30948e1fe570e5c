import { PbxmodError, describeError } from '../../../domain/errors.js';
import { LicenseError } from '../../../domain/license-codes.js';
import type { Messages } from '../../../i18n/index.js';

/** What happened and what to do, as two texts. */
export interface ErrorText {
  message: string;
  hint: string | undefined;
}

/**
 * A failed login or refresh for a person: the session monitor's own wording for the codes a
 * login meets (unknown key, unknown / never activated / blocked coupon), else the error's own
 * message and hint (no connection with its URL, a malformed key, throttling). `ownKey`: the
 * screen was reading with the PBX's own saved key.
 */
export function sessionErrorText(error: unknown, m: Messages['screens']['sessions'], { ownKey = false }: { ownKey?: boolean } = {}): ErrorText {
  if (error instanceof LicenseError) {
    // The PBX's own saved key: there is nothing to retype, only another login to try.
    if (ownKey && error.code === 2026) return { message: m.loginErrors[2026].message, hint: m.ownKeyRefused };
    const known = (m.loginErrors as Partial<Record<number, ErrorText>>)[error.code];
    if (known) return known;
  }
  if (error instanceof PbxmodError) return { message: error.message, hint: error.hint };
  return { message: describeError(error), hint: undefined };
}
