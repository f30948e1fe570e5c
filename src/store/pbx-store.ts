import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { JsonFileStore, type Migration } from './json-file.js';
import { PBX_STORE_VERSION, pbxStateSchema, type AuditEntry, type PbxState } from './schema.js';
import { maskKeysIn } from '../domain/license-key.js';
import { auditFailure, maskedParams } from '../domain/audit-words.js';
import { rotateAuditOverflow } from './audit-log.js';
import { builtInDialplanApplications, exampleExtensionNumbers } from './seed-data.js';

/** The PBX version this console reports when the store does not say otherwise. */
export const DEFAULT_PBX_VERSION = '2025.1.120';

/** `migrations[n]` upgrades a PBX store of format n to n + 1. */
export const pbxStoreMigrations: Readonly<Record<number, Migration>> = {};

/** What callers use of the PBX store; the console gets a lazily opened one (see lazy-pbx-store.ts). */
export type PbxStore = Pick<JsonFileStore<PbxState>, 'file' | 'read' | 'update'>;

export function newPbxState(): PbxState {
  return {
    schemaVersion: PBX_STORE_VERSION,
    settings: { licenseKey: null, hostId: randomUUID(), pbxVersion: DEFAULT_PBX_VERSION, language: null, licensingUrl: null },
    modules: [],
    dialplanApplications: builtInDialplanApplications(),
    extensions: exampleExtensionNumbers(),
    audit: [],
  };
}

export function pbxStoreFile(dataDir: string): string {
  return join(dataDir, 'pbx.json');
}

export function openPbxStore(dataDir: string, { readOnly = false }: { readOnly?: boolean } = {}): PbxStore {
  const store = new JsonFileStore<PbxState>({
    readOnly,
    file: pbxStoreFile(dataDir),
    label: 'PBX store',
    currentVersion: PBX_STORE_VERSION,
    migrations: pbxStoreMigrations,
    schema: pbxStateSchema,
    create: newPbxState,
  });
  return {
    file: store.file,
    read: () => store.read(),
    // Every write keeps the audit log within its bound (audit-log.ts), whoever appended to it.
    update: (change) =>
      store.update(async (state) => {
        const result = await change(state);
        await rotateAuditOverflow(dataDir, state);
        return result;
      }),
  };
}

/** Who is acting, as the audit log records it. */
export function currentActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  const ssh = process.env.SSH_CLIENT?.split(' ')[0];
  return ssh ? `${user}@${ssh}` : user;
}

/**
 * Append to the audit log inside an update; a license key in its target or detail is masked.
 * Past the log's limit the store moves the oldest entries to a rotated file (audit-log.ts).
 */
export function appendAudit(state: PbxState, entry: Omit<AuditEntry, 'at' | 'who'> & { at?: string; who?: string }): void {
  const masked = {
    ...entry,
    target: entry.target === undefined ? undefined : maskKeysIn(entry.target),
    detail: entry.detail === undefined ? undefined : maskKeysIn(entry.detail),
    detailReason: entry.detailReason === undefined ? undefined : { ...entry.detailReason, params: maskedParams(entry.detailReason.params) },
  };
  state.audit.push({ at: entry.at ?? new Date().toISOString(), who: entry.who ?? currentActor(), ...stripUndefined(masked) });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Record an admin action that may fail: the outcome is logged either way. */
export async function audited<R>(store: PbxStore, action: string, target: string | undefined, run: () => Promise<R>): Promise<R> {
  try {
    const result = await run();
    await store.update((s) => appendAudit(s, { action, target, outcome: 'ok' }));
    return result;
  } catch (error) {
    await store.update((s) => appendAudit(s, { action, target, outcome: 'failed', ...auditFailure(error) })).catch(() => undefined);
    throw error;
  }
}
