import type { Readable } from 'node:stream';

/** An archive being fetched: the HTTP status and headers, and the body as a stream. */
export interface ArchiveResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Readable;
}

/** Opens a download link; over the network (http/https) or into the embedded service. */
export type ArchiveOpener = (url: string) => Promise<ArchiveResponse>;
