import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempDir, type CliResult } from '../support/cli.js';

/** No locale from the machine running the tests: each test names the one it means. */
const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };
const COUPON = 'MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD';
const CYRILLIC = /[а-яё]/i;

/**
 * Words of Latin letters left in a Russian --help once flags, placeholders, `code`, $VARIABLES
 * and names are taken out: each one is English that should have been translated.
 */
const NAMES = new Set([
  'pbxmod', 'id', 'ID', 'MikoPBX', 'MIKO', 'MIKOUPD', 'XXXXX', 'DIALPLAN', 'PHP', 'AGI', 'php', 'plaintext', 'agi', 'bin', 'conf', 'Asterisk',
  'zip', 'ps', 'echo', 'cron', 'git', 'commit', 'email', 'loopback', 'LC', 'ALL', 'MESSAGES', 'LANG', 'ru', 'en', 'auto', 'DNS', 'TCP',
  'TLS', 'HTTP', 'URL', 'API', 'JSON', 'ASCII', 'Unicode', 'PostgreSQL', 'postgres', 'user', 'host', 'port', 'db', 'licensing', 'json',
  'operator', 'token', 'service', 'secret', 'data', 'dir', 'Custom', 'PJSIP', 'Users', 'UI', 'Bitrix24', 'INN', 'VAT', 'DisabledByLicense',
  'XDG', 'HOME', 'Ctrl', 'applications', 'dialplan', 'DATA', 'DIR', 'ModuleBackup',
]);

function englishWordsIn(help: string, commandNames: readonly string[]): string[] {
  const stripped = help
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|[\s(,])--?[a-zA-Z][\w-]*/g, ' ')
    .replace(/\$[A-Z_]+/g, ' ');
  const words = stripped.match(/[A-Za-z][A-Za-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => !NAMES.has(w) && !commandNames.includes(w)))];
}

