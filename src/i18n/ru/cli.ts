import type { cli as English } from '../en/cli.js';

/** Russian plural: `plural(5, ['модуль', 'модуля', 'модулей'])` → 'модулей'. */
function plural(n: number, [one, few, many]: [string, string, string]): string {
  const rule = new Intl.PluralRules('ru').select(n);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

const bindings = (n: number) => `${n} ${plural(n, ['привязку', 'привязки', 'привязок'])}`;
const controlCharacter = 'Введите значение заново без управляющих символов (мог попасть Backspace, стрелка или escape-последовательность).';

/** The command line's words, in Russian (the vendor's terms: Маркетплейс модулей, Монитор сессий, привязка, купон). */
export const cli: typeof English = {
  help: {
    usage: 'Использование:',
    arguments: 'Аргументы:',
    options: 'Параметры:',
    globalOptions: 'Общие параметры:',
    commands: 'Команды:',
    optionsPlaceholder: '[параметры]',
    commandPlaceholder: '[команда]',
    helpOption: 'показать справку по команде',
    helpCommand: 'показать справку по команде',
    defaultValue: (value) => `по умолчанию: ${value}`,
    afterError: '(список команд: `pbxmod --help`)',
  },

  usage: {
    unknownOption: (flag) => `ошибка: неизвестный параметр «${flag}»`,
    unknownCommand: (name) => `ошибка: неизвестная команда «${name}»`,
    missingArgument: (name) => `ошибка: не указан обязательный аргумент «${name}»`,
    optionMissingArgument: (flags) => `ошибка: у параметра «${flags}» не указано значение`,
    missingMandatoryOption: (flags) => `ошибка: не указан обязательный параметр «${flags}»`,
    tooManyArguments: (command, expected, got) =>
      `ошибка: слишком много аргументов${command ? ` для «${command}»` : ''}: ожидается ${expected}, указано ${got}.`,
    didYouMean: (names, count) => (count === 1 ? `(Возможно, вы имели в виду ${names}?)` : `(Возможно, вы имели в виду одно из: ${names}?)`),
    controlCharacterInOption: (flag, shown) => `Значение ${flag} содержит управляющий символ: «${shown}». ${controlCharacter}`,
    controlCharacterInArgument: (index, shown) => `Аргумент ${index} содержит управляющий символ: «${shown}». ${controlCharacter}`,
  },

  program: {
    description: 'Терминальная консоль раздела «Управление модулями» MikoPBX и её сервис лицензирования.\nБез команды открывает полноэкранную консоль.',
    version: 'показать версию, коммит сборки и среду выполнения',
  },

  globalOptions: {
    '--data-dir': 'где хранится хранилище АТС (по умолчанию $PBXMOD_DATA_DIR, $XDG_DATA_HOME/pbxmod)',
    '--api': 'адрес сервиса лицензирования (по умолчанию $PBXMOD_API_URL; если не задан — запустить свой на loopback)',
    '--json': 'выводить результат в JSON (только команды)',
    '--size': 'размер терминала, если терминал его не сообщает (последовательные линии)',
    '--ascii': 'простые ASCII-рамки и символы для консолей без Unicode',
    '--readonly': 'только смотреть: команды, которые что-то меняют, отклоняются (код 2), консоль не предлагает меняющих клавиш (также PBXMOD_READONLY=1)',
    '--wide': 'текстовые таблицы показывают значения целиком, а не по ширине терминала',
    '--lang': 'язык: ru или en (по умолчанию — настройка в хранилище, затем LC_ALL / LC_MESSAGES / LANG)',
  },

  common: {
    yes: 'не спрашивать подтверждения',
    confirmKeys: '[y/N]',
    yesAnswers: ['y', 'yes', 'д', 'да'],
    moduleId: 'ID модуля',
    moduleIds: 'ID модулей',
    keyOption: 'войти по другому ключу: «-» читает его со стандартного ввода или из запроса (аргумент виден в ps)',
    keyFileOption: 'войти по ключу из этого файла',
    couponOption: 'войти по ранее активированному купону',
    keyOnCommandLine:
      'pbxmod: предупреждение: ключ в командной строке виден всем пользователям этой машины (ps, история оболочки). Передайте его через канал (echo КЛЮЧ | pbxmod ...) или укажите --key-file ФАЙЛ.',
    keyPrompt: 'Лицензионный ключ: ',
    keyArgumentName: 'аргумент КЛЮЧ',
    codeFromTerminal: 'Код читается с терминала; завершите ввод нажатием Ctrl-D.',
  },

  license: {
    description: 'регистрация в Маркетплейсе модулей, лицензионный ключ и купоны',
    register: {
      description: 'зарегистрировать эту АТС в Маркетплейсе модулей: выдаётся ключ и пробный период на 30 дней',
      company: 'название компании',
      email: 'контактный email',
      contact: 'контактное лицо',
      phone: 'телефон (необязательно)',
      inn: 'идентификатор компании: ИНН или другой налоговый номер, 10-12 цифр (необязательно)',
      done: 'АТС зарегистрирована.',
    },
    setKey: {
      description:
        'сохранить уже имеющийся лицензионный ключ (сначала он проверяется сервисом); ключ берётся со стандартного ввода (echo КЛЮЧ | pbxmod license set-key), из --key-file или из запроса',
      key: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX или «-» для стандартного ввода; аргумент виден в ps, лучше стандартный ввод',
      keyFile: 'прочитать ключ из этого файла',
      done: 'Лицензионный ключ сохранён.',
    },
    show: {
      description: 'лицензионный ключ (скрытый) и что он лицензирует',
      reveal: 'показать ключ целиком',
      notRegistered:
        'АТС не зарегистрирована в Маркетплейсе модулей.\nЗарегистрируйтесь: `pbxmod license register --company ... --email ... --contact ...` или сохраните ключ: `pbxmod license set-key КЛЮЧ`.',
      key: (key, revealed) => `Лицензионный ключ  ${key}${revealed ? '' : '  (--reveal покажет его)'}`,
    },
    savedKey: (masked) => `Лицензионный ключ  ${masked}  (\`pbxmod license show --reveal\` покажет его)`,
    coupon: {
      description: 'активировать купон на сохранённом ключе',
      code: 'MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX',
      done: 'Купон активирован.',
    },
    diagnose: {
      description: 'проверить связь с сервисом лицензирования: DNS, TCP, TLS, HTTP-запрос',
      title: (url, embedded) => `Сервис лицензирования ${url}${embedded ? ' (встроенный, на loopback)' : ''}`,
      ok: 'ок  ',
      failed: 'СБОЙ',
      step: {
        dns: (target) => `DNS-запрос ${target}`,
        tcp: (target) => `TCP-соединение с ${target}`,
        tls: (target) => `TLS-рукопожатие с ${target}`,
        http: (target) => `HTTP-запрос ${target}`,
      },
      found: {
        dns: (value) => value,
        tcp: (value) => `соединение с ${value} установлено`,
        tls: (value) => `${value}, сертификат действителен`,
        http: (value) => `${value} ответил`,
      },
      ms: (ms) => `${ms} мс`,
    },
    reset: {
      description: 'удалить лицензионный ключ с этой АТС (отменяет регистрацию)',
      none: 'нет',
      confirm: (key) => `Сбросить лицензионный ключ ${key}? Это отменит регистрацию АТС в Маркетплейсе модулей.`,
      done: (released) => `Лицензионный ключ удалён; освобождено привязок этого хоста: ${released}.`,
    },
    check: {
      description: 'перепроверить лицензии включённых платных модулей сейчас; отключает модули без лицензии (для cron)',
      unreachable: (why) => `Лицензии не проверены: ${why}\nНи один модуль не изменён; проверка повторится позже.`,
      nothing: 'Нет включённых платных модулей: проверять нечего.',
      checked: (count) => `Проверено включённых платных модулей: ${count}.`,
      disabled: (id, why) => `  ${id} отключён (DisabledByLicense): ${why}`,
      allLicensed: '  Лицензии есть у всех.',
    },
    owner: (company, contacts) => `Владелец     ${company}: ${contacts}`,
    noProducts: 'Продукты     нет',
    product: (name, term) => `Продукт      ${name}: ${term}`,
    featureIndent: '               ',
    seats: (count, feature, featureId, captured) =>
      `${count} ${plural(count, ['лицензия', 'лицензии', 'лицензий'])} на ${feature} (${featureId}), занято: ${captured}`,
    term: (trial, expires, daysLeft) =>
      `${trial ? 'пробная, ' : ''}действует до ${expires} (${plural(daysLeft, ['остался', 'осталось', 'осталось'])} ${daysLeft} ${plural(daysLeft, ['день', 'дня', 'дней'])})`,
    expired: (trial, expired) => `${trial ? 'пробная, ' : ''}ИСТЕКЛА ${expired}`,
  },

  modules: {
    description: 'установленные модули и Маркетплейс модулей',
    list: {
      description: 'установленные модули',
      updates: 'также спросить Маркетплейс, у каких модулей есть новый выпуск',
      empty:
        'Ни один модуль не установлен.\nПосмотрите, что предлагает Маркетплейс: `pbxmod modules available`; платным модулям нужен лицензионный ключ (`pbxmod license register`).',
      header: ['ID', 'ВЕРСИЯ', 'СОСТОЯНИЕ', 'НАЗВАНИЕ'],
    },
    available: {
      description: 'модули, которые Маркетплейс предлагает для этой версии АТС',
      empty: 'Маркетплейс не предлагает модулей для этой версии АТС.',
      header: ['ID', 'ВЕРСИЯ', 'ЛИЦЕНЗИЯ', 'РАЗМЕР', 'УСТАНОВЛЕН', 'НАЗВАНИЕ'],
      free: 'бесплатный',
      paid: 'платный',
      update: ' (обновление)',
    },
    info: {
      description: 'модуль: описание, выпуски с изменениями, лицензионное соглашение',
      id: 'ID модуля, например ModuleBackup',
      developer: (developer, email, license) => `  Разработчик ${developer} <${email}>, ${license}`,
      free: 'бесплатный',
      paid: (productId, featureId) => `платный (продукт ${productId}, фича ${featureId})`,
      installed: (what) => `  Установлен: ${what ?? 'нет'}`,
      updateAvailable: (version) => ` — доступно обновление до ${version}`,
      releases: 'Выпуски:',
      release: (version, date, size, minPbx) => `  ${version}  ${date}  ${size}  нужна MikoPBX ${minPbx}`,
      eula: 'Лицензионное соглашение:',
      noRelease: 'В Маркетплейсе нет его выпуска для этой версии АТС.',
    },
    install: {
      description: 'установить модуль из Маркетплейса или из zip-файла (--file)',
      id: 'ID модуля из `pbxmod modules available`',
      release: 'какой выпуск установить (по умолчанию новейший, подходящий этой АТС)',
      file: 'установить из zip-архива модуля на диске этой АТС',
      yes: 'не спрашивать (пробный период платного модуля, лицензионное соглашение)',
    },
    update: {
      description: 'обновить модули (или откатить один через --release) или все модули (--all)',
      release: 'к какому выпуску перейти: новее или старше для отката (один модуль)',
      yes: 'не спрашивать (откат, список для --all)',
      all: 'обновить все модули, у которых в Маркетплейсе есть новый выпуск',
      upToDate: 'Все установленные модули обновлены.',
      done: (id, from, to) => `${id}: ${from} -> ${to}`,
      failed: (id, from, to, why) => `${id}: ${from} -> ${to} СБОЙ: ${why}`,
    },
    enable: { description: 'включить модули (платный привязывает место своей лицензии к этой АТС)', done: (id) => `${id} включён.` },
    disable: {
      description: 'отключить модули; --all отключает все включённые и запоминает их для `modules restore` (безопасный режим)',
      all: 'безопасный режим: отключить все включённые модули; работает без сервиса лицензирования',
      done: (id) => `${id} отключён.`,
    },
    restore: { description: 'снова включить ровно те модули, что отключила `modules disable --all`, и забыть список' },
    remove: {
      description: 'удалить модули; их настройки сохраняются для будущей установки, если не указан --purge',
      purge: 'удалить и их настройки (в том числе сохранённые от прежних удалений)',
      confirm: (id, purge) => (purge ? `Удалить ${id} вместе с настройками?` : `Удалить ${id}? Его настройки сохранятся для будущей установки.`),
      done: (id, version, settings) =>
        `${id} ${version} удалён.${settings === 'kept' ? ' Его настройки сохранены и вернутся при новой установке.' : settings === 'deleted' ? ' Его настройки удалены.' : ''}`,
    },
    result: {
      unchanged: (id, version) => `${id} ${version} уже установлен; делать нечего.`,
      installed: (id, version) => `${id} ${version} установлен (отключён; включите его: \`pbxmod modules enable ${id}\`).`,
      updated: (id, from, to, enabled) => `${id} обновлён с ${from} до ${to}; ${enabled ? 'включён' : 'отключён'}, настройки сохранены.`,
      settingsRestored: 'Восстановлены настройки, сохранённые при прежнем удалении.',
      disabledByLicense: (why) => `Модуль остаётся отключённым (DisabledByLicense): ${why}`,
    },
    state: {
      enabled: 'включён',
      disabled: 'отключён',
      license: (why) => `отключён: лицензия${why ? ` (${why})` : ''}`,
      error: 'отключён: ошибка',
      crashLoop: 'отключён: циклические сбои',
    },
    progress: (percent, done, total) => ` ${percent}% (${done} из ${total})`,
  },

  sessions: {
    description: 'Монитор сессий: привязки лицензий ключа к хостам',
    list: {
      description: 'действующие привязки по хостам',
      host: (host, net, hostId) => `${host}  ${net}  (id хоста ${hostId})`,
      binding: (who, captured, what, id) => `  ${who}  привязано ${captured}  ${what}  [привязка ${id}]`,
      empty: 'У этого ключа нет действующих привязок.',
    },
    bindingLine: (feature, featureId, host) => `${feature} (${featureId}) на: ${host}`,
    drop: {
      description: 'сбросить привязки хоста (или одну привязку), чтобы другая АТС могла их занять',
      host: 'имя или id хоста, как их показывает `sessions list`',
      binding: 'сбросить только эту привязку хоста',
      confirm: (count, what) => `Сбросить ${bindings(count)}: ${what}?`,
      done: (count, host) => `Сброшено с ${host}: ${bindings(count)}.`,
    },
    warnings: {
      mikoPbx: 'Сбрасывается фича 33 (бесплатная лицензия MikoPBX): эта АТС теряет лицензию Маркетплейса, пока снова не займёт место.',
      otherProducts: (list) => `Сбрасываются фичи других продуктов: ${list}. Их модули на той АТС будут отключены при следующей проверке лицензий.`,
    },
  },

  serve: {
    description: 'запустить сервис лицензирования (ключи, пробные периоды, купоны, места, каталог); данные в <data-dir>/licensing',
    host: 'адрес, на котором слушать',
    port: 'порт (0 — любой свободный)',
    database: 'хранить данные в PostgreSQL, postgres://user@host:port/db (по умолчанию $PBXMOD_DATABASE_URL; если не задан — licensing.json)',
    tokenFile: 'токен оператора (по умолчанию $PBXMOD_SERVICE_TOKEN, иначе <data-dir>/licensing/operator-token, создаётся при первом запуске)',
    secretFile: 'секрет для хэширования ключей (по умолчанию $PBXMOD_SERVICE_SECRET, иначе <data-dir>/licensing/service-secret)',
    trialsPerAddress: 'сколько новых пробных ключей один адрес может получить за сутки',
    registrationsPerAddress: 'сколько попыток регистрации один адрес может сделать за час',
    log: 'записывать каждый запрос (строки JSON на стандартный вывод)',
    everyAddress: (host, port, url) => `всех адресах (${host}), порт ${port}; отсюда — ${url}`,
    listening: (where, dataDir, storage) => `Сервис лицензирования слушает на ${where} (данные в ${dataDir}, ${storage}). Остановка — Ctrl+C.`,
    stopped: 'Сервис лицензирования остановлен.',
  },

  service: {
    description: 'управлять сервисом лицензирования через API оператора: купоны, места, исходящая почта (--api URL с токеном или встроенный сервис)',
    tokenFile: 'токен сервиса (по умолчанию $PBXMOD_SERVICE_TOKEN; токен встроенного сервиса находится сам)',
    coupon: {
      description: 'купоны, добавляющие лицензию продукта к ключу',
      create: {
        description: 'создать купон MIKOUPD-... на лицензию продукта',
        product: 'id продукта (1 MikoPBX, 127 Users UI, 31 интеграция с Битрикс24)',
        days: 'срок действия лицензии в днях',
        feature: 'места фичи (можно повторять); по умолчанию по одному месту каждой фичи продукта',
        name: 'название продукта (нужно для продукта, которого нет в каталоге)',
        seats: (count, feature, featureId) => `${count} × ${feature} (${featureId})`,
        done: (name, productId, days, seats) => `${name} (продукт ${productId}) на ${days} ${plural(days, ['день', 'дня', 'дней'])}: ${seats}.`,
      },
      block: { description: 'заблокировать купон: его больше нельзя активировать или войти по нему', done: (coupon) => `Купон ${coupon} заблокирован.` },
    },
    seats: {
      description: 'места фич ключа',
      add: {
        description:
          'добавить места фичи к продукту ключа (например, больше хостов MikoPBX: --product 1 --feature 33); ключ берётся со стандартного ввода, из --key-file или из запроса',
        key: 'лицензионный ключ; «-» читает его со стандартного ввода (аргумент виден в ps: лучше --key-file)',
        keyFile: 'прочитать лицензионный ключ из этого файла',
        product: 'id продукта в ключе',
        feature: 'id фичи',
        count: 'сколько мест добавить',
        done: (product, count, feature) => `${product}: теперь ${count} ${plural(count, ['место', 'места', 'мест'])} фичи ${feature}.`,
      },
    },
    outbox: {
      description: 'письма, которые сервис отправил бы (ключи владельцам), сначала новые',
      limit: 'сколько писем',
      from: (created) => `От сервиса, ${created}`,
      to: (to) => `Кому: ${to}`,
      subject: (subject) => `Тема: ${subject}`,
      empty: 'Исходящих писем нет.',
    },
  },

  dialplan: {
    description: 'Приложения диалплана: номера, выполняющие строки диалплана Asterisk или скрипт PHP-AGI',
    id: 'его номер или id DIALPLAN-…',
    list: {
      description: 'список приложений: номер, название, тип, описание',
      filter: 'только те, чей номер, название, тип, описание или код содержат ТЕКСТ',
      header: { number: 'НОМЕР', name: 'НАЗВАНИЕ', type: 'ТИП', description: 'ОПИСАНИЕ' },
      noMatch: (filter) => `Нет приложений диалплана, подходящих под «${filter}».`,
      empty: 'Приложений диалплана пока нет. Добавьте: `pbxmod dialplan add --name НАЗВАНИЕ`.',
    },
    show: {
      description: 'показать одно приложение с его кодом',
      idLabel: 'Id:        ',
      typeLabel: 'Тип:       ',
      hintLabel: 'Хинт:      ',
      descriptionLabel: 'Описание:  ',
      none: '(нет)',
      code: '--- код ---',
      empty: '(пусто)',
      typeName: (type) => (type === 'php' ? 'php (скрипт PHP-AGI)' : 'plaintext (строки диалплана)'),
    },
    add: { description: 'добавить приложение (номер по умолчанию — ближайший свободный от 2200100)' },
    edit: { description: 'изменить приложение; меняются только указанные поля', editor: 'редактировать код в $VISUAL / $EDITOR (как git commit)' },
    copy: { description: 'скопировать приложение на ближайший свободный номер с названием «… (копия)»' },
    rm: { description: 'удалить приложение (с подтверждением)', confirm: (label) => `Удалить приложение диалплана ${label}?`, done: (label) => `Удалено ${label}.` },
    export: {
      description: (file) => `записать контекст [applications] (${file}) и скрипты agi-bin/*.php`,
      out: 'куда записать (по умолчанию DATA_DIR/dialplan)',
      exported: (dir) => `Экспортировано в ${dir}:`,
      removed: (count, names) => `Удалено скриптов удалённых приложений: ${count}: ${names}`,
      include: (conf) => `Подключите его в extensions.conf: #include ${conf}`,
      leftOut: (label) => `Пропущено: ${label} не записано, чтобы не изменить приложения после него:`,
      fixLeftOut: (count) =>
        `Исправьте названные строки (pbxmod dialplan edit ID) и экспортируйте снова; ${count === 1 ? 'приложение остаётся' : 'приложения остаются'} в хранилище.`,
    },
    preview: {
      description: 'показать диалплан, созданный для приложения, и как Asterisk прочтёт каждую строку (--json: вердикт по каждой строке)',
      script: (file) => `; agi-bin/${file} (исполняемый):`,
      notExportable: 'Экспорт пропускает это приложение, пока отмеченные выше строки не исправлены: они изменили бы приложения после него в файле.',
    },
    fields: {
      name: 'название в списке (обязательно для add, до 50 символов)',
      ext: 'номер для набора: цифры и # + * | X, до 64',
      type: 'php (скрипт PHP-AGI) или plaintext (строки диалплана); по умолчанию php',
      codeFile: 'прочитать код из ФАЙЛА; «-» читает стандартный ввод',
      description: 'до 2000 символов',
      hint: 'хинт состояния устройства, например Custom:2200101 (до 255)',
    },
    label: (number, name, id) => `${number} «${name}» (${id})`,
    added: (label, type) => `Добавлено приложение диалплана ${label}, тип ${type}.`,
    saved: (label, type) => `Сохранено приложение диалплана ${label}, тип ${type}.`,
    copied: (label, type) => `Скопировано в приложение диалплана ${label}, тип ${type}.`,
    unchanged: (label) => `Изменений нет; ${label} осталось как было.`,
    php: (message, line) => `Синтаксис PHP: ${message}${line !== null ? ` (строка ${line} кода)` : ''}`,
    checkThese: 'Проверьте эти строки; Asterisk пропустит их или прочтёт неверно:',
  },

  config: {
    description: 'настройки pbxmod для этой АТС (хранятся в хранилище): язык',
    get: { description: 'показать настройку', key: 'настройка: language (язык)' },
    set: {
      description: 'изменить настройку; `language auto` снова отдаёт выбор языка локали (LC_ALL / LC_MESSAGES / LANG)',
      key: 'настройка: language (язык)',
      value: 'значение: ru, en или auto',
    },
    language: (value) => `language  ${value ?? 'auto (по локали)'}`,
    languageSet: (value) =>
      value ? `Язык: ${value}. Консоль и команды используют его со следующего запуска.` : 'Язык: auto. Со следующего запуска язык выбирает локаль (LC_ALL / LC_MESSAGES / LANG).',
  },
};
