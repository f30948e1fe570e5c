import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces, userInfo } from 'node:os';
import { parseServiceUrl, readOnlyRequested, resolveApiUrl, resolveDataDir } from './config.js';
import type { HostIdentity } from './licensing/api.js';
// Type only: the client (ofetch) loads on first use, not with the console's first frame.
import type { LicensingClient } from './licensing/client.js';
import { PbxmodError, reason } from './domain/errors.js';
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
  /** `--wide`: text tables are not cut to the terminal width. */
  wide?: boolean;
  /** `--lang ru|en`: before the store's setting and the locale. */
  lang?: string;
}

/**
 * What a command or the console works with: the PBX store, and the licensing service —
 * the configured one, or one started on loopback on first use (the embedded default).
 */
export class PbxContext {
  readonly dataDir: string;
  readonly store: PbxStore;
  /** `--readonly` or PBXMOD_READONLY: the store is neither created nor written. */
  readonly readOnly: boolean;
  private readonly apiFlag: string | undefined;
  private licensingClient: Promise<LicensingClient> | undefined;
  /** Every embedded service started, stopped by `close`. */
  private readonly started = new Set<() => Promise<void>>();
  /** Once closing, nothing starts a service again (a late screen effect after the console quit). */
  private closed = false;

  /**
   * How the embedded service (no `--api`) is reached: `loopback` starts it on a free port (the
   * console: long-lived, and its diagnostics check a real connection); `in-process` hands
   * requests to it without a socket (a command: one or two requests, no server to start).
   */
  private readonly embedded: 'loopback' | 'in-process';

  constructor(options: GlobalOptions, embedded: 'loopback' | 'in-process' = 'loopback') {
    this.embedded = embedded;
    this.dataDir = resolveDataDir(options.dataDir);
    this.readOnly = readOnlyRequested(options.readonly);
    this.store = new LazyPbxStore(this.dataDir, this.readOnly);
    // A bad flag is refused at once, whether or not this command would reach the service.
    this.apiFlag = options.api === undefined ? undefined : parseServiceUrl(options.api);
  }

  /** The licensing client; starts the embedded service the first time it is needed. */
  licensing(): Promise<LicensingClient> {
    if (this.closed) return Promise.reject(new PbxmodError('context_closed', reason('context_closed')));
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

  /**
   * Stop the embedded service, also when it is still starting (a quit right after start-up).
   * A request for the service after this is refused, so no late caller starts one nobody stops.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.licensingClient?.catch(() => undefined);
    this.licensingClient = undefined;
    const stops = [...this.started];
    this.started.clear();
    await Promise.all(stops.map((stop) => stop()));
  }

  private async connect(): Promise<LicensingClient> {
    const url = await this.licensingUrl();
    const { LicensingClient } = await import('./licensing/client.js');
    if (url) return new LicensingClient({ baseUrl: url });
    if (this.embedded === 'in-process') {
      const { openInProcessService } = await import('./licensing/embedded.js');
      const service = await openInProcessService(this.dataDir);
      this.started.add(service.close);
      return new LicensingClient({ baseUrl: service.url, fetch: service.fetch, openArchive: service.openArchive });
    }
    const { startEmbeddedService } = await import('./licensing/embedded.js');
    const embedded = await startEmbeddedService(this.dataDir);
    this.started.add(embedded.close);
    return new LicensingClient({ baseUrl: embedded.url });
  }
}

function safeUser(): string {
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry for this uid
  }
  // Bun answers "unknown" when USER is not set (cron, env -i); Node reads the passwd entry.
  if (name && name !== 'unknown') return name;
  return process.env.USER || process.env.LOGNAME || passwdName(process.getuid?.()) || 'unknown';
}

function passwdName(uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined;
  try {
    return readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[2] === String(uid))?.[0];
  } catch {
    return undefined;
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
