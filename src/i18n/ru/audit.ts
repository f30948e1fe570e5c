/** Тексты журнала аудита: экран консоли и `pbxmod audit`. */
import type { audit as English } from '../en/audit.js';
import { pluralForm } from '../plural.js';

/** Fields of a dialplan application as the form names them. */
const FIELDS: Readonly<Record<string, string>> = { name: 'название', extension: 'номер', type: 'тип', hint: 'подсказка', description: 'описание', code: 'код' };

export const audit: typeof English = {
  title: 'Журнал аудита',
  shortTitle: 'Аудит',

  loading: 'Чтение журнала аудита',
  empty: 'Журнал аудита пуст: на этой АТС ещё ничего не меняли.',
  columns: { when: 'Когда', who: 'Кто', action: 'Действие', target: 'Объект', outcome: 'Итог' },
  outcome: { ok: 'успешно', failed: 'ошибка' },
  detail: (when, who, action, target, outcome) => `${when}  ${who}  ${action} ${target}: ${outcome}`,
  noDetail: 'Подробностей нет.',
  actionWithCode: (words, code) => (words === code ? code : `${words} (${code})`),
  actions: {
    'module.install': 'установка модуля',
    'module.install-file': 'установка из файла',
    'module.update': 'обновление модуля',
    'module.update-all': 'обновление всех модулей',
    'module.enable': 'включение модуля',
    'module.disable': 'отключение модуля',
    'module.remove': 'удаление модуля',
    'module.remove-purge': 'удаление с настройками',
    'module.license-check': 'проверка лицензий',
    'modules.safe-mode': 'безопасный режим',
    'modules.restore': 'возврат модулей',
    'dialplan.create': 'добавление приложения',
    'dialplan.update': 'изменение приложения',
    'dialplan.copy': 'копирование приложения',
    'dialplan.delete': 'удаление приложения',
    'dialplan.export': 'выгрузка диалплана',
    'license.register': 'регистрация АТС',
    'license.set-key': 'ввод ключа',
    'license.reveal': 'показ ключа',
    'license.coupon': 'активация купона',
    'license.reset': 'сброс ключа',
    'license.capture': 'занятие места лицензии',
    'sessions.drop': 'сброс привязки',
    'config.language': 'язык консоли',
    'config.set': 'изменение настройки',
  },
  details: {
    installed: (p) => `${p.id} ${p.version}`,
    alreadyInstalled: (p) => `${p.id} ${p.version} уже установлен`,
    updated: (p) => `${p.id} ${p.from} -> ${p.to}`,
    updatedAll: (p) => `обновлено: ${p.updated}, ошибок: ${p.failed}`,
    disabledByLicense: (p) => `отключены по лицензии: ${p.modules}`,
    licensed: (p) => `${p.count} ${pluralForm('ru', p.count, { one: 'платный модуль', few: 'платных модуля', many: 'платных модулей', other: 'платного модуля' })} с лицензией`,
    safeMode: (p) => `отключены: ${p.modules || 'ни одного'}`,
    restored: (p) => `включены: ${p.modules || 'ни одного'}`,
    application: (p) => `${p.extension} ${p.name} (${p.type})`,
    applicationCopy: (p) => `копия ${p.source}: ${p.extension} ${p.name} (${p.type})`,
    applicationChanged: (p) => `изменено: ${p.fields.split(', ').map((f) => FIELDS[f] ?? f).join(', ')}`,
    applicationUnchanged: () => 'без изменений',
    language: (p) => (p.language === null ? 'по локали' : p.language),
  },
  bounded: (kept) => `Сначала новые; сверх ${kept} старые уходят в audit.1.jsonl.`,
  keys: {
    move: 'перемещение',
    filter: 'фильтр',
    top: 'самая новая / самая старая',
    reload: 'перечитать журнал',
  },

  command: {
    description: 'журнал аудита: кто что менял на этой АТС и чем это закончилось, сначала новые',
    since: 'только записи начиная с даты (2026-12-01, 2026-12-01T09:30) или за последнее время (30m, 2h, 3d, 1w)',
    action: 'только это действие: полное имя (module.enable), объект (module) или глагол (enable)',
    header: ['КОГДА', 'КТО', 'ДЕЙСТВИЕ', 'ОБЪЕКТ', 'ИТОГ', 'ПОДРОБНОСТИ'],
    empty: 'Журнал аудита пуст: на этой АТС ещё ничего не меняли.',
    noMatch: (actions) => `Ни одна запись не подходит.${actions ? ` Действия в журнале: ${actions}.` : ''}`,
  },
};
