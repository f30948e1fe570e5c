import { auditFailure, type AuditDetailFields } from '../domain/audit-words.js';
import { appendAudit, type PbxStore } from '../store/pbx-store.js';

/**
 * Record a module operation in the audit log, whatever its outcome. Like the store's
 * `audited`, plus a detail on success (`auditDetail(id, values)`: worded in the language in use
 * when shown); a failure records its error's reason, and a license key in any message or value
 * is masked: a remote service's wording is not ours to trust.
 */
export async function auditedModuleOperation<R>(store: PbxStore, action: string, target: string, run: () => Promise<R>, detailOf?: (result: R) => AuditDetailFields | undefined): Promise<R> {
  let result: R;
  try {
    result = await run();
  } catch (error) {
    await store.update((s) => appendAudit(s, { action, target, outcome: 'failed', ...auditFailure(error) })).catch(() => undefined);
    throw error;
  }
  const detail = detailOf?.(result);
  await store.update((s) => appendAudit(s, { action, target, outcome: 'ok', ...(detail ?? {}) }));
  return result;
}
