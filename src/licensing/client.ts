import { ofetch, FetchError, type $Fetch } from 'ofetch';
import type { z } from 'zod';
import { LicenseError, isLicenseCode } from '../domain/license-codes.js';
import {
  API_PREFIX,
  activateCouponRequestSchema,
  addTrialRequestSchema,
  bindingsResponseSchema,
  captureResponseSchema,
  catalogResponseSchema,
  checkResponseSchema,
  downloadLinkSchema,
  errorBodySchema,
  licenseInfoSchema,
  moduleDetailsSchema,
  pingResponseSchema,
  registerResponseSchema,
  releasedResponseSchema,
  addSeatsRequestSchema,
  blockCouponRequestSchema,
  couponBlockedSchema,
  couponCreatedSchema,
  createCouponRequestSchema,
  outboxResponseSchema,
  seatsAddedSchema,
  type AddSeatsRequest,
  type CouponCreated,
  type CreateCouponRequest,
  type OutboxMessage,
  type SeatsAdded,
  sessionsResponseSchema,
  type Binding,
  type CatalogModule,
  type DownloadLink,
  type HostIdentity,
  type LicenseInfo,
  type ModuleDetails,
  type RegisterRequest,
  type SessionHost,
} from './api.js';
import type { ArchiveOpener } from './archive-response.js';
import { ConnectionError, KeySentError, ServiceRequestError, UnexpectedResponseError, type AnswerShape, type ConnectionCause } from './errors.js';

export interface LicensingClientOptions {
  /** Base URL of the service, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts for requests that are safe to repeat. Default 2. */
  retries?: number;
  /** The service token, for the operator's routes. */
  token?: string | undefined;
  /** The transport. Default the global fetch (the network); the embedded service passes its in-process one. */
  fetch?: typeof fetch;
  /** How download links are opened. Default: over the network. */
  openArchive?: ArchiveOpener;
}

/** What to drop in the session monitor: one binding, or everything a host holds. */
export type DropTarget = { bindingId: string } | { hostId: string } | { host: string };

/**
 * Typed client for the licensing service. Every failure comes out as one of: LicenseError
 * (a license code with its message), ConnectionError, UnexpectedResponseError or
 * ServiceRequestError. Only requests that change nothing, or change it idempotently, are retried.
 */
export class LicensingClient {
  readonly baseUrl: string;
  /** How this client's download links are opened; `undefined`: over the network. */
  readonly openArchive: ArchiveOpener | undefined;
  private readonly fetch: $Fetch;
  private readonly retries: number;
  private readonly token: string | undefined;
  private readonly options: LicensingClientOptions;

  constructor(options: LicensingClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retries = options.retries ?? 2;
    this.token = options.token;
    this.openArchive = options.openArchive;
    this.fetch = ofetch.create({
      baseURL: `${this.baseUrl}${API_PREFIX}`,
      timeout: options.timeoutMs ?? 10_000,
      retryDelay: 250,
      retryStatusCodes: [408, 500, 502, 503, 504],
      headers: { accept: 'application/json' },
    }, options.fetch ? { fetch: options.fetch } : undefined);
  }

  /** The same service over the same transport (network or in-process), with the operator's token. */
  withToken(token: string, changes: Pick<LicensingClientOptions, 'retries'> = {}): LicensingClient {
    return new LicensingClient({ ...this.options, ...changes, token });
  }

  ping(): Promise<z.infer<typeof pingResponseSchema>> {
    return this.call('GET', '/ping', undefined, pingResponseSchema, true);
  }

  /**
   * Issue a key and the 30-day MikoPBX trial. An email that has a key already gets no key:
   * KeySentError (the service sent it to that email). Not retried: a second attempt could meet its own first.
   */
  async register(request: RegisterRequest): Promise<{ key: string; license: LicenseInfo }> {
    const answer = await this.call('POST', '/register', request, registerResponseSchema, false);
    if ('keySent' in answer) throw new KeySentError(answer.email, answer.message);
    return answer;
  }

  /** Owner, products and features of a key; 2026 for an unknown key. */
  licenseInfo(key: string): Promise<LicenseInfo> {
    return this.call('POST', '/license/info', { key }, licenseInfoSchema, true);
  }

  /** Activate a coupon on a key. Not retried: a coupon activates once (2041). */
  activateCoupon(key: string, coupon: string): Promise<LicenseInfo> {
    return this.call('POST', '/coupons/activate', activateCouponRequestSchema.parse({ key, coupon }), licenseInfoSchema, false);
  }

  /** Add a product's 14-day trial to the key (once per product). */
  addTrial(key: string, productId: number): Promise<LicenseInfo> {
    return this.call('POST', '/trials', addTrialRequestSchema.parse({ key, productId }), licenseInfoSchema, false);
  }

  /** Bind a seat of a feature to this host; 2008 when none is free. Idempotent for the same host. */
  async captureFeature(key: string, featureId: number, host: HostIdentity): Promise<Binding> {
    return (await this.call('POST', '/features/capture', { key, featureId, host }, captureResponseSchema, true)).binding;
  }

  /** Does this host hold a live seat of the feature, and how many seats are free. */
  checkFeature(key: string, featureId: number, hostId: string): Promise<z.infer<typeof checkResponseSchema>> {
    return this.call('POST', '/features/check', { key, featureId, hostId }, checkResponseSchema, true);
  }