describe('the command line in Russian', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const pbxmod = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runCli(['--data-dir', dir.path, ...args], { env: { ...NO_LOCALE, ...env } });

  before(async () => {
    dir = await tempDir();
    const registered = await pbxmod(['license', 'register', '--company', 'ООО Ромашка', '--email', 'admin@romashka.example', '--contact', 'Иван Петров']);
    assert.equal(registered.code, 0, registered.stderr);
  });
  after(() => dir.remove());

  test('`--lang ru license coupon` with an unknown coupon explains error 2040 in Russian and says what to do', async () => {
    const text = await pbxmod(['--lang', 'ru', 'license', 'coupon', COUPON]);
    assert.equal(text.code, 1);
    const [message, hint, ...rest] = text.stderr.trimEnd().split('\n');
    assert.equal(message, 'pbxmod: Ошибка лицензии 2040: такого купона нет.');
    assert.match(hint ?? '', /^Проверьте код купона .*MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX.* введите его снова/);
    assert.deepEqual(rest, []);
    assert.doesNotMatch(text.stderr, /No such coupon|There is no coupon/, 'the service\'s English sentence is not shown');

    const json = await pbxmod(['--lang', 'ru', '--json', 'license', 'coupon', COUPON]);
    assert.equal(json.code, 1);
    assert.equal(json.json.ok, false);
    assert.equal(json.json.error.code, 2040);
    assert.equal(json.json.error.reason, 'license_2040');
    assert.match(json.json.error.params.serviceMessage, /coupon/, 'the service\'s own sentence stays in the values');
    assert.equal(json.json.error.message, 'Ошибка лицензии 2040: такого купона нет.');
    assert.match(json.json.error.hint, /^Проверьте код купона/);
  });

  test('the same error in English reads as before', async () => {
    const text = await pbxmod(['--lang', 'en', 'license', 'coupon', COUPON]);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /^pbxmod: License error 2040: No such coupon\. There is no coupon MIKOUPD-AAAAA-…\nManage license bindings in the session monitor \(console screen 4, or `pbxmod sessions list` \/ `pbxmod sessions drop HOST`\)\.\n$/);
  });

  test('`--lang ru modules --help` is Russian: commander\'s headings, the help option, every description', async () => {
    const help = await pbxmod(['--lang', 'ru', 'modules', '--help']);
    assert.equal(help.code, 0, help.stderr);
    for (const heading of ['Использование: pbxmod modules [параметры] [команда]', 'Параметры:', 'Команды:', 'показать справку по команде', 'help [команда]']) {
      assert.ok(help.stdout.includes(heading), `${heading}\n${help.stdout}`);
    }
    assert.deepEqual(englishWordsIn(help.stdout, ['modules', 'list', 'available', 'info', 'install', 'update', 'enable', 'disable', 'remove', 'delete', 'restore', 'help']), []);
    const english = await pbxmod(['--lang', 'en', 'modules', '--help']);
    assert.match(english.stdout, /^Usage: pbxmod modules \[options\] \[command\]\n/);
    assert.match(english.stdout, /\n {2}help \[command\] +display help for command\n/);
  });

  test('every command\'s --help in Russian leaves no English words but names, flags and placeholders', async () => {
    const paths = [
      [], ['license'], ['license', 'register'], ['license', 'set-key'], ['license', 'show'], ['license', 'coupon'], ['license', 'diagnose'], ['license', 'reset'],
      ['license', 'check'], ['modules', 'list'], ['modules', 'available'], ['modules', 'info'], ['modules', 'install'], ['modules', 'update'], ['modules', 'remove'],
      ['sessions'], ['sessions', 'list'], ['sessions', 'drop'], ['serve'], ['service'], ['service', 'coupon', 'create'], ['service', 'coupon', 'block'],
      ['service', 'seats', 'add'], ['service', 'outbox'], ['dialplan'], ['dialplan', 'add'], ['dialplan', 'edit'], ['dialplan', 'export'], ['dialplan', 'preview'],
      ['config'], ['config', 'set'], ['modules', 'enable'], ['modules', 'disable'], ['modules', 'restore'], ['license', 'capture'], ['audit'], ['help'],
    ];
    const names = ['license', 'register', 'set', 'key', 'show', 'coupon', 'diagnose', 'reset', 'check', 'modules', 'sessions', 'list', 'drop', 'serve', 'service',
      'create', 'block', 'seats', 'add', 'outbox', 'dialplan', 'edit', 'copy', 'rm', 'export', 'preview', 'config', 'get', 'language', 'help',
      'restore', 'capture', 'audit', 'ids',
      // What `audit --since/--action` take, as codes: an ISO time (2026-12-01T09:30), an action's noun (module).
      'T09', 'module',
      // An environment variable's name, like a flag.
      'PBXMOD', 'READONLY',
      // Argument names, as the "Arguments:" list shows them (placeholders, like flags).
      'value', 'code', 'available', 'info', 'install', 'update', 'enable', 'disable', 'remove', 'delete'];
    for (const path of paths) {
      const help = await pbxmod(['--lang', 'ru', ...path, '--help']);
      assert.equal(help.code, 0, `${path.join(' ')}: ${help.stderr}`);
      assert.match(help.stdout, /^Использование: /, path.join(' '));
      assert.deepEqual(englishWordsIn(help.stdout, names), [], `pbxmod ${path.join(' ')} --help:\n${help.stdout}`);
    }
  });

  test('commander\'s usage errors are Russian too, and still exit 2', async () => {
    const unknown = await pbxmod(['--lang', 'ru', 'modules', 'list', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'ошибка: неизвестный параметр «--bogus»\n(список команд: `pbxmod --help`)\n');
    const missing = await pbxmod(['--lang', 'ru', 'modules', 'info']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^ошибка: не указан обязательный аргумент «id»\n/);
    const tooMany = await pbxmod(['--lang', 'ru', 'modules', 'info', 'A', 'B']);
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.stderr, /^ошибка: слишком много аргументов для «info»: ожидается 1, указано 2\.\n/);
    const unknownCommand = await pbxmod(['--lang', 'ru', 'modules', 'instal']);
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /^pbxmod: неизвестная команда 'modules instal'\. Возможно, имелась в виду 'modules install'\?\n/);
    const english = await pbxmod(['--lang', 'en', 'modules', 'instal']);
    assert.match(english.stderr, /^pbxmod: unknown command 'modules instal'\. Did you mean 'modules install'\?\n/);
  });

  test('a dialplan number that is busy: Russian words, the code and the values in JSON', async () => {
    const json = await pbxmod(['--lang', 'ru', '--json', 'dialplan', 'add', '--name', 'Приветствие', '--ext', '201']);
    assert.equal(json.code, 2);
    assert.equal(json.json.error.code, 'dialplan_number_busy');
    assert.deepEqual(json.json.error.params, { number: '201', kind: 'employee', owner: 'Reception', suggestion: '2200101' });
    assert.equal(json.json.error.field, 'extension');
    assert.equal(json.json.error.message, 'Номер 201 занят: его использует сотрудник «Reception». Выберите другой номер, например 2200101.');
    const text = await pbxmod(['--lang', 'ru', 'dialplan', 'add', '--name', 'Приветствие', '--ext', '201']);
    assert.equal(text.code, 2);
    assert.equal(text.stderr, 'pbxmod: Номер 201 занят: его использует сотрудник «Reception». Выберите другой номер, например 2200101.\nНичего не сохранено.\n');
    const several = await pbxmod(['--lang', 'ru', 'dialplan', 'add', '--ext', '201', '--type', 'perl']);
    assert.equal(several.code, 2);
    assert.match(several.stderr, /^pbxmod: Название обязательно.*\nНомер 201 занят.*\nТип «perl» неизвестен.*\n3 поля требуют исправления; ничего не сохранено\.\n$/);
  });

  test('results, tables and confirmations are Russian', async () => {
    const list = await pbxmod(['--lang', 'ru', 'modules', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^Ни один модуль не установлен\./);
    const show = await pbxmod(['--lang', 'ru', 'license', 'show']);
    assert.match(show.stdout, /^Лицензионный ключ {2}MIKO-\*{5}-\*{5}-\*{5}-[A-Z0-9]{5} {2}\(--reveal покажет его\)\nВладелец {5}ООО Ромашка: Иван Петров, admin@romashka\.example\nПродукт {6}MikoPBX: пробная, действует до \d{4}-\d\d-\d\d \(осталось 30 дней\)\n {15}1 лицензия на MikoPBX free license \(33\), занято: 1\nПривязки этой АТС\n {2}функция 33: есть\n$/);
    const refused = await pbxmod(['--lang', 'ru', 'license', 'reset']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^pbxmod: Сбросить лицензионный ключ MIKO-\*{5}-\*{5}-\*{5}-[A-Z0-9]{5}\? .* Не подтверждено: нет терминала, чтобы спросить\.\nДобавьте --yes, чтобы подтвердить из скрипта\.\n$/);
  });
});

