import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { formatLicenseCode } from '../../domain/license-key.js';
import { JsonFileStore, type Migration } from '../../store/json-file.js';
import { bindingRecordSchema, couponRecordSchema, dropMarkSchema, keyRecordSchema, outboxRecordSchema } from './records.js';
import type { ServiceSecret } from './secret.js';

/**
 * `<dataDir>/licensing.json`, the JSON backend of the licensing service. Format 2 holds no
 * secret and no key: keys and coupons are HMACs under the service secret kept apart.
 */
export const SERVICE_STORE_VERSION = 2;

export const serviceStateSchema = z.object({
  schemaVersion: z.literal(SERVICE_STORE_VERSION),
  keys: z.array(keyRecordSchema),
  coupons: z.array(couponRecordSchema),
  bindings: z.array(bindingRecordSchema),
  drops: z.array(dropMarkSchema),
  outbox: z.array(outboxRecordSchema),
});
export type ServiceState = z.infer<typeof serviceStateSchema>;

export type ServiceStore = JsonFileStore<ServiceState>;

/** Format 1's key: an HMAC of the record id under the secret that format 1 kept in the file. */
function formatOneKey(secretHex: string, recordId: string): string {
  const bytes = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`license-key\0${recordId}`).digest();
  return formatLicenseCode('MIKO', bytes);
}

/**
 * `migrations[n]` upgrades a service store of format n to n + 1. 1 → 2 needs the service
 * secret: the keys of format 1 are re-derived once from the old in-file secret, hashed under the
 * new secret, and the old secret is dropped, so the keys issued before keep working.
 */
export function serviceStoreMigrations(secret: ServiceSecret): Readonly<Record<number, Migration>> {
  return {
    1: (data) => {
      const old = data as { secret: string; keys: { id: string }[]; coupons: { code: string }[] } & Record<string, unknown>;
      const { secret: oldSecret, ...rest } = old;
      return {
        ...rest,
        schemaVersion: 2,
        keys: old.keys.map((k) => ({ ...k, keyHash: secret.hashCredential(formatOneKey(oldSecret, k.id)) })),
        coupons: old.coupons.map(({ code, ...c }) => ({ ...c, codeHash: secret.hashCredential(code), hint: code.slice(0, 13) })),
        outbox: [],
      };
    },
  };
}

export function newServiceState(): ServiceState {
  return { schemaVersion: SERVICE_STORE_VERSION, keys: [], coupons: [], bindings: [], drops: [], outbox: [] };
}

export function serviceStoreFile(dataDir: string): string {
  return join(dataDir, 'licensing.json');
}

/** The JSON file; several service instances may share it. */
export function openServiceStoreFile(dataDir: string, secret: ServiceSecret): ServiceStore {
  return new JsonFileStore<ServiceState>({
    file: serviceStoreFile(dataDir),
    label: 'licensing service store',
    currentVersion: SERVICE_STORE_VERSION,
    migrations: serviceStoreMigrations(secret),
    schema: serviceStateSchema,
    create: newServiceState,
  });
}
