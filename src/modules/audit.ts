import { maskKeysIn } from '../domain/license-key.js';
import { appendAudit, type PbxStore } from '../store/pbx-store.js';

/**
 * Record a module operation in the audit log, whatever its outcome. Like the store's
 * `audited`, plus a detail on success, and a license key in any message is masked: a remote
 * service's wording is not ours to trust.
 */
export async function auditedModuleOperation<R>(store: PbxStore, action: string, target: string, run: () => Promise<R>, detailOf?: (result: R) => string | undefined): Promise<R> {
  let result: R;
  try {
    result = await run();
  } catch (error) {
    const detail = maskKeysIn(error instanceof Error ? error.message : String(error));
    await store.update((s) => appendAudit(s, { action, target, outcome: 'failed', detail })).catch(() => undefined);
    throw error;
  }
  const detail = detailOf?.(result);
  await store.update((s) => appendAudit(s, { action, target, outcome: 'ok', ...(detail ? { detail } : {}) }));
  return result;
}
