import { join } from 'node:path';
import { IN_PROCESS_BASE_URL, inProcessArchive, inProcessFetch } from './in-process.js';
import type { ArchiveOpener } from './archive-response.js';
import { buildLicensingApp, startLicensingService } from './service/server.js';

/** Where the embedded service keeps its data: inside the PBX's data dir. */
export function embeddedServiceDir(dataDir: string): string {
  return join(dataDir, 'licensing');
}

/** The embedded default for the console: a licensing service on a free loopback port. */
export async function startEmbeddedService(dataDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const service = await startLicensingService({ host: '127.0.0.1', port: 0, dataDir: embeddedServiceDir(dataDir), logger: false });
  return { url: service.url, close: service.close };
}

export interface InProcessService {
  url: string;
  fetch: typeof fetch;
  openArchive: ArchiveOpener;
  close: () => Promise<void>;
}

/** The embedded default for a command: the same service, reached without a socket. */
export async function openInProcessService(dataDir: string): Promise<InProcessService> {
  const { app } = await buildLicensingApp({ dataDir: embeddedServiceDir(dataDir), logger: false });
  await app.ready();
  return { url: IN_PROCESS_BASE_URL, fetch: inProcessFetch(app), openArchive: inProcessArchive(app), close: () => app.close() };
}
