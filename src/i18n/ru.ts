import { audit } from './ru/audit.js';
import { commandHelp } from './ru/command-help.js';
import { cli } from './ru/cli.js';
import { dialplan } from './ru/dialplan.js';
import { dialplanChecks } from './ru/dialplan-checks.js';
import { readOnly } from './ru/read-only.js';
import { errors } from './ru/errors.js';
import { language } from './ru/language.js';
import { lists } from './ru/lists.js';
import { marketplace } from './ru/marketplace.js';
import { modules } from './ru/modules.js';
import { sessions } from './ru/sessions.js';
import { seats } from './ru/seats.js';
import { bulk } from './ru/bulk.js';

import type { Messages } from './en.js';

/**
 * Every text a person reads, in Russian: the same keys and values as en.ts. Terms follow the
 * vendor's Russian interface (Маркетплейс модулей, Управление модулями, Приложения диалплана,
 * Монитор сессий, лицензионный ключ, купон, привязка).
 */
export const ru: Messages = {
  /** Before the console starts and after it stops: printed on stderr. */
  console: {
    needsTerminal:
      'консоли нужен терминал: стандартные ввод и вывод должны быть терминалом.\n' +
      'В скриптах, конвейерах и cron используйте командную строку, например `pbxmod license show`.\n' +
      'Все команды: `pbxmod --help`.',
    crashed: 'Консоль остановлена из-за непредвиденной ошибки. Терминал восстановлен.',
    crashedHint: 'Сообщите, пожалуйста, об этой ошибке, приложив текст выше.',
    stoppedBySignal: (signal: string) => `Консоль остановлена (${signal}).`,
  },

  /** The frame: header, screen tabs, footer, help, too-small screen. */
  app: {
    name: 'pbxmod',
    pbxVersion: (version: string) => `АТС ${version}`,
    host: (name: string) => `хост ${name}`,
    readonly: 'только чтение',
    loading: 'Загрузка...',
    license: {
      label: 'Лицензия:',
      loading: 'проверка...',
      unregistered: 'нет регистрации',
      registered: (maskedKey: string) => `ключ ${maskedKey}`,
      offline: 'нет связи с сервером лицензирования',
      storeError: 'неизвестно (хранилище не читается)',
    },
    tooSmall: (need: string, have: string) => `Окно терминала слишком мало (нужно ${need}, сейчас ${have}).`,
    tooSmallHint: 'Увеличьте окно или нажмите q, чтобы выйти.',
    tooSmallUnsaved: (what: string) => `Не сохранено: ${what}. Данные не потеряны: увеличьте окно, чтобы сохранить.`,
    tooSmallQuitArmed: 'Нажмите q или Ctrl-C ещё раз, чтобы выйти без сохранения.',
    quitUnsavedTitle: 'Выйти, не сохранив изменения?',
    quitUnsavedMessage: (what: string) => `Ещё не сохранено: ${what}. При выходе это будет потеряно.`,
    quitAnyway: 'Выйти без сохранения',
    keepWorking: 'Продолжить работу',
    unsavedForm: 'заполняемая форма',
    storeErrorTitle: 'Хранилище АТС не читается.',
  },

  /** Names of the global commands as the help overlay and the footer show them. */
  keys: {
    help: 'справка',
    helpLong: 'все клавиши этого экрана',
    quit: 'выход',
    quitLong: 'выйти из консоли (спросит, если что-то не сохранено)',
    reload: 'перечитать списки',
    redraw: 'перерисовать весь экран',
    switchScreen: 'перейти на экран',
    nextScreen: 'следующий / предыдущий экран',
    back: 'назад, закрыть, отменить',
    move: 'перемещение',
    page: 'страница вверх / вниз',
    homeEnd: 'в начало / в конец',
    open: 'открыть',
    filter: 'фильтр',
    toggle: 'переключить',
  },

  help: {
    title: (screen: string) => `Клавиши: ${screen}`,
    screenSection: 'Этот экран',
    globalSection: 'На всех экранах',
    close: 'Esc, ? или q закрывают справку.',
    more: (shown: number, total: number) => `${shown} из ${total} строк; стрелки листают`,
  },

  /** Shared widgets. */
  /** Sorting and filtering the lists (en/lists.ts). */
  lists,
  table: {
    empty: 'Нечего показать.',
    position: (from: number, to: number, total: number) => `${from}-${to} из ${total}`,
  },
  filter: {
    prompt: '/',
    matches: (shown: number, total: number) => `${shown} из ${total}`,
    noMatches: (query: string) => `Ничего не найдено по «${query}». Esc сбрасывает фильтр.`,
    hintTyping: 'Enter оставляет фильтр, Esc сбрасывает',
  },
  confirm: {
    yes: 'Да',
    no: 'Нет',
    keysDefaultNo: '[y/N]',
    keysDefaultYes: '[Y/n]',
    optionHint: 'Пробел переключает',
    hint: 'y подтверждает, n или Esc отменяет, Enter выбирает выделенный ответ',
  },
  form: {
    submitHint: 'Enter на последнем поле отправляет, Tab — поля, Esc — отмена',
    busy: (what: string) => `Выполняется... (${what})`,
    fixErrors: 'Исправьте отмеченные выше поля и отправьте ещё раз.',
    revealHint: 'Ctrl-T показывает вводимое',
    hideHint: 'Ctrl-T снова скрывает',
    required: 'Обязательное поле.',
  },
  busy: {
    working: (what: string) => `Выполняется... (${what})`,
    elapsed: (seconds: number) => `${seconds} с`,
  },
  progress: {
    of: (done: string, total: string) => `${done} из ${total}`,
  },
  units: {
    bytes: (n: number) => `${n} Б`,
    kilobytes: (n: string) => `${n} КиБ`,
    megabytes: (n: string) => `${n} МиБ`,
    gigabytes: (n: string) => `${n} ГиБ`,
  },

  /** The key that chooses the console's language. */
  language,

  /** Screens. Each screen owns its section; the engineer of a screen adds keys here. */
  screens: { marketplace, modules, dialplan, sessions, audit },

  /** The command line's own help (`pbxmod help`). */
  commandHelp,

  /** The console's read-only mode. */
  readOnly,

  /** This PBX's own seats: header, screen 1, screen 4, the command line (en/seats.ts). */
  seats,

  /** Marks and bulk actions, safe mode, install / roll back / update-all confirmations. */
  bulk,

  /** What the dialplan checker says about a line of an application (en/dialplan-checks.ts). */
  dialplanChecks,

  /** Every error, by id (see en/errors.ts). */
  errors,

  /** The command line: --help, results, prompts (see en/cli.ts). */
  cli,
};
