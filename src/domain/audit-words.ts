import { en, type Messages } from '../i18n/en.js';
import type { AuditDetailReason, AuditEntry } from '../store/schema.js';
import { PbxmodError, renderReason, type Reason } from './errors.js';
import { maskKeysIn } from './license-key.js';

type AuditDetails = Messages['screens']['audit']['details'];
export type AuditDetailId = keyof AuditDetails;

/** What an entry records of its detail: the words in English, and the id and values for any language. */
export interface AuditDetailFields {
  detail?: string;
  detailReason?: AuditDetailReason;
}

/** A license key in any string of the values is masked; a value JSON cannot keep becomes its text. */
export function maskedParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return maskKeysIn(value);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
    if (Array.isArray(value)) return value.map(mask);
    if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, mask(v)]));
    return value === undefined ? null : maskKeysIn(String(value));
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, mask(v)]));
}

/** A success's detail: `auditDetail('updatedAll', {updated: 2, failed: 0})`, checked against the English catalog. */
export function auditDetail<K extends AuditDetailId>(id: K, ...params: Parameters<AuditDetails[K]>): Required<AuditDetailFields> {
  const values = maskedParams((params[0] ?? {}) as Record<string, unknown>);
  const detailReason: AuditDetailReason = { kind: 'detail', id, params: values };
  return { detail: maskKeysIn(wordsOf(en, detailReason) ?? id), detailReason };
}

/** A failure's detail: the error's reason when it has one (the service's own words stay as they are). */
export function auditFailure(error: unknown): AuditDetailFields {
  if (error instanceof PbxmodError && error.reason) {
    const detailReason: AuditDetailReason = { kind: 'error', id: error.reason.id, params: maskedParams(error.reason.params) };
    return { detail: maskKeysIn(error.describe(en).message), detailReason };
  }
  return { detail: maskKeysIn(error instanceof Error ? error.message : String(error)) };
}

/** The words of a detail reason in a catalog; undefined when the catalog does not know it or its values do not fit. */
function wordsOf(messages: Messages, { kind, id, params }: AuditDetailReason): string | undefined {
  try {
    if (kind === 'error') {
      if (!(id in messages.errors)) return undefined;
      return renderReason(messages, { id, params } as Reason).message;
    }
    const entry = (messages.screens.audit.details as Record<string, ((p: unknown) => string) | undefined>)[id];
    return entry ? entry(params) : undefined;
  } catch {
    // A value of the wrong shape (written by hand, or by another version): the stored words stay.
    return undefined;
  }
}

/**
 * An entry's detail in a catalog's language: its reason worded, or, for an entry written before
 * entries had reasons (or one this version does not know), its stored detail as it is. A license
 * key never shows whole.
 */
export function auditDetailText(entry: Pick<AuditEntry, 'detail' | 'detailReason'>, messages: Messages): string | undefined {
  const words = entry.detailReason ? wordsOf(messages, entry.detailReason) : undefined;
  const text = words ?? entry.detail;
  return text === undefined ? undefined : maskKeysIn(text);
}

/** An action in words (`module.enable` → "enable module"); one the catalog does not know is its code. */
export function auditActionText(action: string, messages: Messages): string {
  return messages.screens.audit.actions[action] ?? action;
}
