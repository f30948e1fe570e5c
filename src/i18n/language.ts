/**
 * Which language a person reads: `--lang`, then the store's `settings.language`, then the
 * locale variables (LC_ALL, LC_MESSAGES, LANG — the first one set wins, as POSIX says), then
 * English. This file imports nothing: the entry reads it before anything else loads.
 */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a language picker shows it to someone who reads only that one. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ru: 'Русский' };
/** The same in ASCII, for `--ascii` terminals that cannot show another script (a Russian reader knows "Russkiy"). */
export const LANGUAGE_NAMES_ASCII: Readonly<Record<Language, string>> = { en: 'English', ru: 'Russkiy' };

/** The language after `language` in LANGUAGES (the console's language key goes round them). */
export function nextLanguage(language: Language): Language {
  return LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length]!;
}

/** `ru`, `RU`, `ru_RU.UTF-8`, `ru-RU` → 'ru'; anything that names no language here → undefined. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  if (!value) return undefined;
  const code = value.trim().toLowerCase().split(/[_.@-]/)[0];
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : undefined;
}

/** The language the locale variables name; `C`, `POSIX` and unknown languages mean none here. */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    // The first variable that is set decides, even when it names a language we do not have.
    if (value) return parseLanguage(value);
  }
  return undefined;
}

export interface LanguageSources {
  /** `--lang`, already checked. */
  flag?: Language | undefined;
  /** The store's `settings.language` (null: not chosen). */
  stored?: Language | null | undefined;
  env?: Readonly<Record<string, string | undefined>>;
}

export function chooseLanguage({ flag, stored, env = {} }: LanguageSources): Language {
  return flag ?? stored ?? languageFromEnvironment(env) ?? 'en';
}
