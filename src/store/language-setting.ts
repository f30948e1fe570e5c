import type { Language } from '../i18n/language.js';
import { auditDetail } from '../domain/audit-words.js';
import { appendAudit, type PbxStore } from './pbx-store.js';

/**
 * Save the language chosen for this PBX (`settings.language`): the console and the command
 * line start in it next time, before the locale. `null` leaves the choice to the locale again.
 */
export async function saveLanguage(store: PbxStore, language: Language | null): Promise<void> {
  await store.update((state) => {
    state.settings.language = language;
    appendAudit(state, { action: 'config.language', target: language ?? 'locale', outcome: 'ok', ...auditDetail('language', { language }) });
  });
}
