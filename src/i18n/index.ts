import { createContext, createElement, useContext, type ReactNode } from 'react';
import { en, type Messages } from './en.js';

export type { Messages } from './en.js';

/** Languages the PBX store can name (settings.language). */
export type Language = 'en' | 'ru';

const catalogs: Partial<Record<Language, Messages>> = { en };

/** The catalog for a language; English until the Russian one exists. */
export function messagesFor(language: Language | undefined = 'en'): Messages {
  return catalogs[language] ?? en;
}

/** Whether the store's language setting can change anything: false while English is the only catalog. */
export function hasTranslations(): boolean {
  return Object.keys(catalogs).length > 1;
}

/** English messages for code outside React (startup, shutdown, pure helpers). */
export const t: Messages = en;

const MessagesContext = createContext<Messages>(en);

/** Makes `useMessages()` return the given catalog below it. */
export function MessagesProvider({ messages, children }: { messages: Messages; children?: ReactNode }) {
  return createElement(MessagesContext.Provider, { value: messages }, children);
}

/** The message catalog of the console's language: `useMessages().screens.modules.title`. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
