/**
 * The HTTP contract between the licensing service and its client: one zod schema per request
 * and response. The service validates what it receives with these, the client validates what
 * it gets back, so the two cannot drift apart.
 *
 * All routes are under `/api/v1` (the version of this contract), take and return JSON. A refusal
 * is an HTTP 4xx with `{ "error": { "code": <license code number | string>, "message": "..." } }`.
 * `API_ROUTES` at the end lists every route with its schemas; the service serves an OpenAPI
 * document made from it at `/api/v1/openapi.json`.
 */
import { z } from 'zod';
import { registrationSchema } from '../domain/registration.js';
import { hasControlCharacters, visibleText } from '../domain/terminal-text.js';

export const API_PREFIX = '/api/v1';

/** Largest request body the service accepts. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * A string a request carries that the service stores and shows to others is refused when it
 * holds a control character (an escape sequence, a DEL): other PBXs' consoles and command lines
 * list user/host/db/proc of every binding of a key, and the owner's fields. Keys, coupons and
 * credentials are only compared, never shown: a malformed one stays "unknown key" (2026).
 */
const plain = (schema: z.ZodString) =>
  schema.refine((s) => !hasControlCharacters(s), { error: (issue) => `has a control character ("${visibleText(String(issue.input))}"); send it without control characters.` });

// A key or coupon with control characters is malformed: refused by its format rules (2026, 2040) like any
// other, and never stored.
const keyField = z.string().max(100);
const hostIdField = plain(z.string().min(1).max(100));
const shortText = plain(z.string().max(200));

/** Who holds a seat: the PBX's host id plus what the session monitor shows (SPEC §3). */
export const hostIdentitySchema = z.object({
  hostId: hostIdField,
  user: shortText,
  host: shortText,
  db: shortText,
  net: shortText,
  proc: z.number().int().nonnegative(),
});
export type HostIdentity = z.infer<typeof hostIdentitySchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.union([z.number().int(), z.string()]), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// --- license ----------------------------------------------------------------------------

export const featureInfoSchema = z.object({
  featureId: z.number().int(),
  name: z.string(),
  /** Seats of this feature the key owns. */
  count: z.number().int(),
  /** Seats bound to hosts right now (live bindings). */
  captured: z.number().int(),
});
export type FeatureInfo = z.infer<typeof featureInfoSchema>;

export const productInfoSchema = z.object({
  productId: z.number().int(),
  name: z.string(),
  /** ISO 8601. */
  expires: z.string(),
  trial: z.boolean(),
  expired: z.boolean(),
  features: z.array(featureInfoSchema),
});
export type ProductInfo = z.infer<typeof productInfoSchema>;

export const ownerSchema = z.object({
  company: z.string(),
  contact: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  inn: z.string().optional(),
});
export type Owner = z.infer<typeof ownerSchema>;

/** The service's clock when it answered (ISO 8601): the console judges expiry and lapse by it, not by the PBX's clock. */
const serviceTime = z.string().optional();

export const licenseInfoSchema = z.object({ owner: ownerSchema, products: z.array(productInfoSchema), serviceTime });
export type LicenseInfo = z.infer<typeof licenseInfoSchema>;

/**
 * POST /register — issue a key and the 30-day MikoPBX trial (feature 33): 201 with the key.
 * An email that has a key already gets 200 without it: the key went to that email (2022 when
 * the email belongs to another company). Throttled per address; new trials are limited per
 * address and per host (2051). Text fields with control characters are refused.
 */
export const registerRequestSchema = registrationSchema.extend({ hostId: hostIdField }).superRefine((request, ctx) => {
  for (const [field, value] of Object.entries(request)) {
    if (typeof value === 'string' && hasControlCharacters(value)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `has a control character ("${visibleText(value)}"); send it without control characters.` });
    }
  }
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;
export const keyIssuedSchema = z.object({ key: z.string(), license: licenseInfoSchema });
export const keySentSchema = z.object({ keySent: z.literal(true), email: z.string(), message: z.string() });
export const registerResponseSchema = z.union([keyIssuedSchema, keySentSchema]);
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/** POST /license/info — 2026 for an unknown or malformed key. */
export const licenseInfoRequestSchema = z.object({ key: keyField });

/** POST /coupons/activate → LicenseInfo. */
export const activateCouponRequestSchema = z.object({ key: keyField, coupon: keyField });

/** POST /trials — add a product's 14-day trial → LicenseInfo. */
export const addTrialRequestSchema = z.object({ key: keyField, productId: z.number().int().positive() });

// --- feature seats ------------------------------------------------------------------------

