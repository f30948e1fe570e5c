import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ArchiveResponse } from './archive-response.js';

/**
 * The embedded service without a socket. A command on the embedded default (no `--api`) does
 * one or two requests: starting an HTTP server, connecting to it and closing it again cost
 * more than the work. These hand each request to the service's own router (Fastify's
 * `inject`): the same routes, validation, throttles and error bodies as over the network —
 * the HTTP API stays the one boundary, only the socket is gone.
 */

/** Base URL the in-process client is given; never resolved or connected to. */
export const IN_PROCESS_BASE_URL = 'http://embedded.pbxmod.invalid';

/** A `fetch` that dispatches into `app`. */
export function inProcessFetch(app: FastifyInstance): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = await app.inject({
      method: (init.method ?? 'GET').toUpperCase() as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(init.body === undefined || init.body === null ? {} : { payload: init.body as string }),
      remoteAddress: '127.0.0.1',
    });
    const status = response.statusCode;
    const body = status === 204 || status === 304 || init.method === 'HEAD' ? null : response.rawPayload;
    return new Response(body, { status, headers: headerPairs(response.headers) });
  };
}

/** Open an archive (a download link's href) as a stream, without a socket. */
export function inProcessArchive(app: FastifyInstance): (url: string) => Promise<ArchiveResponse> {
  return async (url) => {
    const parsed = new URL(url);
    const response = await app.inject({
      method: 'GET',
      url: parsed.pathname + parsed.search,
      headers: { accept: 'application/zip, application/octet-stream' },
      remoteAddress: '127.0.0.1',
      payloadAsStream: true,
    });
    return { statusCode: response.statusCode, headers: response.headers, body: response.stream() as Readable };
  };
}

function headerPairs(headers: Record<string, string | string[] | number | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, String(one)]);
  }
  return pairs;
}
