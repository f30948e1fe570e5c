import { PbxmodError, reason } from '../domain/errors.js';

/** Why a connection failed, as the catalog's `no_connection` names it; anything else is the system's own code or text. */
export type ConnectionCause = 'timeout' | 'refused' | 'host_not_found' | 'reset' | (string & {});

/** The licensing service could not be reached at all (DNS, refused, timeout, TLS). */
export class ConnectionError extends PbxmodError {
  readonly url: string;
  constructor(url: string, cause: ConnectionCause) {
    super('no_connection', reason('no_connection', { url, cause }));
    this.url = url;
  }
}

/** What the service answered instead of the contract's shape. */
export interface AnswerShape {
  path: string;
  shape: 'empty' | 'text' | 'other' | 'no_error_body';
  sample?: string;
  status?: number;
}

/** The service answered, but not with what the contract says. */
export class UnexpectedResponseError extends PbxmodError {
  constructor(url: string, answer: AnswerShape) {
    super('unexpected_response', reason('unexpected_response', { url, ...answer }));
  }
}

/**
 * The service refused a request for a reason that is not a license code (bad input, not found,
 * throttled). The code is the service's; the words come from the catalog by that code.
 */
export class ServiceRequestError extends PbxmodError {
  readonly status: number;
  /** The service's own sentence (English). */
  readonly serviceMessage: string;
  constructor(code: string, status: number, serviceMessage: string) {
    super(code, reason('service_refused', { code, status, serviceMessage }));
    this.status = status;
    this.serviceMessage = serviceMessage;
  }
}

/**
 * Registration found a key for this email already: the service sent it to that email and did
 * not answer it (a stranger must not get someone else's key).
 */
export class KeySentError extends PbxmodError {
  readonly email: string;
  constructor(email: string, serviceMessage: string) {
    super('key_sent', reason('key_sent', { email, serviceMessage }));
    this.email = email;
  }
}
