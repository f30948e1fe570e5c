import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CatalogEntry } from './catalog/catalog.js';
import { ensureDemoArchives } from './catalog/archives.js';
import type { ServiceSecret } from './secret.js';
import { ServiceError } from './service-error.js';
import type { LicensingStorage } from './storage/storage.js';
import type { LookupThrottle, ThrottleTicket } from './throttle.js';

/** Digests of equal length, so that tokens of any length compare in constant time. */
function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The throttles of one service instance. */
export interface ServiceThrottles {
  /** Key, coupon and operator-token look-ups. */
  lookups: LookupThrottle;
  /** Registration attempts. */
  registrations: LookupThrottle;
  /** New trial keys. */
  trials: LookupThrottle;
}

interface Admission {
  ticket: ThrottleTicket;
  /** Every attempt counts (registration), not only failed look-ups. */
  countAll: boolean;
  failed: boolean;
}

/** What every route works with. One per app; several apps may share the storage. */
export class ServiceContext {
  private readonly admissions = new WeakMap<FastifyRequest, Admission>();
  private readonly tokenDigest: Buffer;

  constructor(
    readonly storage: LicensingStorage,
    readonly secret: ServiceSecret,
    readonly throttles: ServiceThrottles,
    operatorToken: string,
    readonly archivesDir: string,
    private entries: CatalogEntry[],
  ) {
    this.tokenDigest = sha256(operatorToken);
  }

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
    this.admissions.set(request, { ticket: await this.throttles.lookups.admit(request.ip), countAll: false, failed: false });
  };

  /** onRequest hook of registration: every attempt counts. */
  readonly admitRegistration = async (request: FastifyRequest): Promise<void> => {
    this.admissions.set(request, { ticket: await this.throttles.registrations.admit(request.ip), countAll: true, failed: false });
  };

  /** onRequest hook of the operator routes: a throttled look-up of the bearer token; 401 without it. */
  readonly authorizeOperator = async (request: FastifyRequest): Promise<void> => {
    await this.admit(request);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ServiceError(401, 'unauthorized', 'This operator route needs the service token: send "Authorization: Bearer TOKEN".');
    if (!timingSafeEqual(sha256(match[1]!), this.tokenDigest)) throw new ServiceError(401, 'unauthorized', 'The service token is wrong.');
  };

  /** The error handler marks a failed look-up here. */
  markFailed(request: FastifyRequest): void {
    const admission = this.admissions.get(request);
    if (admission) admission.failed = true;
  }

  /** onResponse / onRequestAbort: the request's outcome goes to its throttle. */
  readonly settle = async (request: FastifyRequest): Promise<void> => {
    const admission = this.admissions.get(request);
    if (!admission) return;
    this.admissions.delete(request);
    admission.ticket.finish(admission.countAll || admission.failed);
  };
}
