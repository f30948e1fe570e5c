import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { reason } from '../domain/errors.js';
import { explainSystemCause } from '../store/system-error.js';
import { DownloadError, ModuleError } from './errors.js';
import type { ArchiveOpener, ArchiveResponse } from '../licensing/archive-response.js';
import type { ProgressCallback } from './context.js';

export interface DownloadOptions {
  /** Stops the download (a signal to the program); the half-written file is left to the caller's roll back. */
  signal?: AbortSignal;
  /** Size the service announced for the archive. */
  size: number;
  /** md5 (hex) the service announced for the archive. */
  md5: string;
  onProgress?: ProgressCallback;
  /** Give up when no byte arrives for this long. Default 30 s. */
  idleTimeoutMs?: number;
  /** How the link is opened. Default: over the network (http/https); the embedded service opens it in-process. */
  open?: ArchiveOpener;
}

const MAX_REDIRECTS = 3;

/**
 * Stream `url` into `file` (created new), hashing as the bytes pass: memory stays flat
 * whatever the archive's size. Refuses a body longer than announced as soon as it grows past
 * it, and one that ends short, or whose md5 differs, once it ends.
 */
export async function downloadArchive(url: string, file: string, options: DownloadOptions): Promise<void> {
  const { size, onProgress } = options;
  const expectedMd5 = options.md5.trim().toLowerCase();
  options.signal?.throwIfAborted();
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const opened = await (options.open ?? ((link: string) => get(link, idleTimeoutMs, MAX_REDIRECTS)))(url);
  if (opened.statusCode !== 200) {
    opened.body.resume();
    throw new DownloadError(reason('download_http', { status: opened.statusCode, url }));
  }
  const response = opened.body;
  const announced = opened.headers['content-length'];
  if (announced !== undefined && Number(announced) !== size) {
    response.destroy();
    throw new DownloadError(reason('download_size_mismatch', { url, bytes: Number(announced), announced: size }));
  }

  const hash = createHash('md5');
  let received = 0;
  let reported = 0;
  onProgress?.({ stage: 'download', bytes: 0, total: size });
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > size) {
        done(new DownloadError(reason('download_too_long', { url, announced: size }), 'download_size_mismatch'));
        return;
      }
      hash.update(chunk);
      if (onProgress && (received - reported >= 128 * 1024 || received === size)) {
        reported = received;
        onProgress({ stage: 'download', bytes: received, total: size });
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(response, meter, createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 }), ...(options.signal ? [{ signal: options.signal }] : []));
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof DownloadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      // A full disk or a file system out of inodes: statfs tells which (system-errors.ts).
      throw new ModuleError(reason('download_not_saved', { received, size, cause: await explainSystemCause(error, file) }), 'disk_full');
    }
    if (received < size) throw cutOff(url, received, size, error);
    throw new DownloadError(reason('download_failed', { url, detail: (error as Error).message }));
  }
  if (received < size) throw cutOff(url, received, size);
  onProgress?.({ stage: 'verify' });
  const md5 = hash.digest('hex');
  if (md5 !== expectedMd5) {
    throw new DownloadError(reason('download_checksum', { md5, expected: expectedMd5 }));
  }
}

function cutOff(url: string, received: number, size: number, cause?: unknown): DownloadError {
  const why = cause instanceof IdleTimeout ? { idleSeconds: cause.seconds } : cause instanceof Error && cause.message ? { detail: cause.message } : {};
  return new DownloadError(reason('download_cut_off', { url, received, size, ...why }));
}

function get(url: string, idleTimeoutMs: number, redirectsLeft: number): Promise<ArchiveResponse> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new DownloadError(reason('download_bad_link', { url }), 'download_failed'));
      return;
    }
    const client = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new DownloadError(reason('download_link_protocol', { url }), 'download_failed'));
      return;
    }
    const request = client.get(parsed, { headers: { accept: 'application/zip, application/octet-stream' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location && redirectsLeft > 0) {
        response.resume();
        get(new URL(response.headers.location, parsed).toString(), idleTimeoutMs, redirectsLeft - 1).then(resolve, reject);
        return;
      }
      resolve({ statusCode: status, headers: response.headers, body: response });
    });
    // An idle socket (no byte for idleTimeoutMs) is a stalled download, not a slow one.
    request.setTimeout(idleTimeoutMs, () => request.destroy(new IdleTimeout(Math.round(idleTimeoutMs / 1000))));
    request.on('error', (error) => reject(new DownloadError(reason('download_unreachable', { url, detail: error.message }), 'download_failed')));
  });
}

/** A socket with no byte for this long: a stalled download, told as such in the cut-off message. */
class IdleTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`no data for ${seconds} s`);
  }
}