describe('choosing the language: --lang, then the store, then the locale', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const pbxmod = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runCli(['--data-dir', dir.path, ...args], { env: { ...NO_LOCALE, ...env } });
  const storedLanguage = async () => (JSON.parse(await readFile(join(dir.path, 'pbx.json'), 'utf8')) as { settings: { language: string | null } }).settings.language;

  before(async () => {
    dir = await tempDir();
  });
  after(() => dir.remove());

  test('LANG=ru_RU.UTF-8 picks Russian; no locale is English', async () => {
    const russian = await pbxmod(['dialplan', 'list', '--filter', 'nothing-like-this'], { LANG: 'ru_RU.UTF-8' });
    assert.equal(russian.stdout, 'Нет приложений диалплана, подходящих под «nothing-like-this».\n');
    const english = await pbxmod(['dialplan', 'list', '--filter', 'nothing-like-this']);
    assert.equal(english.stdout, 'No dialplan application matches "nothing-like-this".\n');
  });

  test('`config set language ru` makes the next command Russian, over the locale; --lang en overrides the store; auto gives it back to the locale', async () => {
    const set = await pbxmod(['config', 'set', 'language', 'ru'], { LANG: 'en_US.UTF-8' });
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout, 'Language set to ru: the console and the commands use it from their next start.\n', 'said in the language this command started in');
    assert.equal(await storedLanguage(), 'ru');

    const stored = await pbxmod(['modules', 'list'], { LANG: 'en_US.UTF-8' });
    assert.match(stored.stdout, /^Ни один модуль не установлен\./, 'the store overrides LANG');
    const get = await pbxmod(['config', 'get', 'language']);
    assert.equal(get.stdout, 'language  ru\n');
    const flag = await pbxmod(['--lang', 'en', 'modules', 'list'], { LANG: 'ru_RU.UTF-8' });
    assert.match(flag.stdout, /^No module is installed\./, '--lang overrides the store');

    const auto = await pbxmod(['--json', 'config', 'set', 'language', 'auto']);
    assert.equal(auto.json.language, null);
    assert.equal(await storedLanguage(), null);
    const byLocale = await pbxmod(['modules', 'list'], { LANG: 'ru_RU.UTF-8' });
    assert.match(byLocale.stdout, /^Ни один модуль не установлен\./);
    const english = await pbxmod(['modules', 'list']);
    assert.match(english.stdout, /^No module is installed\./);
  });

  test('a language pbxmod does not have, or a setting it does not know, is refused with what to do', async () => {
    const bad = await pbxmod(['--lang', 'ru', 'config', 'set', 'language', 'de']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'pbxmod: language не может быть «de»; допустимо: en, ru, auto.\nПример: pbxmod config set language en\n');
    const unknown = await pbxmod(['--json', 'config', 'get', 'colour']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.json.error.code, 'config_key_unknown');
    assert.deepEqual(unknown.json.error.params, { key: 'colour', known: ['language'] });
    assert.equal(await storedLanguage(), null, 'nothing was stored');
  });
});
