import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { englishWords } from '../support/english-words.js';
import { startConsole, tmuxAvailable, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/**
 * The built console in Russian (LANG=ru_RU.UTF-8, nothing else chosen), as an administrator
 * meets it: at 80x24 through registration, an install, a license error, a busy number and the
 * session monitor; and at the minimum size with every screen whole.
 */
describe('the console in Russian, in tmux', { skip }, () => {
  const sessions: ConsoleSession[] = [];
  const dirs: Awaited<ReturnType<typeof tempDir>>[] = [];
  const stops: Array<() => Promise<void>> = [];
  after(async () => {
    for (const s of sessions) s.kill();
    for (const stop of stops) await stop();
    for (const d of dirs) await d.remove();
  });

  async function start(columns: number, rows: number, args: string[] = []): Promise<ConsoleSession> {
    const data = await tempDir();
    dirs.push(data);
    const s = await startConsole({ columns, rows, args: ['--data-dir', data.path, ...args], env: { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    sessions.push(s);
    return s;
  }

  /** The frame is whole: header on top, the rule under the tabs as wide as the pane, the footer's help key at the bottom. */
  function assertWhole(screen: string, columns: number, rows: number, view: string, footer = /\? справка {2}q выход {2}L English/): void {
    const lines = screen.replace(/\n$/, '').split('\n');
    assert.ok(lines.length <= rows, `${view}: ${lines.length} lines in a ${rows}-row pane`);
    for (const line of lines) assert.ok([...line].length <= columns, `${view}: a line longer than ${columns}: ${line}`);
    assert.match(lines[0] ?? '', /^pbxmod · АТС \d/, `${view}: the header is the first line:\n${screen}`);
    assert.equal((lines[2] ?? '').trim().length, columns, `${view}: the rule under the tabs spans the width:\n${screen}`);
    assert.match(lines[rows - 2] ?? '', footer, `${view}: the footer is on the last line of the frame:\n${screen}`);
    assert.doesNotMatch(screen, /Окно терминала слишком мало/, view);
  }

  function assertRussian(screen: string, view: string): void {
    assert.deepEqual(englishWords(screen), [], `${view}: English words on the screen:\n${screen}`);
  }

  test('80x24: register through the form, a bad coupon (2040), install a module, a busy number, the session monitor', async () => {
    const s = await start(80, 24);
    let screen = await s.waitFor(/^pbxmod · АТС \d[\s\S]*Эта АТС не зарегистрирована в маркетплейсе модулей\./);
    assertWhole(screen, 80, 24, 'screen 1');
    assertRussian(screen, 'screen 1');

    // Registration through the form.
    s.press('Enter');
    screen = await s.waitFor('Регистрация этой АТС в маркетплейсе модулей');
    assertRussian(screen, 'registration form');
    // Field by field, as a person fills it in: each value seen before Enter moves on.
    for (const [label, value] of [['Название организации', 'ООО Ромашка'], ['Эл. почта контактного лица', 'admin@example.com'], ['Контактное лицо', 'Анна Ли'], ['Телефон', ''], ['Идентификатор компании', '']] as const) {
      await s.waitFor(new RegExp(`› ${label}`));
      if (value) {
        s.type(value);
        await s.waitFor(new RegExp(`› ${label}\\s+${value}`));
      }
      s.press('Enter');
    }
    await s.waitFor(/Лицензия: ключ MIKO-/);
    screen = await s.waitFor(/Продукты[\s\S]*\? справка {2}q выход {2}L English/);
    assert.match(screen, /пробная, до \d\d\.\d\d\.\d{4} \(осталось 30 дней\)/);
    assertWhole(screen, 80, 24, 'registered');

    // A coupon the service does not know: the error keeps its code.
    s.press('a');
    await s.waitFor('Активация купона');
    s.type('MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD');
    await s.waitFor(/› Купон\s+MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD/);
    s.press('Enter');
    screen = await s.waitFor(/2040/);
    assert.match(screen, /Активация купона/);
    s.press('Escape');
    await s.waitForGone('Активация купона');

    // Install a module from the marketplace.
    s.press('2');
    screen = await s.waitFor('Установленные модули (0)');
    assertWhole(screen, 80, 24, 'screen 2');
    s.press('m');
    screen = await s.waitFor(/Маркетплейс: 5 модулей для MikoPBX/);
    assert.match(screen, /Модуль\s+Описание\s+Разработчик\s+Версия\s+Лицензия\s+Размер\s+Установлен/, 'every column keeps its whole title');
    assert.match(screen, /\d+,\d КиБ/);
    assertWhole(screen, 80, 24, 'marketplace');
    assertRussian(screen, 'marketplace');
    s.press('i');
    screen = await s.waitFor(/установлен \(отключён\)\./);
    assertRussian(screen, 'installed');

    // A dialplan number another PBX object uses.
    s.press('3');
    await s.waitFor(/Номер\s+Название\s+Тип\s+Описание/);
    s.press('n');
    await s.waitFor('Новое приложение диалплана');
    s.type('Ночное приветствие');
    s.press('Tab');
    await s.waitFor(/› Номер\s+2200101/);
    for (let i = 0; i < 7; i++) s.press('BSpace');
    s.type('201');
    screen = await s.waitFor(/201 .*Reception|Reception.*201/);
    assert.match(screen, /› Номер\s+201/);
    // A field has the keys: the footer offers the form's keys, not help and quit.
    assertWhole(screen, 80, 24, 'busy number', /^Ctrl-S сохранить {2}Ctrl-E код в \$EDITOR/);
    s.press('Escape');
    screen = await s.waitFor('Отменить изменения?');
    assert.match(screen, /Изменения нового приложения диалплана|Приложение останется таким/);
    s.press('y');
    await s.waitFor(/Номер\s+Название/);

    // The session monitor: this PBX's binding.
    s.press('4');
    screen = await s.waitFor(/обновлено \d\d:\d\d:\d\d/);
    assert.match(screen, /Ключ этой АТС · 1 хост, 1 привязка/);
    assert.match(screen, /Инфо\s+Пользователь@Хост\s+Захвачена\s+Фичи\s+Действия/);
    assert.match(screen, /Сбросить все/);
    assert.match(screen, /MikoPBX free license \(33\)/);
    assertWhole(screen, 80, 24, 'session monitor');
    assertRussian(screen, 'session monitor');

    s.press('q');
    await s.waitFor(/\[pbxmod exited 0\]/);
  });

  test('60x16, the minimum: every screen and the help whole, in Russian', async () => {
    const s = await start(60, 16);
    const views: [string, string, RegExp | string][] = [
      ['screen 1', '1', 'Эта АТС не зарегистрирована'],
      ['help', '?', 'Клавиши: Маркетплейс и лицензия'],
      ['screen 2', 'Escape', 'Установленные модули (0)'],
      ['marketplace', 'm', /Маркетплейс: 5 модулей/],
      ['screen 3', '3', /Номер\s+Название/],
      ['screen 4', '4', 'Вход в монитор сессий'],
    ];
    await s.waitFor(/^pbxmod · АТС \d[\s\S]*Эта АТС не зарегистрирована/);
    for (const [view, key, shows] of views) {
      if (view === 'screen 2') {
        s.press(key);
        await s.waitForGone('Клавиши:');
        s.press('2');
      } else s.press(key);
      const screen = await s.waitFor(shows);
      if (view === 'screen 4') {
        // The login form has the keys: the footer shows its own keys, not help and quit.
        assert.match(screen, /^pbxmod · АТС \d/);
        assertRussian(screen, view);
        continue;
      }
      assertWhole(screen, 60, 16, view);
      assertRussian(screen, view);
    }
  });

  test('80x24: two modules marked, one confirmation lists both, both disabled; the sort menu', async () => {
    const serviceDir = await tempDir();
    const pbxDir = await tempDir();
    dirs.push(serviceDir, pbxDir);
    const service = await startServeProcess(serviceDir.path);
    stops.push(service.stop);
    const cli = (...args: string[]) => runCli(['--data-dir', pbxDir.path, '--api', service.url, ...args]);
    for (const id of ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']) assert.equal((await cli('modules', 'install', id, '--yes')).code, 0);
    assert.equal((await cli('modules', 'enable', 'ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision')).code, 0);
    const s = await startConsole({ columns: 80, rows: 24, args: ['--data-dir', pbxDir.path, '--api', service.url], env: { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    sessions.push(s);
    const footer = /Space отметить[\s\S]*\? справка {2}q выход {2}L English/;
    await s.waitFor(/^pbxmod · АТС \d/);
    s.press('2');
    await s.waitFor(/Установленные модули \(3\)[\s\S]*› \[x\]/);

    s.press('Space', 'Down', 'Space');
    let screen = await s.waitFor(/Установленные модули \(3\)\s+отмечено: 2/);
    assertWhole(screen, 80, 24, 'two marked', footer);
    assertRussian(screen, 'two marked');
    s.press('x');
    screen = await s.waitFor(/Отключить 2 модуля\?/);
    assert.match(screen, /Module template \(ModuleTemplate\) 1\.81/);
    assert.match(screen, /Backup \(ModuleBackup\) 1\.76/);
    assert.doesNotMatch(screen, /\(ModuleAutoprovision\)/);
    assert.match(screen, /Отключить\s+›Нет\s+\[y\/N\]/, 'No is the default');
    assertWhole(screen, 80, 24, 'the bulk confirmation', footer);
    assertRussian(screen, 'the bulk confirmation');
    s.press('y');
    screen = await s.waitFor(/Отключено: 2 модуля\./);
    assertWhole(screen, 80, 24, 'after the bulk disable', footer);
    const listed = await cli('--json', 'modules', 'list');
    assert.deepEqual(
      (listed.json.modules as Array<{ id: string; enabled: boolean }>).map((m) => [m.id, m.enabled]),
      [['ModuleTemplate', false], ['ModuleBackup', false], ['ModuleAutoprovision', true]],
    );

    s.press('s');
    screen = await s.waitFor(/Сортировать по[\s\S]*7 Метки/);
    assertWhole(screen, 80, 24, 'the sort menu', footer);
    assertRussian(screen, 'the sort menu');
    s.press('6');
    screen = await s.waitFor(/Состояние ▲/);
    const rows = screen.split('\n').filter((line) => /\[[x ]\]/.test(line));
    assert.deepEqual(
      rows.map((line) => /включён|отключён/.exec(line)?.[0]),
      ['включён', 'отключён', 'отключён'],
      `sorted by state:\n${screen}`,
    );
    assertWhole(screen, 80, 24, 'sorted', footer);
  });
});
