// Run by bench/startup.mjs (bundled first): the language choice alone, in a fresh process as at
// a start — `--lang`, the store's settings.language, the locale — timed from the call until its
// catalog is the one in use. Prints {"ms": ..., "language": ...}.
//
//   node choose-language.js LANG_FLAG|- DATA_DIR [LANG]
import { performance } from 'node:perf_hooks';
import { chooseLanguage } from '../../src/language.js';
import { languageOf } from '../../src/i18n/catalogs.js';

const [flag = '-', dataDir, locale] = process.argv.slice(2);
for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete process.env[name];
if (locale) process.env.LANG = locale;

const started = performance.now();
const messages = await chooseLanguage({ lang: flag === '-' ? undefined : flag, dataDir });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, language: languageOf(messages) }));
