import { NotFoundError, PbxmodError, ValidationError } from '../../domain/errors.js';
import { en } from '../../i18n/en.js';
import { LicenseError, type LicenseCode } from '../../domain/license-codes.js';

/**
 * A refusal that is not a license code: bad input, nothing found, too many attempts.
 * `code` is the string the API's error body carries.
 */
export class ServiceError extends PbxmodError {
  readonly status: number;
  /** Seconds, sent as Retry-After. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, retryAfter?: number) {
    super(code, message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export function badRequest(message: string): ServiceError {
  return new ServiceError(400, 'bad_request', message);
}

export function notFound(message: string): ServiceError {
  return new ServiceError(404, 'not_found', message);
}

/** A license refusal with the service's own sentence (what exactly was refused). */
export function licenseRefusal(code: LicenseCode, message: string): LicenseError {
  return new LicenseError(code, message);
}

/** The HTTP status of each license code: unknown things 404, conflicts 409, the rest 403. */
export const LICENSE_CODE_STATUS: Record<LicenseCode, number> = {
  2008: 403,
  2009: 403,
  2011: 403,
  2022: 409,
  2026: 403,
  2037: 403,
  2040: 404,
  2041: 409,
  2051: 409,
  2057: 403,
};

/** Failed look-ups of a key or coupon: what the throttle counts (guessing keys). */
export const LOOKUP_FAILURE_CODES: ReadonlySet<number> = new Set([2026, 2037, 2040]);

export interface ErrorReply {
  status: number;
  body: { error: { code: string | number; message: string } };
  retryAfter?: number;
}

/** The one place errors become HTTP answers. Anything unknown is a 500 without internals. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof LicenseError) {
    return { status: LICENSE_CODE_STATUS[error.code], body: { error: { code: error.code, message: error.serviceMessage } } };
  }
  if (error instanceof ServiceError) {
    const reply: ErrorReply = { status: error.status, body: { error: { code: error.code, message: error.describe(en).message } } };
    if (error.retryAfter !== undefined) reply.retryAfter = error.retryAfter;
    return reply;
  }
  // The API answers in English, whatever language the process shows a person.
  if (error instanceof ValidationError) return { status: 400, body: { error: { code: 'bad_request', message: error.describe(en).message } } };
  if (error instanceof NotFoundError) return { status: 404, body: { error: { code: 'not_found', message: error.describe(en).message } } };
  if (error instanceof PbxmodError && typeof error.code === 'string' && error.code.startsWith('store_')) {
    return { status: 503, body: { error: { code: 'service_unavailable', message: 'The licensing service cannot use its store right now; try again in a moment.' } } };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, body: { error: { code: 'service_unavailable', message: 'The licensing service cannot reach its database right now; try again in a moment.' } }, retryAfter: 5 };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'The licensing service failed to answer this request.' } } };
}

/**
 * A database that is down, restarting, out of connections, or that broke a deadlock: worth a
 * retry, not a bug. PostgreSQL's SQLSTATE classes 08 (connection), 53 (resources),
 * 57P (shutdown), 40001/40P01 (serialization, deadlock); the socket's own errors.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^(08|53|57P)/.test(code) || code === '40001' || code === '40P01' || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
}
