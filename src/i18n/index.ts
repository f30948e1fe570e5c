import { createContext, createElement, useContext, type ReactNode } from 'react';
import { en, type Messages } from './en.js';

export type { Messages } from './en.js';
export type { Language, LanguageSources } from './language.js';
export { LANGUAGES, LANGUAGE_NAMES, LANGUAGE_NAMES_ASCII, nextLanguage, chooseLanguage, languageFromEnvironment, parseLanguage } from './language.js';
export { activeMessages, setActiveMessages } from './active.js';
export { pluralForm, type PluralForms } from './plural.js';
export { applyLanguage, currentMessages, languageOf, loadMessages, t } from './catalogs.js';

const MessagesContext = createContext<Messages>(en);

/** Makes `useMessages()` return the given catalog below it. */
export function MessagesProvider({ messages, children }: { messages: Messages; children?: ReactNode }) {
  return createElement(MessagesContext.Provider, { value: messages }, children);
}

/** The message catalog of the console's language: `useMessages().screens.modules.title`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
