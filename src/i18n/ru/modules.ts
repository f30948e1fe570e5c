/** Texts of the modules screen, in Russian (see ../en.ts for the conventions). */
import type { modules as English } from '../en/modules.js';
import { pluralForm } from '../plural.js';

const modulesWord = (n: number) => pluralForm('ru', n, { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' });
const paidModules = (n: number) => pluralForm('ru', n, { one: 'платный модуль', few: 'платных модуля', many: 'платных модулей', other: 'платного модуля' });

export const modules: typeof English = {
  title: 'Управление модулями',
  shortTitle: 'Модули',

  /** The line above each list. */
  heading: {
    installed: (count: number) => `Установленные модули (${count})`,
    installedLoading: 'Установленные модули',
    marketplace: (count: number, pbxVersion: string) => `Маркетплейс: ${count} ${modulesWord(count)} для MikoPBX ${pbxVersion}`,
    marketplaceLoading: 'Маркетплейс',
  },

  columns: {
    enabled: 'Вкл',
    name: 'Модуль',
    description: 'Описание',
    developer: 'Разработчик',
    version: 'Версия',
    state: 'Состояние',
    marks: 'Метки',
    license: 'Лицензия',
    size: 'Размер',
    installed: 'Установлен',
  },

  state: {
    enabled: 'включён',
    disabled: 'отключён',
    free: 'бесплатно',
    paid: 'платно',
    notInstalled: '-',
  },

  /** Why a module is disabled, in words (the marker says it in a symbol). */
  reason: {
    DisabledByUser: 'Отключён',
    DisabledByLicense: 'Отключён по лицензии',
    DisabledByException: 'Отключён после ошибки в модуле',
    DisabledByCrashLoop: 'Отключён: модуль перезапускался по кругу',
    withText: (reason: string, text: string) => `${reason}: ${text}`,
    licenseHint: 'Пробел снова включает его и занимает место лицензии; привязками управляют в мониторе сессий (экран 4).',
    errorHint: 'Причину ищите в журналах АТС; Пробел снова включает модуль.',
  },

  /** Markers, for the legend in the help overlay. */
  legend: {
    title: 'Метки',
    license: 'отключён по лицензии (перечёркнутый ключ)',
    exception: 'отключён после ошибки в модуле (значок ошибки)',
    crashLoop: 'отключён: модуль перезапускался по кругу',
    update: 'в маркетплейсе есть более новый выпуск',
  },

  empty: {
    installed: [
      'Ни один модуль не установлен.',
      'Нажмите m, чтобы открыть маркетплейс, или f, чтобы установить модуль из zip-файла на этой АТС.',
      'Платным модулям нужен лицензионный ключ: зарегистрируйте АТС на экране 1 (Маркетплейс и лицензия).',
    ],
    marketplace: (pbxVersion: string) => `В маркетплейсе нет модулей для MikoPBX ${pbxVersion}.`,
  },

  loading: {
    installed: 'Чтение установленных модулей...',
    marketplace: 'Загрузка маркетплейса...',
    details: 'Загрузка модуля...',
  },

  /** When the marketplace cannot be asked, the installed list still works. */
  updatesUnknown: (why: string) => `Обновления неизвестны: ${why}`,

  /** The line under a list: more about the module under the cursor. */
  cursor: {
    summary: (id: string, version: string, description: string) => `${id} ${version}: ${description}`,
    updateAvailable: (version: string) => `Доступен выпуск ${version}: u обновляет, r выбирает выпуск.`,
    notInstalled: 'Не установлен: i ставит новейший выпуск, r выбирает другой, Enter показывает подробности.',
    installedAlready: (version: string) => `Установлен: ${version}.`,
  },

  stage: {
    license: 'Проверка лицензии',
    link: 'Получение ссылки на загрузку',
    download: 'Загрузка',
    verify: 'Проверка',
    extract: 'Распаковка',
    install: 'Установка',
    /** Before the first step reports (enable, disable, delete never do). */
    working: 'Выполняется...',
  },

  /** What the progress line says is running. */
  operation: {
    install: (id: string, release: string | null) => `Установка ${id}${release ? ` ${release}` : ''}`,
    update: (id: string, release: string | null) => `Обновление ${id}${release ? ` до ${release}` : ''}`,
    'update-all': () => 'Обновление всех модулей',
    'install-file': (_id: string, file: string | null) => `Установка ${file ?? 'из файла'}`,
    enable: (id: string) => `Включение ${id}`,
    disable: (id: string) => `Отключение ${id}`,
    remove: (id: string) => `Удаление ${id}`,
    'license-check': () => 'Проверка лицензий',
  },

  done: {
    installed: (id: string, version: string) => `${id} ${version} установлен (отключён).`,
    updated: (id: string, from: string, to: string) => `${id} обновлён с ${from} до ${to}; настройки сохранены.`,
    unchanged: (id: string, version: string) => `${id} ${version} уже установлен; делать нечего.`,
    settingsRestored: 'Восстановлены его настройки, сохранённые при прошлом удалении.',
    licenseProblem: (reason: string) => `Он остаётся отключённым по лицензии: ${reason}`,
    enabled: (id: string) => `${id} включён.`,
    disabled: (id: string) => `${id} отключён.`,
    removed: (id: string, version: string) => `${id} ${version} удалён.`,
    removedKept: (id: string, version: string) => `${id} ${version} удалён; его настройки сохранены для будущей установки.`,
    updateAllNone: 'Все установленные модули обновлены до последних версий.',
    updateAll: (updated: number, failed: number) =>
      failed > 0
        ? `Обновлено: ${updated} ${modulesWord(updated)}, с ошибкой: ${failed} (см. их строки).`
        : `Обновлено: ${updated} ${modulesWord(updated)}.`,
    licensesNone: 'Нет включённых платных модулей: проверять нечего.',
    licensesOk: (count: number) => `Лицензии проверены: ${count} ${paidModules(count)}, все лицензированы.`,
    licensesDisabled: (ids: string) => `Отключены по лицензии: ${ids}.`,
    licensesUnreachable: (why: string) => `Лицензии не проверены, ничего не изменено: ${why}`,
  },

  readonly: 'Консоль только для чтения (--readonly): модули здесь менять нельзя.',

  confirmDelete: {
    title: (name: string, id: string) => `Удалить ${name} (${id})?`,
    message: (version: string) => `Версия ${version} будет удалена с этой АТС.`,
    keepSettings: 'Сохранить настройки модуля',
    keepSettingsNote: 'Сохранённые настройки вернутся при повторной установке модуля.',
    purgeSettingsNote: 'Настройки тоже удаляются; повторная установка начнётся с нуля.',
    enabledWarning: 'Модуль включён: он сразу перестанет работать.',
    paidWarning: 'Его место лицензии вернётся лицензионному ключу.',
    confirmLabel: 'Удалить',
  },

  releases: {
    titleInstall: (id: string) => `Установка ${id}: выберите выпуск`,
    titleUpdate: (id: string, installed: string) => `Установлен ${id} ${installed}: выберите выпуск для обновления или отката`,
    columns: { version: 'Версия', date: 'Дата', size: 'Размер', needs: 'Нужна MikoPBX', note: '' },
    newest: 'новейший',
    installed: 'установлен',
    hint: 'Enter устанавливает выпуск под курсором; Esc возвращает назад.',
    none: 'В маркетплейсе нет выпуска этого модуля для этой АТС.',
  },

  file: {
    title: 'Установка модуля из zip-файла на этой АТС',
    intro: 'Ничего не меняется, пока архив и его module.json не пройдут все проверки.',
    pathLabel: 'Zip-файл',
    placeholder: '/tmp/ModuleBackup.zip',
    hint: 'Полный путь к архиву модуля на этой АТС',
    required: 'Укажите путь к zip-файлу модуля.',
    submitLabel: 'Установка из файла',
  },

  details: {
    developer: (developer: string, email: string) => `Разработчик: ${developer} <${email}>`,
    free: 'Лицензия: бесплатный',
    paid: (product: number, feature: number) => `Лицензия: платный (продукт ${product}, фича ${feature})`,
    installed: (version: string, state: string) => `Установлен: ${version}, ${state}`,
    notInstalled: 'Установлен: нет',
    updateAvailable: (version: string) => `Доступно обновление: ${version}`,
    lastError: 'Последняя операция завершилась ошибкой:',
    notInCatalog: 'В маркетплейсе нет его выпуска для этой версии АТС.',
    releases: 'Выпуски',
    release: (version: string, date: string, size: string, minPbx: string) => `${version}  ${date}  ${size}  нужна MikoPBX ${minPbx}`,
    eula: 'Лицензионное соглашение',
    position: (from: number, to: number, total: number) => `строки ${from}-${to} из ${total}`,
  },

  /** Short: the footer shows several of them on one line. */
  keys: {
    move: 'перемещение',
    details: 'подробно',
    toggle: 'вкл/откл',
    marketplace: 'маркетплейс',
    installed: 'установленные',
    install: 'установить',
    releases: 'выбрать выпуск (обновить, откатить)',
    update: 'обновить до новейшего выпуска',
    updateInstalled: 'обновить установленный модуль',
    updateAll: 'обновить все модули',
    delete: 'удалить',
    installFile: 'установить из zip-файла',
    checkLicenses: 'проверить лицензии сейчас',
    filter: 'фильтр',
    back: 'назад',
    scroll: 'прокрутка',
    installRelease: 'установить этот выпуск',
    submitFile: 'установить файл',
    cancel: 'отмена',
  },

  /** The periodic license check (SPEC §3), running while the console is open. */
  licenseChecks: {
    disabled: (ids: string) => `Проверка лицензий: ${ids} отключены по лицензии.`,
    failed: (why: string) => `Периодическая проверка лицензий не удалась: ${why}`,
  },
};