export const bindingSchema = z.object({
  id: z.string(),
  featureId: z.number().int(),
  featureName: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  hostId: z.string(),
  user: z.string(),
  host: z.string(),
  db: z.string(),
  net: z.string(),
  proc: z.number().int(),
  /** ISO 8601: when the seat was captured. */
  start: z.string(),
  /** ISO 8601: last refresh. */
  upd: z.string(),
  /** ISO 8601: upd + 10 minutes; a binding past exp has lapsed and frees its seat. */
  exp: z.string(),
});
export type Binding = z.infer<typeof bindingSchema>;

/** POST /features/capture — bind a seat to this host (idempotent: a host holding it refreshes it); 2008 when none is free. */
export const captureRequestSchema = z.object({ key: keyField, featureId: z.number().int().positive(), host: hostIdentitySchema });
export const captureResponseSchema = z.object({ binding: bindingSchema });

/**
 * POST /features/check — read-only: does this host hold a live seat, how many are free, and
 * was this host's seat dropped in the session monitor (then only an explicit capture takes it back).
 */
export const checkRequestSchema = z.object({ key: keyField, featureId: z.number().int().positive(), hostId: hostIdField });
export const checkResponseSchema = z.object({ held: z.boolean(), dropped: z.boolean(), free: z.number().int(), binding: bindingSchema.nullable() });

/** POST /features/refresh — move upd/exp of every binding this host holds → the bindings. */
export const refreshRequestSchema = z.object({ key: keyField, hostId: hostIdField });
export const bindingsResponseSchema = z.object({ bindings: z.array(bindingSchema) });

/** POST /features/release — give this host's seat of a feature back → `{ released: n }`. */
export const releaseRequestSchema = z.object({ key: keyField, featureId: z.number().int().positive(), hostId: hostIdField });
export const releasedResponseSchema = z.object({ released: z.number().int() });

// --- session monitor ------------------------------------------------------------------------

/** The session monitor logs in with the key or a coupon activated on it. */
export const sessionsRequestSchema = z.object({ credential: keyField });

export const sessionHostSchema = z.object({
  hostId: z.string(),
  host: z.string(),
  net: z.string(),
  bindings: z.array(bindingSchema),
});
export type SessionHost = z.infer<typeof sessionHostSchema>;
/** POST /sessions → live bindings grouped by host. */
export const sessionsResponseSchema = z.object({ hosts: z.array(sessionHostSchema), serviceTime });

/**
 * POST /sessions/drop — drop bindings: one by `bindingId`, or all of a host by `hostId` or
 * host name `host` → `{ released: n }`. 404-style `not_found` when nothing matched.
 */
export const dropRequestSchema = z
  .object({ credential: z.string().max(100), bindingId: plain(z.string().max(100)).optional(), hostId: plain(z.string().max(100)).optional(), host: shortText.optional() })
  .refine((r) => r.bindingId !== undefined || r.hostId !== undefined || r.host !== undefined, { message: 'Give bindingId, hostId or host.' });

// --- catalog ---------------------------------------------------------------------------------

export const releaseSchema = z.object({
  version: z.string(),
  /** ISO date of the release. */
  date: z.string(),
  size: z.number().int(),
  md5: z.string(),
  changelog: z.string(),
  minPbxVersion: z.string(),
});
export type Release = z.infer<typeof releaseSchema>;

export const catalogModuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  developer: z.string(),
  supportEmail: z.string(),
  /** Newest release this PBX can install. */
  version: z.string(),
  size: z.number().int(),
  /** 0 when free. */
  licProductId: z.number().int(),
  licFeatureId: z.number().int(),
  free: z.boolean(),
  moduleType: z.string().optional(),
});
export type CatalogModule = z.infer<typeof catalogModuleSchema>;

/** GET /catalog?pbxVersion=V → modules with a release V can install. */
export const catalogResponseSchema = z.object({ modules: z.array(catalogModuleSchema) });

/** GET /catalog/:id?pbxVersion=V → the module with the releases V can install, newest first. */
export const moduleDetailsSchema = catalogModuleSchema.extend({ releases: z.array(releaseSchema), eula: z.string().nullable() });
export type ModuleDetails = z.infer<typeof moduleDetailsSchema>;

/** POST /catalog/:id/link — a download link; paid modules need a key holding the product's license. */
export const downloadLinkRequestSchema = z.object({ version: z.string().max(50), key: keyField.optional(), hostId: hostIdField });
export const downloadLinkSchema = z.object({ href: z.string(), md5: z.string(), size: z.number().int() });
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

/** GET /ping → proof of life, used by diagnostics. */
export const pingResponseSchema = z.object({ ok: z.literal(true), service: z.literal('pbxmod-licensing'), time: z.string() });

// --- operator (Authorization: Bearer <service token>) -------------------------------------------

const featureSeatsField = z.object({ featureId: z.number().int().positive().max(1e9), count: z.number().int().nonnegative().max(100_000) });

