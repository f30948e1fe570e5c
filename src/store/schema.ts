import { z } from 'zod';
import type { DialplanApplication, ExtensionNumber } from '../domain/dialplan.js';
import { licenseInfoSchema } from '../licensing/api.js';

/** Why a module is disabled (SPEC §3, §5). */
export const disabledReasons = ['DisabledByUser', 'DisabledByLicense', 'DisabledByException', 'DisabledByCrashLoop'] as const;
export type DisabledReason = (typeof disabledReasons)[number];

export const installedModuleSchema = z.object({
  id: z.string(),
  version: z.string(),
  developer: z.string(),
  supportEmail: z.string(),
  minPbxVersion: z.string(),
  name: z.string(),
  description: z.string(),
  licProductId: z.number().int().nonnegative().optional(),
  licFeatureId: z.number().int().nonnegative().optional(),
  moduleType: z.string().optional(),
  enabled: z.boolean(),
  disabledReason: z.enum(disabledReasons).nullable(),
  disabledReasonText: z.string().nullable(),
  installedAt: z.string(),
  updatedAt: z.string(),
});
export type InstalledModule = z.infer<typeof installedModuleSchema>;

export const dialplanApplicationSchema = z.object({
  uniqid: z.string(),
  name: z.string(),
  extension: z.string(),
  hint: z.string(),
  type: z.enum(['php', 'plaintext']),
  code: z.string(),
  description: z.string(),
}) satisfies z.ZodType<DialplanApplication>;
export type { DialplanApplication, ExtensionNumber };

export const extensionNumberSchema = z.object({
  number: z.string(),
  kind: z.string(),
  name: z.string(),
}) satisfies z.ZodType<ExtensionNumber>;

/**
 * What an audit entry's detail says, as a catalog id and its values: `detail` ids are in the
 * audit catalog's `details`, `error` ids in the error catalog. Worded when shown, in the
 * language in use then (src/domain/audit-words.ts).
 */
export const auditDetailReasonSchema = z.object({
  kind: z.enum(['detail', 'error']),
  id: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export type AuditDetailReason = z.infer<typeof auditDetailReasonSchema>;

/**
 * Who did what, when, and how it ended. Never holds a full license key. `detail` is the detail
 * in English (what older versions show); `detailReason`, in entries written since, is what it
 * says in any language. Both are optional: older stores and rotated files stay valid.
 */
export const auditEntrySchema = z.object({
  at: z.string(),
  who: z.string(),
  action: z.string(),
  target: z.string().optional(),
  outcome: z.enum(['ok', 'failed']),
  detail: z.string().optional(),
  detailReason: auditDetailReasonSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const safeModeSchema = z.object({
  /** Ids of the modules safe mode disabled, in the order they were found. */
  modules: z.array(z.string()),
  /** ISO time safe mode began. */
  since: z.string(),
});
export type SafeMode = z.infer<typeof safeModeSchema>;

export const settingsSchema = z.object({
  licenseKey: z.string().nullable(),
  hostId: z.string(),
  pbxVersion: z.string(),
  /** The language chosen for this PBX (`pbxmod config set language`); null: the locale decides. */
  language: z.enum(['en', 'ru']).nullable(),
  licensingUrl: z.string().nullable(),
  /**
   * Safe mode (`pbxmod modules disable --all`): the modules that were enabled when it began,
   * for `pbxmod modules restore`. Absent or null: not in safe mode. Optional, so a store
   * written before it needs no migration.
   */
  safeMode: safeModeSchema.nullable().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * The license as the licensing service last answered: shown, with its age, while the service
 * cannot be reached. Optional, so a store written before it reads as it is (no migration).
 */
export const lastLicenseSchema = z.object({
  /** When this PBX received it (ISO 8601, this machine's clock). */
  receivedAt: z.string(),
  /** The key it was read for, masked: another key saved since does not show it. */
  maskedKey: z.string(),
  info: licenseInfoSchema,
});
export type LastLicense = z.infer<typeof lastLicenseSchema>;

export const PBX_STORE_VERSION = 1;

export const pbxStateSchema = z.object({
  schemaVersion: z.literal(PBX_STORE_VERSION),
  settings: settingsSchema,
  modules: z.array(installedModuleSchema),
  dialplanApplications: z.array(dialplanApplicationSchema),
  extensions: z.array(extensionNumberSchema),
  audit: z.array(auditEntrySchema),
  lastLicense: lastLicenseSchema.optional(),
});
export type PbxState = z.infer<typeof pbxStateSchema>;