  /** Keep this host's bindings alive (exp = now + 10 min). */
  async refreshBindings(key: string, hostId: string): Promise<Binding[]> {
    return (await this.call('POST', '/features/refresh', { key, hostId }, bindingsResponseSchema, true)).bindings;
  }

  /** Give this host's seat of a feature back. */
  async releaseFeature(key: string, featureId: number, hostId: string): Promise<number> {
    return (await this.call('POST', '/features/release', { key, featureId, hostId }, releasedResponseSchema, true)).released;
  }

  /** Live bindings of the key (or of the key a coupon was activated on), grouped by host. */
  async sessions(credential: string): Promise<SessionHost[]> {
    return (await this.sessionsWithTime(credential)).hosts;
  }

  /** The same, with the service's time of the answer (older services send none). */
  sessionsWithTime(credential: string): Promise<{ hosts: SessionHost[]; serviceTime?: string | undefined }> {
    return this.call('POST', '/sessions', { credential }, sessionsResponseSchema, true);
  }

  /** Drop bindings in the session monitor; returns how many were released. */
  async dropBindings(credential: string, target: DropTarget): Promise<number> {
    return (await this.call('POST', '/sessions/drop', { credential, ...target }, releasedResponseSchema, true)).released;
  }

  /** Modules with a release this PBX version can install. */
  async catalog(pbxVersion: string): Promise<CatalogModule[]> {
    return (await this.call('GET', `/catalog?pbxVersion=${encodeURIComponent(pbxVersion)}`, undefined, catalogResponseSchema, true)).modules;
  }

  /** A module with its installable releases (newest first), changelog and EULA. */
  moduleDetails(id: string, pbxVersion: string): Promise<ModuleDetails> {
    return this.call('GET', `/catalog/${encodeURIComponent(id)}?pbxVersion=${encodeURIComponent(pbxVersion)}`, undefined, moduleDetailsSchema, true);
  }

  /** A download link with the archive's md5 and size. */
  downloadLink(id: string, request: { version: string; key?: string; hostId: string }): Promise<DownloadLink> {
    return this.call('POST', `/catalog/${encodeURIComponent(id)}/link`, request, downloadLinkSchema, true);
  }

  // --- operator (needs the service token) ---

  /** Make a coupon; the code is in the answer only. Not retried: a retry would make a second coupon. */
  createCoupon(request: CreateCouponRequest): Promise<CouponCreated> {
    return this.call('POST', '/operator/coupons', createCouponRequestSchema.parse(request), couponCreatedSchema, false, true);
  }

  async blockCoupon(coupon: string): Promise<string> {
    return (await this.call('POST', '/operator/coupons/block', blockCouponRequestSchema.parse({ coupon }), couponBlockedSchema, true, true)).coupon;
  }

  /** Add seats of a feature to a product a key holds. Not retried: seats add up. */
  addSeats(request: AddSeatsRequest): Promise<SeatsAdded> {
    return this.call('POST', '/operator/seats', addSeatsRequestSchema.parse(request), seatsAddedSchema, false, true);
  }

  /** The mail the service would have sent, newest first. */
  async outbox(limit = 100): Promise<OutboxMessage[]> {
    return (await this.call('GET', `/operator/outbox?limit=${limit}`, undefined, outboxResponseSchema, true, true)).messages;
  }

  /** Absolute URL for an `href` the service returned. */
  resolveHref(href: string): string {
    return new URL(href, `${this.baseUrl}/`).toString();
  }

  private async call<S extends z.ZodTypeAny>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, safeToRetry: boolean, operator = false): Promise<z.infer<S>> {
    let data: unknown;
    const headers: Record<string, string> = operator && this.token ? { authorization: `Bearer ${this.token}` } : {};
    try {
      data = await this.fetch(path, { method, headers, body: body as Record<string, unknown> | undefined, retry: safeToRetry ? this.retries : 0 });
    } catch (error) {
      throw this.mapFailure(error, path);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new UnexpectedResponseError(this.baseUrl, { path: path.split('?')[0]!, ...shapeOf(data) });
    return parsed.data;
  }

  private mapFailure(error: unknown, path: string): Error {
    if (!(error instanceof FetchError)) return new ConnectionError(this.baseUrl, error instanceof Error ? error.message : String(error));
    const status = error.response?.status;
    if (status === undefined) return new ConnectionError(this.baseUrl, connectionReason(error));
    const body = errorBodySchema.safeParse(error.data);
    if (!body.success) return new UnexpectedResponseError(this.baseUrl, { path: path.split('?')[0]!, shape: 'no_error_body', status });
    const { code, message } = body.data.error;
    if (isLicenseCode(code)) return new LicenseError(code, message);
    return new ServiceRequestError(String(code), status, message);
  }
}

function connectionReason(error: FetchError): ConnectionCause {
  const cause = (error.cause ?? {}) as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = cause.code ?? cause.cause?.code;
  if (cause.name === 'TimeoutError' || /timeout/i.test(error.message)) return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host_not_found';
  if (code === 'ECONNRESET') return 'reset';
  if (code) return code;
  return cause.message ?? error.message;
}

function shapeOf(data: unknown): Pick<AnswerShape, 'shape' | 'sample'> {
  if (data === undefined || data === null || data === '') return { shape: 'empty' };
  if (typeof data === 'string') return { shape: 'text', sample: data.slice(0, 40) };
  return { shape: 'other' };
}
