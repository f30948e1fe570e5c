import { hostname, networkInterfaces, userInfo } from 'node:os';
import { parseServiceUrl, resolveApiUrl, resolveDataDir } from './config.js';
import type { HostIdentity } from './licensing/api.js';
// Type only: the client (ofetch) loads on first use, not with the console's first frame.
import type { LicensingClient } from './licensing/client.js';
import { LazyPbxStore } from './store/lazy-pbx-store.js';
import type { PbxStore } from './store/pbx-store.js';

/** Options every command and the console share. */
export interface GlobalOptions {
  dataDir?: string;
  api?: string;
  json?: boolean;
  size?: string;
  ascii?: boolean;
  readonly?: boolean;
}

/**
 * What a command or the console works with: the PBX store, and the licensing service —
 * the configured one, or one started on loopback on first use (the embedded default).
 */
export class PbxContext {
  readonly dataDir: string;
  readonly store: PbxStore;
  private readonly apiFlag: string | undefined;
  private licensingClient: Promise<LicensingClient> | undefined;
  private stopEmbedded: (() => Promise<void>) | undefined;

  constructor(options: GlobalOptions) {
    this.dataDir = resolveDataDir(options.dataDir);
    this.store = new LazyPbxStore(this.dataDir);
    // A bad flag is refused at once, whether or not this command would reach the service.
    this.apiFlag = options.api === undefined ? undefined : parseServiceUrl(options.api);
  }

  /** The licensing client; starts the embedded service the first time it is needed. */
  licensing(): Promise<LicensingClient> {
    this.licensingClient ??= this.connect();
    return this.licensingClient;
  }

  /** The URL in use, or `null` while the embedded service has not started. */
  async licensingUrl(): Promise<string | null> {
    const { settings } = await this.store.read();
    return resolveApiUrl(this.apiFlag, settings.licensingUrl);
  }

  /** This PBX as the licensing service sees it (SPEC §3 binding fields). */
  async hostIdentity(): Promise<HostIdentity> {
    const { settings } = await this.store.read();
    return { hostId: settings.hostId, user: safeUser(), host: hostname(), db: this.store.file, net: firstMac(), proc: process.pid };
  }

  /** Stop the embedded service, also when it is still starting (a quit right after start-up). */
  async close(): Promise<void> {
    const pending = this.licensingClient;
    this.licensingClient = undefined;
    await pending?.catch(() => undefined);
    await this.stopEmbedded?.();
    this.stopEmbedded = undefined;
  }

  private async connect(): Promise<LicensingClient> {
    const url = await this.licensingUrl();
    const { LicensingClient } = await import('./licensing/client.js');
    if (url) return new LicensingClient({ baseUrl: url });
    const { startEmbeddedService } = await import('./licensing/embedded.js');
    const embedded = await startEmbeddedService(this.dataDir);
    this.stopEmbedded = embedded.close;
    return new LicensingClient({ baseUrl: embedded.url });
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** The first real network card's MAC, as the vendor's bindings show it. */
function firstMac(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const real = addresses?.find((a) => !a.internal && a.mac && a.mac !== '00:00:00:00:00:00');
    if (real) return real.mac;
  }
  return '00:00:00:00:00:00';
}
