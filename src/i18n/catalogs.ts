import { activeMessages, setActiveMessages } from './active.js';
import { en, type Messages } from './en.js';
import { chooseLanguage, type Language, type LanguageSources } from './language.js';

/** The language each loaded catalog is in (a catalog does not name itself). */
const languages = new WeakMap<Messages, Language>([[en, 'en']]);

/**
 * The catalog of a language. English is always loaded; Russian is loaded on first use, so
 * an English start pays nothing for it.
 */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'en') return en;
  const { ru } = await import('./ru.js');
  languages.set(ru, 'ru');
  return ru;
}

/** The language of a loaded catalog (for plural rules, dates and numbers). */
export function languageOf(messages: Messages): Language {
  return languages.get(messages) ?? 'en';
}

/** Choose the language (flag, store, locale, English), load its catalog and make it the one in use. */
export async function applyLanguage(sources: LanguageSources): Promise<Messages> {
  const messages = await loadMessages(chooseLanguage({ env: process.env, ...sources }));
  setActiveMessages(messages);
  return messages;
}

/** English messages, for code that runs before a language is chosen. */
export const t: Messages = en;

/** The catalog in use outside React (the command line, startup and shutdown). */
export function currentMessages(): Messages {
  return activeMessages();
}

