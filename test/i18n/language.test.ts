import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import { chooseLanguage, languageFromEnvironment, parseLanguage } from '../../src/i18n/language.js';
import { openPbxStore, pbxStoreFile } from '../../src/store/pbx-store.js';
import { PBXMOD_BIN, runProgram, tempDir, type CliResult } from '../support/cli.js';

describe('parseLanguage', () => {
  it('takes a language code or a locale name, in any case', () => {
    for (const value of ['ru', 'RU', 'ru_RU', 'ru_RU.UTF-8', 'ru-RU', 'ru_UA.KOI8-U', 'ru_RU@euro', ' ru ']) assert.equal(parseLanguage(value), 'ru', value);
    for (const value of ['en', 'EN', 'en_US.UTF-8', 'en_GB', 'en-us']) assert.equal(parseLanguage(value), 'en', value);
  });

  it('names no language for C, POSIX, languages pbxmod lacks, and nothing', () => {
    for (const value of ['C', 'C.UTF-8', 'POSIX', 'de_DE.UTF-8', 'uk_UA', 'russian', 'rus', 'xx', '', '  ', null, undefined]) {
      assert.equal(parseLanguage(value), undefined, String(value));
    }
  });
});

describe('languageFromEnvironment', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(languageFromEnvironment({ LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'ru');
    assert.equal(languageFromEnvironment({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'ru_RU.UTF-8' }), 'en');
    assert.equal(languageFromEnvironment({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }), 'ru');
    assert.equal(languageFromEnvironment({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }), 'en');
    assert.equal(languageFromEnvironment({ LANG: 'ru_RU.UTF-8' }), 'ru');
  });

  it('the first variable set decides, even when it names no language pbxmod has (C, German)', () => {
    assert.equal(languageFromEnvironment({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }), undefined);
    assert.equal(languageFromEnvironment({ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'ru_RU.UTF-8' }), undefined);
    assert.equal(languageFromEnvironment({ LANG: 'C' }), undefined);
    assert.equal(languageFromEnvironment({ LANG: 'POSIX' }), undefined);
  });

  it('an empty variable counts as unset, as POSIX says', () => {
    assert.equal(languageFromEnvironment({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' }), 'ru');
    assert.equal(languageFromEnvironment({}), undefined);
    // Other LC_ variables say nothing about messages.
    assert.equal(languageFromEnvironment({ LC_CTYPE: 'ru_RU.UTF-8', LC_TIME: 'ru_RU.UTF-8' }), undefined);
  });
});

describe('chooseLanguage', () => {
  const russianLocale = { LANG: 'ru_RU.UTF-8' };
  it('--lang beats the store, the store beats the locale, the locale beats English', () => {
    assert.equal(chooseLanguage({ flag: 'en', stored: 'ru', env: russianLocale }), 'en');
    assert.equal(chooseLanguage({ flag: 'ru', stored: 'en', env: { LANG: 'en_US.UTF-8' } }), 'ru');
    assert.equal(chooseLanguage({ stored: 'en', env: russianLocale }), 'en');
    assert.equal(chooseLanguage({ stored: 'ru', env: { LC_ALL: 'en_US.UTF-8' } }), 'ru');
    assert.equal(chooseLanguage({ stored: null, env: russianLocale }), 'ru');
    assert.equal(chooseLanguage({ env: russianLocale }), 'ru');
  });

  it('English when nothing names a language, or the locale is C', () => {
    assert.equal(chooseLanguage({}), 'en');
    assert.equal(chooseLanguage({ stored: null, env: {} }), 'en');
    assert.equal(chooseLanguage({ env: { LANG: 'C' } }), 'en');
    assert.equal(chooseLanguage({ env: { LC_ALL: 'de_DE.UTF-8', LANG: 'ru_RU.UTF-8' } }), 'en');
  });
});

// The built program, as a person runs it. The words checked are ones the foundation already has
// in Russian (src/i18n/ru/errors/general.ts): a bad --size refused by the console, a bad --lang.
const RUSSIAN_SIZE = /--size задаётся как столбцы x строки, например 80x24; указано «80by24»\./;
const ENGLISH_SIZE = /--size must be columns x rows, like 80x24; got "80by24"\./;

/** This process's environment without any locale variable: each test names its own. */
const neutralEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(LC_ALL|LC_MESSAGES|LANG|LANGUAGE|PBXMOD_.*)$/.test(name)));

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `pbxmod ARGS` with the store in `dataDir`, in a pseudo-terminal (the console needs one). */
function consoleInTerminal(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const command = [process.execPath, PBXMOD_BIN, '--data-dir', dataDir, ...args].map((part) => `'${part}'`).join(' ');
  return runProgram('script', ['-qec', command, '/dev/null'], { baseEnv: neutralEnv, env });
}

