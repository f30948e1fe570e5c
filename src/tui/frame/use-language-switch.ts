import { useCallback } from 'react';
import { describeError } from '../../domain/errors.js';
import { LANGUAGE_NAMES, LANGUAGE_NAMES_ASCII, languageOf, loadMessages, nextLanguage, useMessages, type Messages } from '../../i18n/index.js';
import { useToast } from '../components/toast/index.js';
import { useConsole } from '../console-context.js';

/** The language the language key switches to, by its own name ("Русский" in an English console; "Russkiy" under --ascii). */
export function nextLanguageName(messages: Messages, unicode = true): string {
  return (unicode ? LANGUAGE_NAMES : LANGUAGE_NAMES_ASCII)[nextLanguage(languageOf(messages))];
}

/**
 * The language key (L): the console goes to the next language at once, and the choice is saved
 * as the store's `settings.language`, so the console and the command line start in it next
 * time. A read-only console, or a store that cannot be written, switches for this session only
 * and says so — in the language just chosen.
 */
export function useLanguageSwitch(setMessages: (messages: Messages) => void): () => void {
  const messages = useMessages();
  const { pbx, readonly } = useConsole();
  const toast = useToast();
  return useCallback(() => {
    const language = nextLanguage(languageOf(messages));
    void (async () => {
      const next = await loadMessages(language);
      setMessages(next);
      if (readonly) {
        toast.info(next.language.switchedReadonly);
        return;
      }
      try {
        // Loaded on use: the store's code (and its schema library) is not part of the first frame.
        const { saveLanguage } = await import('../../store/language-setting.js');
        await saveLanguage(pbx.store, language);
        toast.success(next.language.switched);
      } catch (error) {
        toast.error(next.language.notSaved(describeError(error, next)));
      }
    })();
  }, [messages, pbx, readonly, toast, setMessages]);
}
