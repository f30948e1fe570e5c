import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { API_PREFIX, MAX_BODY_BYTES } from '../api.js';
import { isLicenseCode } from '../../domain/license-codes.js';
import { ensureDemoArchives } from './catalog/archives.js';
import { ServiceContext } from './context.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerFeatureRoutes } from './routes/features.js';
import { registerLicenseRoutes } from './routes/license.js';
import { registerSessionRoutes } from './routes/sessions.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { openApiDocument } from '../openapi.js';
import { operatorTokenFile } from './operator.js';
import { defaultSecretFile, loadServiceSecret, readOrCreate } from './secret.js';
import { LOOKUP_FAILURE_CODES, toErrorReply, type ErrorReply } from './service-error.js';
import { JsonLicensingStorage } from './storage/json-storage.js';
import type { LicensingStorage } from './storage/storage.js';
import { DEFAULT_REGISTRATION_THROTTLE, DEFAULT_TRIAL_THROTTLE, LookupThrottle, type ThrottleOptions } from './throttle.js';
import { randomBytes } from 'node:crypto';

export interface LicensingServiceOptions {
  /** Where the service keeps `licensing.json` (JSON backend), `archives/`, `service-secret` and `operator-token`. */
  dataDir: string;
  /** `postgres://…`: keep keys, coupons and bindings in PostgreSQL instead of `licensing.json`. */
  databaseUrl?: string | undefined;
  /** The service secret's file; default `<dataDir>/service-secret` (PBXMOD_SERVICE_SECRET wins over both). */
  secretFile?: string | undefined;
  /** The operator's token; default the one in `<dataDir>/operator-token`, made at first start. */
  operatorToken?: string | undefined;
  /** Fastify's request log (pino, to stdout). Default off. */
  logger?: boolean;
  /** A test clock. Default: the database's time (PostgreSQL) or this machine's (JSON). */
  now?: () => Date;
  /** Slowing down addresses that guess keys or coupons; see ThrottleOptions for defaults. */
  throttle?: Partial<ThrottleOptions>;
  /** Registration attempts per address. */
  registrationThrottle?: Partial<ThrottleOptions>;
  /** New trial keys per address. */
  trialThrottle?: Partial<ThrottleOptions>;
  /** PostgreSQL connections of this process. Default 10. */
  databasePoolSize?: number;
}

export interface StartOptions extends LicensingServiceOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningLicensingService {
  url: string;
  port: number;
  close(): Promise<void>;
  app: FastifyInstance;
  storage: LicensingStorage;
}

/** The storage the options name: PostgreSQL for a database URL, else the JSON file. */
async function openStorage(options: LicensingServiceOptions, secret: Awaited<ReturnType<typeof loadServiceSecret>>): Promise<LicensingStorage> {
  if (options.databaseUrl) {
    const { PostgresLicensingStorage } = await import('./storage/postgres-storage.js');
    return PostgresLicensingStorage.open({ url: options.databaseUrl, clock: options.now, poolSize: options.databasePoolSize });
  }
  return JsonLicensingStorage.open(options.dataDir, secret, options.now);
}

/** Fastify's own refusals (parsing, limits) in the API's error shape. */
function fastifyErrorReply(error: FastifyError): ErrorReply | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  const reply = (code: string, message: string, httpStatus = status): ErrorReply => ({ status: httpStatus, body: { error: { code, message } } });
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply('payload_too_large', `The request body is larger than the ${MAX_BODY_BYTES} bytes the service accepts.`, 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply('bad_request', 'Send the request body as JSON with Content-Type: application/json.', 400);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply('bad_request', 'The request says it carries JSON (Content-Type: application/json) but its body is empty.', 400);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply('bad_request', 'The request body is not valid JSON, or it uses a forbidden key such as __proto__.', 400);
    default:
      if (status === 413) return reply('payload_too_large', `The request body is larger than the ${MAX_BODY_BYTES} bytes the service accepts.`);
      if (status === 404) return reply('not_found', error.message);
      if (error instanceof SyntaxError) return reply('bad_request', `The request body is not acceptable JSON: ${error.message}`, 400);
      return reply('bad_request', error.message, status === 415 ? 400 : status);
  }
}

/** Fastify's schema compilers, for a service whose routes declare no JSON schema. */
function noJsonSchemas(): () => never {
  return () => {
    throw new Error('pbxmod routes check their input with zod; a JSON schema on a route is not supported.');
  };
}

