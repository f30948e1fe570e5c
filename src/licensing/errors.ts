import { PbxmodError } from '../domain/errors.js';

/** The licensing service could not be reached at all (DNS, refused, timeout, TLS). */
export class ConnectionError extends PbxmodError {
  readonly url: string;
  constructor(url: string, reason: string) {
    super('no_connection', `No connection to the licensing service at ${url} (${reason}).`, 'Check the network and the service URL (--api / PBXMOD_API_URL); the console\'s diagnostics view runs DNS, TCP, TLS and HTTP checks.');
    this.url = url;
  }
}

/** The service answered, but not with what the contract says. */
export class UnexpectedResponseError extends PbxmodError {
  constructor(url: string, detail: string) {
    super('unexpected_response', `Unexpected response from the licensing service at ${url}: ${detail}.`, 'Check that the URL points to a pbxmod licensing service and that both run the same version.');
  }
}

/** The service refused a request for a reason that is not a license code (bad input, not found, throttled). */
export class ServiceRequestError extends PbxmodError {
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(code, message, SERVICE_HINTS[code] ?? 'Correct the request and try again.');
    this.status = status;
  }
}

const SERVICE_HINTS: Record<string, string> = {
  too_many_attempts: 'Too many failed attempts from this address: wait a minute, check the key or coupon, and try again.',
  not_found: 'Check the name and try again.',
  unauthorized: "Give the service token: PBXMOD_SERVICE_TOKEN=... or --token-file FILE (the file operator-token in the service's data dir).",
  payload_too_large: 'The request was too large for the service.',
};

/**
 * Registration found a key for this email already: the service sent it to that email and did
 * not answer it (a stranger must not get someone else's key).
 */
export class KeySentError extends PbxmodError {
  readonly email: string;
  constructor(email: string, message: string) {
    super('key_sent', message, `Look for the key in the mail of ${email}, then save it with \`pbxmod license set-key\` (console: screen 1, "Enter a key").`);
    this.email = email;
  }
}