/** POST /operator/coupons — make a coupon; its code is answered this once. */
export const createCouponRequestSchema = z.object({
  productId: z.number().int().positive().max(1e9),
  days: z.number().int().positive().max(36_500),
  features: z.array(featureSeatsField).max(100).optional(),
  name: shortText.optional(),
});
export type CreateCouponRequest = z.infer<typeof createCouponRequestSchema>;
export const couponCreatedSchema = z.object({
  coupon: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  days: z.number().int(),
  features: z.array(z.object({ featureId: z.number().int(), name: z.string(), count: z.number().int() })),
});
export type CouponCreated = z.infer<typeof couponCreatedSchema>;

/** POST /operator/coupons/block — it can no longer be activated or used to log in. */
export const blockCouponRequestSchema = z.object({ coupon: z.string().max(100) });
export const couponBlockedSchema = z.object({ coupon: z.string(), blocked: z.literal(true) });

/** POST /operator/seats — add seats of a feature to a product a key holds. */
export const addSeatsRequestSchema = z.object({ key: keyField, productId: z.number().int().positive().max(1e9), featureId: z.number().int().positive().max(1e9), count: z.number().int().positive().max(100_000) });
export type AddSeatsRequest = z.infer<typeof addSeatsRequestSchema>;
export const seatsAddedSchema = z.object({ productName: z.string(), featureName: z.string(), count: z.number().int() });
export type SeatsAdded = z.infer<typeof seatsAddedSchema>;

/** GET /operator/outbox?limit=N — the mail the service would have sent, newest first. */
export const outboxMessageSchema = z.object({ id: z.string(), created: z.string(), to: z.string(), subject: z.string(), body: z.string() });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export const outboxResponseSchema = z.object({ messages: z.array(outboxMessageSchema) });

// --- the route table (OpenAPI) ----------------------------------------------------------------

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Under API_PREFIX, with `{param}` path parameters. */
  path: string;
  summary: string;
  request?: z.ZodType;
  response: z.ZodType;
  /** Operator routes need the service token. */
  operator?: boolean;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/ping', summary: 'Proof of life and the service time', response: pingResponseSchema },
  { method: 'POST', path: '/register', summary: 'Register: a key with a 30-day trial (201), or word that the existing key went to its email (200)', request: registerRequestSchema, response: registerResponseSchema },
  { method: 'POST', path: '/license/info', summary: 'Owner, products and seats of a key', request: licenseInfoRequestSchema, response: licenseInfoSchema },
  { method: 'POST', path: '/coupons/activate', summary: 'Activate a coupon on a key', request: activateCouponRequestSchema, response: licenseInfoSchema },
  { method: 'POST', path: '/trials', summary: "Add a product's 14-day trial", request: addTrialRequestSchema, response: licenseInfoSchema },
  { method: 'POST', path: '/features/capture', summary: 'Bind a seat of a feature to this host', request: captureRequestSchema, response: captureResponseSchema },
  { method: 'POST', path: '/features/check', summary: 'Does this host hold a seat; how many are free', request: checkRequestSchema, response: checkResponseSchema },
  { method: 'POST', path: '/features/refresh', summary: "Keep this host's bindings alive", request: refreshRequestSchema, response: bindingsResponseSchema },
  { method: 'POST', path: '/features/release', summary: "Give this host's seat back", request: releaseRequestSchema, response: releasedResponseSchema },
  { method: 'POST', path: '/sessions', summary: 'Session monitor: live bindings by host', request: sessionsRequestSchema, response: sessionsResponseSchema },
  { method: 'POST', path: '/sessions/drop', summary: 'Session monitor: drop bindings', request: dropRequestSchema, response: releasedResponseSchema },
  { method: 'GET', path: '/catalog', summary: 'Modules this PBX version can install (?pbxVersion=)', response: catalogResponseSchema },
  { method: 'GET', path: '/catalog/{id}', summary: 'A module with its releases (?pbxVersion=)', response: moduleDetailsSchema },
  { method: 'POST', path: '/catalog/{id}/link', summary: 'A download link', request: downloadLinkRequestSchema, response: downloadLinkSchema },
  { method: 'POST', path: '/operator/coupons', summary: 'Make a coupon', request: createCouponRequestSchema, response: couponCreatedSchema, operator: true },
  { method: 'POST', path: '/operator/coupons/block', summary: 'Block a coupon', request: blockCouponRequestSchema, response: couponBlockedSchema, operator: true },
  { method: 'POST', path: '/operator/seats', summary: 'Add seats to a key', request: addSeatsRequestSchema, response: seatsAddedSchema, operator: true },
  { method: 'GET', path: '/operator/outbox', summary: 'The mail the service would have sent (?limit=)', response: outboxResponseSchema, operator: true },
];