/**
 * The licensing service as a Fastify app, not yet listening: the store under `dataDir`,
 * the demo catalog's archives in `dataDir/archives` (built on first start), every route
 * under `/api/v1`.
 */
export async function buildLicensingApp(options: LicensingServiceOptions): Promise<{ app: FastifyInstance; storage: LicensingStorage }> {
  const secret = await loadServiceSecret(options.secretFile ?? defaultSecretFile(options.dataDir));
  const operatorToken = options.operatorToken?.trim() || (await readOrCreate(operatorTokenFile(options.dataDir), () => `${randomBytes(32).toString('base64url')}\n`)).trim();
  const storage = await openStorage(options, secret);
  const archivesDir = join(options.dataDir, 'archives');
  const catalog = await ensureDemoArchives(archivesDir);
  const clock = options.now ? () => options.now!().getTime() : Date.now;
  const throttles = {
    lookups: new LookupThrottle(options.throttle, clock),
    registrations: new LookupThrottle({ ...DEFAULT_REGISTRATION_THROTTLE, ...options.registrationThrottle }, clock),
    trials: new LookupThrottle({ ...DEFAULT_TRIAL_THROTTLE, ...options.trialThrottle }, clock),
  };
  const ctx = new ServiceContext(storage, secret, throttles, operatorToken, archivesDir, catalog);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Download tokens are longer than the default 100; the route's schema bounds them again.
    routerOptions: { maxParamLength: 600 },
    // Requests are checked with zod (validation.ts), and no route declares a JSON schema, so
    // Fastify's schema compilers (ajv, fast-json-stringify) would never run: they are not even
    // loaded (and the bundle leaves them out, scripts/bundle.mjs).
    schemaController: { compilersFactory: { buildValidator: noJsonSchemas, buildSerializer: noJsonSchemas } },
    // Errors the router raises before any route runs (bad percent-encoding, overlong parameter).
    frameworkErrors: (error, _request, reply) => {
      const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter of the URL is too long.' : 'The URL is not valid (check its percent-encoding).';
      void (reply as unknown as FastifyReply).code(400).send({ error: { code: 'bad_request', message } });
    },
  });
  // JSON only: a text body is refused as a wrong content type, not parsed as a string.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Our own errors carry no statusCode; Fastify's (parsing, limits) do.
    const mapped = (typeof error.statusCode === 'number' ? fastifyErrorReply(error) : null) ?? toErrorReply(error);
    const code = mapped.body.error.code;
    if ((isLicenseCode(code) && LOOKUP_FAILURE_CODES.has(code)) || code === 'unauthorized') ctx.markFailed(request);
    if (mapped.status >= 500) request.log.error({ err: error }, 'licensing service request failed');
    if (mapped.retryAfter !== undefined) void reply.header('retry-after', String(mapped.retryAfter));
    return reply.code(mapped.status).send(mapped.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!.slice(0, 120);
    return reply.code(404).send({ error: { code: 'not_found', message: `There is no ${request.method} ${path} on this licensing service; its API is under ${API_PREFIX}.` } });
  });

  app.addHook('onResponse', ctx.settle);
  app.addHook('onRequestAbort', ctx.settle);
  app.addHook('onClose', async () => storage.close());

  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(
    async (api) => {
      registerLicenseRoutes(api, ctx);
      registerFeatureRoutes(api, ctx);
      registerSessionRoutes(api, ctx);
      registerCatalogRoutes(api, ctx);
      registerOperatorRoutes(api, ctx);
      const document = openApiDocument(SERVICE_VERSION);
      api.get('/openapi.json', async () => document);
    },
    { prefix: API_PREFIX },
  );
  return { app, storage };
}

/** The version the OpenAPI document names. */
const SERVICE_VERSION = '1.0.0';

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Stop listening and wait for requests in progress. Fastify sweeps idle keep-alive connections
 * only once, when closing starts, so a connection that goes idle a moment later would hold
 * `close()` for the whole keep-alive timeout (72 s): sweep until done, and cut what is left
 * after `graceMs`.
 */
async function closeGracefully(app: FastifyInstance, graceMs = 5000): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}

/** Start the service listening on `host:port`; `close()` stops it and waits for open requests. */
export async function startLicensingService(options: StartOptions): Promise<RunningLicensingService> {
  const { app, storage } = await buildLicensingApp(options);
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${urlHost(options.host)}:${port}`, port, app, storage, close: () => closeGracefully(app) };
}
