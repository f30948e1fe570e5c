import { join } from 'node:path';
import { startLicensingService } from './service/server.js';

/** The embedded default: a licensing service on a free loopback port, its data inside the data dir. */
export async function startEmbeddedService(dataDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const service = await startLicensingService({ host: '127.0.0.1', port: 0, dataDir: join(dataDir, 'licensing'), logger: false });
  return { url: service.url, close: service.close };
}
