/** Тексты журнала аудита: экран консоли и `pbxmod audit`. */
import type { audit as English } from '../en/audit.js';

export const audit: typeof English = {
  title: 'Журнал аудита',
  shortTitle: 'Аудит',

  loading: 'Чтение журнала аудита',
  empty: 'Журнал аудита пуст: на этой АТС ещё ничего не меняли.',
  columns: { when: 'Когда', who: 'Кто', action: 'Действие', target: 'Объект', outcome: 'Итог' },
  outcome: { ok: 'успешно', failed: 'ошибка' },
  detail: (when, who, action, target, outcome) => `${when}  ${who}  ${action} ${target}: ${outcome}`,
  noDetail: 'Подробностей нет.',
  bounded: (kept) => `Сначала новые. Сверх ${kept} записей старые уходят в audit.1.jsonl.`,
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
