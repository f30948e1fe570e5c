import type { FastifyRequest } from 'fastify';
import type { CatalogEntry } from './catalog/catalog.js';
import { ensureDemoArchives } from './catalog/archives.js';
import type { ServiceStore } from './service-store.js';
import type { LookupThrottle } from './throttle.js';

/** What every route works with. One per app; several apps may share a data dir. */
export class ServiceContext {
  constructor(
    readonly store: ServiceStore,
    /** The clock; tests move it to make bindings lapse. */
    readonly now: () => Date,
    readonly throttle: LookupThrottle,
    /** Signs download links; read once from the store, where it never changes. */
    readonly secret: string,
    readonly archivesDir: string,
    private entries: CatalogEntry[],
  ) {}

  catalog(): readonly CatalogEntry[] {
    return this.entries;
  }

  /** Rebuild archives that went missing since start. */
  async repairCatalog(): Promise<readonly CatalogEntry[]> {
    this.entries = await ensureDemoArchives(this.archivesDir);
    return this.entries;
  }

  /** onRequest hook of the routes that look up a key or coupon: wait or 429 for a guessing address. */
  readonly admit = async (request: FastifyRequest): Promise<void> => {
    await this.throttle.admit(request.ip);
  };
}
