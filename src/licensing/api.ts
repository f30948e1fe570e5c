/**
 * The HTTP contract between the licensing service and its client: one zod schema per request
 * and response. The service validates what it receives with these, the client validates what
 * it gets back, so the two cannot drift apart.
 *
 * All routes are under `/api/v1`, take and return JSON. A refusal is an HTTP 4xx with
 * `{ "error": { "code": <license code number | string>, "message": "..." } }`.
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

export const licenseInfoSchema = z.object({ owner: ownerSchema, products: z.array(productInfoSchema) });
export type LicenseInfo = z.infer<typeof licenseInfoSchema>;

/** POST /register — issue a key and the 30-day MikoPBX trial (feature 33). */
export const registerRequestSchema = registrationSchema.extend({ hostId: hostIdField }).superRefine((request, ctx) => {
  for (const [field, value] of Object.entries(request)) {
    if (typeof value === 'string' && hasControlCharacters(value)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `has a control character ("${visibleText(value)}"); send it without control characters.` });
    }
  }
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;
export const registerResponseSchema = z.object({ key: z.string(), license: licenseInfoSchema });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/** POST /license/info — 2026 for an unknown or malformed key. */
export const licenseInfoRequestSchema = z.object({ key: keyField });

/** POST /coupons/activate → LicenseInfo. */
export const activateCouponRequestSchema = z.object({ key: keyField, coupon: z.string().max(100) });

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
export const sessionsRequestSchema = z.object({ credential: z.string().max(100) });

export const sessionHostSchema = z.object({
  hostId: z.string(),
  host: z.string(),
  net: z.string(),
  bindings: z.array(bindingSchema),
});
export type SessionHost = z.infer<typeof sessionHostSchema>;
/** POST /sessions → live bindings grouped by host. */
export const sessionsResponseSchema = z.object({ hosts: z.array(sessionHostSchema) });

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
