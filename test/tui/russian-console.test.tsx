import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeMessages, loadMessages, setActiveMessages, t } from '../../src/i18n/index.js';
import { englishWords } from '../support/english-words.js';
import { updateApplication } from '../../src/dialplan/applications.js';
import { enableModule } from '../../src/modules/lifecycle.js';
import { DEMO_MODULES } from '../../src/licensing/service/catalog/demo-catalog.js';
import { keys, press, renderApp, stripAnsi, type, waitForFrame, type RenderedApp } from './helpers.js';

let app: RenderedApp | undefined;

afterEach(async () => {
  await app?.dispose();
  app = undefined;
  setActiveMessages(t);
});

const ctrl = { p: '\u0010' };
const plain = () => stripAnsi(app!.lastFrame() ?? '');
const until = async (check: (f: string) => boolean) => stripAnsi(await waitForFrame(app!, (f) => check(stripAnsi(f))));
const see = (text: string | RegExp) => until((f) => (typeof text === 'string' ? f.includes(text) : text.test(f)));

/** The Russian console at the start: header read, license checked. */
async function openRussian(): Promise<RenderedApp> {
  const ru = await loadMessages('ru');
  app = await renderApp({ messages: ru, toastDurationMs: 60_000 }, (f) => /АТС \d/.test(f) && f.includes('Лицензия:') && !f.includes('проверка'));
  return app;
}

/** Every word on screen is Russian, or a name or code (test/support/english-words.ts says which). */
function assertRussian(view: string, frame = plain(), { skipLines }: { skipLines?: RegExp } = {}): void {
  const text = skipLines ? frame.split('\n').filter((line) => !skipLines.test(line)).join('\n') : frame;
  const words = englishWords(text);
  assert.deepEqual(words, [], `${view}: English words ${JSON.stringify(words)} on the screen:\n${frame}`);
}

