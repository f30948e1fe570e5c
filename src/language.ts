import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveDataDir } from './config.js';
import { ValidationError, reason } from './domain/errors.js';
import { applyLanguage } from './i18n/catalogs.js';
import type { Messages } from './i18n/en.js';
import { LANGUAGES, parseLanguage, type Language } from './i18n/language.js';

/** `--lang`, checked: a language this program has, or a clear refusal (exit 2). */
export function languageFlag(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  const language = parseLanguage(value);
  if (!language) throw new ValidationError(reason('language_unknown', { value, known: LANGUAGES.join(', ') }), 'lang');
  return language;
}

/**
 * Choose this process's language — `--lang`, the store's `settings.language`, the locale,
 * English — and make its catalog the one in use. The store is read as plain JSON: a store that
 * cannot be read leaves the choice to the locale (the command or the console then says what is
 * wrong with it, in that language).
 */
export async function chooseLanguage(options: { lang?: string | undefined; dataDir?: string | undefined }): Promise<Messages> {
  let flag: Language | undefined;
  try {
    flag = languageFlag(options.lang);
  } catch (error) {
    // `--lang xx` is refused in the language the person would get without it (store, locale).
    await applyLanguage({ stored: await storedLanguage(options.dataDir) });
    throw error;
  }
  const stored = flag ? undefined : await storedLanguage(options.dataDir);
  return applyLanguage({ flag, stored });
}

async function storedLanguage(dataDir: string | undefined): Promise<Language | undefined> {
  try {
    // The same file as pbxStoreFile() (store/pbx-store.ts), without loading the store's code.
    const state = JSON.parse(await readFile(join(resolveDataDir(dataDir), 'pbx.json'), 'utf8')) as { settings?: { language?: unknown } };
    const value = state.settings?.language;
    return typeof value === 'string' ? parseLanguage(value) : undefined;
  } catch {
    return undefined;
  }
}
