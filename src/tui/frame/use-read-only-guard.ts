import { useMessages } from '../../i18n/index.js';
import { useToast } from '../components/toast/index.js';
import { useConsole } from '../console-context.js';
import { KeyPriority, useKeyLayer } from '../hooks/use-keymap.js';
import type { KeyHelp } from '../keys/key-help.js';

/**
 * Read-only for every screen at once: a key the live screen marks `changes` is refused here,
 * with a toast saying why, before the screen hears it. The layer sits above the screen and its
 * widgets and below text entry and dialogs, so a letter typed into a field or a filter is text,
 * never a refusal.
 */
export function useReadOnlyGuard(screenKeys: readonly KeyHelp[], isActive: boolean): void {
  const { readonly } = useConsole();
  const toast = useToast();
  const messages = useMessages();
  useKeyLayer(
    (e) => {
      const refused = screenKeys.find((entry) => entry.changes && (entry.command ? [entry.command] : (entry.commands ?? [])).some((c) => e.is(c)));
      if (!refused) return false;
      toast.error(messages.readOnly.refused(refused.description));
      return true;
    },
    { priority: READ_ONLY_GUARD, isActive: readonly && isActive },
  );
}

/** Above `KeyPriority.widget` (a table's keys), below `KeyPriority.field` (text entry). */
const READ_ONLY_GUARD = (KeyPriority.widget + KeyPriority.field) / 2;

/** What help and footer offer in read-only mode: the keys that change nothing, and a note saying so. */
export function keysOfferedReadOnly(keys: readonly KeyHelp[], note: string): KeyHelp[] {
  return [{ keys: '', description: note }, ...keys.filter((k) => !k.changes)];
}