/** `pbxmod ARGS` with the store in `dataDir`, without a terminal. */
function commandLine(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runProgram(process.execPath, [PBXMOD_BIN, '--data-dir', dataDir, ...args], { baseEnv: neutralEnv, env });
}

describe('the language a person gets from the built program', { skip: hasScript ? false : 'needs util-linux script(1) for a pseudo-terminal' }, () => {
  const stores: Record<'ru' | 'en' | 'unset', string> = { ru: '', en: '', unset: '' };
  const removers: Array<() => Promise<void>> = [];

  before(async () => {
    for (const language of ['ru', 'en', 'unset'] as const) {
      const dir = await tempDir(`pbxmod-lang-${language}-`);
      removers.push(dir.remove);
      stores[language] = dir.path;
      // The store made by the program itself, then its language set as `config set language` does.
      const made = await commandLine(dir.path, ['license', 'show'], { LANG: 'C' });
      assert.equal(made.code, 0, made.stderr);
      if (language !== 'unset') await openPbxStore(dir.path).update((state) => void (state.settings.language = language));
    }
  });
  after(async () => {
    for (const remove of removers) await remove();
  });

  it('--lang beats the store', async () => {
    const english = await consoleInTerminal(stores.ru, ['--lang', 'en', '--size', '80by24'], { LANG: 'ru_RU.UTF-8' });
    assert.equal(english.code, 2, english.stdout);
    assert.match(english.stdout, ENGLISH_SIZE);
    const russian = await consoleInTerminal(stores.en, ['--lang=ru', '--size', '80by24'], { LANG: 'en_US.UTF-8' });
    assert.equal(russian.code, 2, russian.stdout);
    assert.match(russian.stdout, RUSSIAN_SIZE);
  });

  it('the store beats LC_ALL, LC_MESSAGES and LANG', async () => {
    const russian = await consoleInTerminal(stores.ru, ['--size', '80by24'], { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' });
    assert.match(russian.stdout, RUSSIAN_SIZE);
    const english = await consoleInTerminal(stores.en, ['--size', '80by24'], { LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'ru_RU.UTF-8' });
    assert.match(english.stdout, ENGLISH_SIZE);
  });

  it('with no language in the store: LC_ALL beats LC_MESSAGES beats LANG', async () => {
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).stdout, RUSSIAN_SIZE);
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], { LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).stdout, ENGLISH_SIZE);
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], { LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).stdout, RUSSIAN_SIZE);
  });

  it('LANG=C, or LC_ALL=C over a Russian LANG, is English', async () => {
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], { LANG: 'C' })).stdout, ENGLISH_SIZE);
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' })).stdout, ENGLISH_SIZE);
    assert.match((await consoleInTerminal(stores.unset, ['--size', '80by24'], {})).stdout, ENGLISH_SIZE);
  });

  it('--lang xx exits 2 and says which languages there are and what to type, for the console and for a command', async () => {
    for (const args of [['--lang', 'xx'], ['--lang=xx'], ['--lang', 'xx', 'license', 'show'], ['license', 'show', '--lang', 'xx']]) {
      const result = await commandLine(stores.unset, args, { LANG: 'en_US.UTF-8' });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^pbxmod: --lang must name a language pbxmod has \(en, ru\); got "xx"\.\nUse --lang ru or --lang en\.\n$/, args.join(' '));
    }
  });

  it('--lang xx is refused in the language the person would get without it', async () => {
    const russianLocale = await commandLine(stores.unset, ['--lang', 'xx', 'license', 'show'], { LANG: 'ru_RU.UTF-8' });
    assert.equal(russianLocale.code, 2);
    assert.match(russianLocale.stderr, /указано «xx»\.\nУкажите --lang ru или --lang en\./);
    const russianStore = await commandLine(stores.ru, ['--lang', 'xx'], { LANG: 'en_US.UTF-8' });
    assert.equal(russianStore.code, 2);
    assert.match(russianStore.stderr, /Укажите --lang ru или --lang en\./);
    const englishStore = await commandLine(stores.en, ['--lang', 'xx'], { LANG: 'ru_RU.UTF-8' });
    assert.match(englishStore.stderr, /Use --lang ru or --lang en\./);
  });

  it('a refused --lang leaves the store as it was, and makes none where there was none', async () => {
    const empty = await tempDir('pbxmod-lang-none-');
    try {
      const result = await commandLine(empty.path, ['--lang', 'xx', 'license', 'show']);
      assert.equal(result.code, 2);
      await assert.rejects(access(pbxStoreFile(empty.path)), 'no store was made');
    } finally {
      await empty.remove();
    }
    assert.equal((await openPbxStore(stores.ru).read()).settings.language, 'ru');
  });
});
