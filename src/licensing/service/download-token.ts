import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ServiceSecret } from './secret.js';
import { ServiceError } from './service-error.js';

/** How long a download link works. */
export const DOWNLOAD_LINK_TTL_MS = 15 * 60 * 1000;

/** What a link grants: one release of one module until `expires`. */
export interface DownloadGrant {
  moduleId: string;
  version: string;
  /** Epoch milliseconds. */
  expires: number;
}

const payloadSchema = z.object({ m: z.string(), v: z.string(), e: z.number().int() });

export const DOWNLOAD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{43}$/;

function signature(secret: ServiceSecret, payload: string): Buffer {
  return secret.signDownload(payload);
}

/**
 * A token any instance sharing the service secret accepts: the grant in
 * base64url, a dot, its HMAC-SHA256.
 */
export function signDownloadToken(secret: ServiceSecret, grant: DownloadGrant): string {
  const payload = Buffer.from(JSON.stringify({ m: grant.moduleId, v: grant.version, e: grant.expires })).toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The grant of a genuine, unexpired token; 403 `link_invalid` or `link_expired` otherwise. */
export function verifyDownloadToken(secret: ServiceSecret, token: string, now: Date): DownloadGrant {
  const invalid = new ServiceError(403, 'link_invalid', 'This download link is not valid; ask for a new one.');
  if (!DOWNLOAD_TOKEN_PATTERN.test(token)) throw invalid;
  const [payload = '', sig = ''] = token.split('.');
  const given = Buffer.from(sig, 'base64url');
  const expected = signature(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw invalid;
  }
  if (parsed.e <= now.getTime()) throw new ServiceError(403, 'link_expired', 'This download link has expired; ask for a new one.');
  return { moduleId: parsed.m, version: parsed.v, expires: parsed.e };
}
