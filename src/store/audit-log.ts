import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { auditEntrySchema, type AuditEntry, type PbxState } from './schema.js';
import { maskKeysIn } from '../domain/license-key.js';
import { maskedParams } from '../domain/audit-words.js';

/**
 * The audit log is bounded: the PBX store keeps the newest `AUDIT_LIMIT` entries; older ones
 * move, a batch at a time, to `audit.1.jsonl` in the data directory (one JSON entry a line), and
 * when that file is full it becomes `audit.2.jsonl` (the previous `audit.2.jsonl` goes). So the
 * store never holds more than `AUDIT_LIMIT` entries, and the two rotated generations no more
 * than `ROTATED_LIMIT` each.
 */
export const AUDIT_LIMIT = 2000;
/** Entries left in the store after a rotation: the next one comes 500 entries later, not at every action. */
export const AUDIT_KEPT_AFTER_ROTATION = 1500;
/** Entries in one rotated file at most. */
export const ROTATED_LIMIT = 2000;

export const ROTATED_FILES = ['audit.2.jsonl', 'audit.1.jsonl'] as const;

/**
 * Inside a store update (the store's lock is held): when the audit log has passed its limit, write
 * its oldest entries to the rotated file and take them out of the store. The rotated file is
 * written (and synced) before the store is: a crash between the two leaves an entry in both, which
 * the reader shows once, never in neither. When the file cannot be written the entries stay in
 * the store, to be moved by the next update.
 */
export async function rotateAuditOverflow(dataDir: string, state: PbxState): Promise<void> {
  if (state.audit.length <= AUDIT_LIMIT) return;
  const moving = state.audit.slice(0, state.audit.length - AUDIT_KEPT_AFTER_ROTATION);
  try {
    await appendRotated(dataDir, moving);
  } catch {
    return;
  }
  state.audit.splice(0, moving.length);
}

async function appendRotated(dataDir: string, entries: readonly AuditEntry[]): Promise<void> {
  const first = join(dataDir, 'audit.1.jsonl');
  const held = await readFile(first, 'utf8').then(
    (text) => text.split('\n').filter(Boolean).length,
    () => 0,
  );
  if (held > 0 && held + entries.length > ROTATED_LIMIT) await rename(first, join(dataDir, 'audit.2.jsonl'));
  const handle = await open(first, 'a', 0o600);
  try {
    await handle.writeFile(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The whole audit log, oldest first: the rotated files, then the store; a line that does not parse is skipped. */
export async function readAuditLog(dataDir: string, state: Pick<PbxState, 'audit'>): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for (const name of ROTATED_FILES) {
    const text = await readFile(join(dataDir, name), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = auditEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) all.push(parsed.data);
      } catch {
        // a line cut by a crash mid-write: the others are still read
      }
    }
  }
  all.push(...state.audit);
  const seen = new Set<string>();
  const unique: AuditEntry[] = [];
  for (const entry of all) {
    const id = JSON.stringify([entry.at, entry.who, entry.action, entry.target, entry.outcome, entry.detail]);
    if (seen.has(id)) continue;
    seen.add(id);
    // Written by older versions or by hand: a key never shows whole.
    unique.push({
      ...entry,
      ...(entry.target !== undefined ? { target: maskKeysIn(entry.target) } : {}),
      ...(entry.detail !== undefined ? { detail: maskKeysIn(entry.detail) } : {}),
      ...(entry.detailReason !== undefined ? { detailReason: { ...entry.detailReason, params: maskedParams(entry.detailReason.params) } } : {}),
    });
  }
  return unique;
}