describe('the console in Russian', () => {
  test('every screen and view shows no English words other than names and codes', async () => {
    await openRussian();

    // Screen 1, unregistered: the ways to get a key, help, both forms, diagnostics.
    assertRussian('screen 1, unregistered', await see('Эта АТС не зарегистрирована в маркетплейсе модулей.'));
    assertRussian('help overlay', await press(app!, '?', 'Клавиши: Маркетплейс и лицензия').then(stripAnsi));
    await press(app!, keys.down);
    assertRussian('help overlay, scrolled', await press(app!, keys.down, /L\s+переключить консоль на English/).then(stripAnsi));
    await press(app!, keys.escape);
    await until((f) => !f.includes('Клавиши:'));
    assertRussian('registration form', await press(app!, keys.enter, 'Регистрация этой АТС в маркетплейсе модулей').then(stripAnsi));
    await press(app!, keys.escape);
    await see('у меня уже есть лицензионный ключ');
    assertRussian('key form', await press(app!, 'e', 'Ввод имеющегося лицензионного ключа').then(stripAnsi));
    await press(app!, keys.escape);
    await see('у меня уже есть лицензионный ключ');
    await press(app!, 'd', 'Диагностика соединения');
    assertRussian('diagnostics', await see(/Все проверки пройдены|Проверка не прошла/));
    await press(app!, keys.escape);
    await see('у меня уже есть лицензионный ключ');

    // Registration through the form: the license with its products, dates as Russian writes them.
    await press(app!, keys.enter, 'Название организации');
    await type(app!, 'ООО Ромашка');
    await press(app!, keys.enter);
    await type(app!, 'admin@example.com');
    await press(app!, keys.enter);
    await type(app!, 'Анна Ли');
    await press(app!, keys.enter);
    await press(app!, keys.enter);
    await press(app!, keys.enter);
    // A read of the license made while the registration ran (the store watcher saw the key
    // saved) may show first, with the seat not yet taken; the read after it shows the seat.
    const registered = await see(/1 лицензия на MikoPBX free license \(33\), занято 1/);
    assertRussian('screen 1, registered', registered);
    assert.match(registered, /пробная, до \d{2}\.\d{2}\.\d{4} \(осталось 30 дней\)/);
    assertRussian('coupon form', await press(app!, 'a', 'Активация купона').then(stripAnsi));
    await press(app!, keys.escape);
    await see('Продукты');
    assertRussian('reset dialog', await press(app!, 'x', 'Сбросить лицензионный ключ').then(stripAnsi));
    await press(app!, 'n');
    await until((f) => !f.includes('Сбросить ключ'));

    // Screen 2: installed list, help, marketplace, details, releases, install, delete dialog, zip form.
    assertRussian('installed modules', await press(app!, '2', 'Установленные модули (0)').then(stripAnsi));
    assertRussian('modules help', await press(app!, '?', 'Клавиши: Управление модулями').then(stripAnsi));
    await press(app!, keys.escape);
    await until((f) => !f.includes('Клавиши:'));
    const market = await press(app!, 'm', 'Маркетплейс: 5 модулей для MikoPBX').then(stripAnsi);
    assertRussian('marketplace', market);
    assert.match(market, /\d+,\d КиБ/, 'sizes with a decimal comma and Russian units');
    assertRussian('module details', await press(app!, keys.enter, 'Выпуски').then(stripAnsi));
    await press(app!, keys.escape);
    await see('Маркетплейс: 5 модулей');
    const picker = await press(app!, 'r', /выберите выпуск[\s\S]*Версия\s+Дата/).then(stripAnsi);
    assertRussian('release picker', picker);
    assert.match(picker, /\d{2}\.\d{2}\.\d{4}/, 'release dates as Russian writes them');
    await press(app!, keys.escape);
    await see('Маркетплейс: 5 модулей');
    await press(app!, 'i');
    assertRussian('installed toast', await see('установлен (отключён).'));
    await press(app!, 'm', 'Установленные модули (1)');
    assertRussian('installed list', plain());
    assertRussian('delete dialog', await press(app!, 'd', 'Сохранить настройки модуля').then(stripAnsi));
    await press(app!, 'n');
    await until((f) => !f.includes('Сохранить настройки модуля'));
    assertRussian('zip file form', await press(app!, 'f', 'Установка модуля из zip-файла').then(stripAnsi));
    await press(app!, keys.escape);
    await see('Установленные модули (1)');

    // Screen 3: list, the editor of a new application, its preview, the edit form, delete dialog.
    assertRussian('dialplan list', await press(app!, '3', /Номер\s+Название\s+Тип\s+Описание/).then(stripAnsi));
    // The preview's problem lines (✗) are the dialplan checker's findings, worded from the catalog too.
    const draft = await press(app!, 'n', 'Новое приложение диалплана').then(stripAnsi);
    assert.match(draft, /✗ /);
    assertRussian('new application', draft);
    assertRussian('whole preview', await press(app!, ctrl.p, 'Сгенерированный диалплан · Новое приложение').then(stripAnsi));
    await press(app!, keys.escape);
    await see('Новое приложение диалплана');
    await press(app!, keys.escape);
    await see(/Номер\s+Название/);
    assertRussian('edit form', await press(app!, keys.enter, 'Изменение ').then(stripAnsi));
    await press(app!, keys.escape);
    await see(/Номер\s+Название/);
    assertRussian('delete application dialog', await press(app!, 'd', 'Удалить приложение диалплана').then(stripAnsi));
    await press(app!, 'n');
    await until((f) => !f.includes('Удалить приложение диалплана'));

    // Screen 4: this PBX's binding, the info panel, the drop dialog, the login form.
    const sessions = await press(app!, '4', /обновлено \d{2}:\d{2}:\d{2}/).then(stripAnsi);
    assertRussian('session monitor', sessions);
    assert.match(sessions, /1 хост, 1 привязка/);
    await press(app!, keys.down);
    assertRussian('binding info', await press(app!, 'i', 'Привязка: MikoPBX free license (33) на:').then(stripAnsi));
    assertRussian('drop dialog', await press(app!, 'd', 'Сбросить привязку').then(stripAnsi));
    await press(app!, 'n');
    await until((f) => !f.includes('Места освободятся'));
    assertRussian('login form', await press(app!, 'l', 'Вход в монитор сессий').then(stripAnsi));
    await press(app!, keys.escape);
    await see(/обновлено \d{2}:\d{2}:\d{2}/);

    // Screen 5: the audit log of what the walk did (registration, install), a changed application
    // and a refused enable; every entry under the cursor, its detail in Russian.
    await updateApplication(app!.pbx.store, '000064', { description: 'Проверочный тон' });
    const installed = new Set((await app!.pbx.store.read()).modules.map((m) => m.id));
    const absent = DEMO_MODULES.find((m) => !installed.has(m.id))!;
    await assert.rejects(enableModule(app!.pbx, absent.id));
    const audit = await press(app!, '5', /изменение приложения[\s\S]*включение модуля/).then(stripAnsi);
    assertRussian('audit log', audit);
    assert.match(audit, /успешно/);
    assert.match(audit, /ошибка/);
    const entries = (await app!.pbx.store.read()).audit.length;
    assert.ok(entries >= 4, `the walk left ${entries} entries`);
    let frame = audit;
    const details: string[] = [];
    for (let i = 0; i < entries; i++) {
      const detail = frame.split('\n').find((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(l)) ?? '';
      details.push(detail);
      assertRussian(`audit entry ${i + 1}`, frame);
      if (i < entries - 1) frame = await press(app!, keys.down, (f) => !stripAnsi(f).includes(detail)).then(stripAnsi);
    }
    assert.ok(details.some((d) => d.includes('(module.enable)')), 'the action code stays with its words');
    assert.match(audit, /не установлен/);
  });

  test('L switches the console to the other language at once and saves it in the store', async () => {
    app = await renderApp({ initialScreen: 'modules' });
    await see('L Русский');
    await press(app, 'L', 'Установленные модули');
    await see('L English');
    assert.equal(activeMessages(), await loadMessages('ru'), 'errors shown outside React follow the console');
    await until((f) => f.includes('Консоль на русском; выбор сохранён в настройках АТС.'));
    assert.equal((await app.pbx.store.read()).settings.language, 'ru');
    await press(app, 'L', 'Installed modules');
    await until((f) => f.includes('The console is in English now'));
    assert.equal((await app.pbx.store.read()).settings.language, 'en');
    assert.equal(activeMessages(), t);
  });

  test('a read-only console switches for the session and says it did not save', async () => {
    app = await renderApp({ initialScreen: 'modules', readonly: true });
    await press(app, 'L', 'Консоль на русском до выхода; выбор не сохранён (--readonly).');
    assert.equal((await app.pbx.store.read()).settings.language, null);
  });
});
