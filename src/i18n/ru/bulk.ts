import type { bulk as English } from '../en/bulk.js';
import { pluralForm } from '../plural.js';

const modules = (n: number) => `${n} ${pluralForm('ru', n, { one: 'модуль', few: 'модуля', many: 'модулей', other: 'модуля' })}`;
const ofModules = (n: number) => `${n} ${pluralForm('ru', n, { one: 'модуля', few: 'модулей', many: 'модулей', other: 'модуля' })}`;

/** Отметки и действия над несколькими модулями, безопасный режим, подтверждения установки, отката и обновления всех. */
export const bulk: typeof English = {
  screen: {
    marked: (count: number) => `отмечено: ${count}`,
    safeMode: (count: number) => `безопасный режим: вернуть ${modules(count)} (R)`,
    markColumn: '',
    keys: {
      mark: 'отметить',
      markAll: 'отметить все показанные строки',
      clearMarks: 'снять все отметки',
      enable: 'вкл./откл. (отмеченные: включить)',
      disable: 'отключить отмеченные (или эту строку)',
      update: 'обновить отмеченные (или эту строку) до новейшего выпуска',
      delete: 'удалить отмеченные (или эту строку)',
      safeMode: 'безопасный режим: отключить все включённые модули',
      restore: 'вернуть модули, отключённые безопасным режимом',
    },
    confirm: {
      title: (action, count) =>
        ({ enable: `Включить ${modules(count)}?`, disable: `Отключить ${modules(count)}?`, update: `Обновить ${modules(count)}?`, remove: `Удалить ${modules(count)}?` })[action],
      label: (action) => ({ enable: 'Включить', disable: 'Отключить', update: 'Обновить', remove: 'Удалить' })[action],
      line: (name, id, version) => `${name} (${id}) ${version}`,
      updateLine: (name, id, from, to) => `${name} (${id}) ${from} -> ${to}`,
      more: (count) => `...и ещё ${count}`,
      oneByOne: 'Модули обрабатываются по очереди; ошибка одного видна в его строке, остальные продолжаются.',
      paidEnable: 'Платный модуль занимает место своей лицензии на этой АТС.',
      removeEnabled: 'Включённые среди них модули сразу перестанут работать.',
      nothingToUpdate: (ids) => `Нет более нового выпуска: ${ids}.`,
    },
    progress: (index, total) => `(${index} из ${total})`,
    done: (action, ok, failed) => {
      const did = { enable: 'Включено', disable: 'Отключено', update: 'Обновлено', remove: 'Удалено' }[action];
      return failed > 0 ? `${did} ${ok} из ${ofModules(ok + failed)}; с ошибкой: ${failed} (см. их строки).` : `${did}: ${modules(ok)}.`;
    },
    safeModeConfirm: {
      title: (count) => `Безопасный режим: отключить ${modules(count)}?`,
      message: 'Эти включённые модули будут отключены и запомнены; R включит снова именно их.',
      noService: 'Лицензионный сервис не нужен: при отключении места лицензий сохраняются.',
      label: 'Отключить все',
      none: 'Нет включённых модулей: отключать нечего.',
    },
    restoreConfirm: {
      title: (count) => `Безопасный режим: включить снова ${modules(count)}?`,
      message: 'Каждый будет включён снова; платный модуль снова займёт место своей лицензии.',
      label: 'Включить их',
      none: 'Безопасный режим не помнит ни одного модуля: возвращать нечего.',
    },
    safeModeDone: (count, failed) =>
      failed > 0 ? `Безопасный режим: отключено модулей: ${count}, с ошибкой: ${failed} (см. их строки).` : `Безопасный режим: отключено и запомнено модулей: ${count}; R вернёт их.`,
    restoreDone: (count, failed) =>
      failed > 0 ? `Возвращено модулей: ${count}; с ошибкой: ${failed}, они остаются запомненными (см. их строки).` : `Возвращено модулей: ${count}; безопасный режим выключен.`,
  },

  confirmInstall: {
    title: (name, id, version) => `Установить ${name} (${id}) ${version}?`,
    free: 'Бесплатный модуль. Он устанавливается отключённым; включите его, когда будете готовы.',
    paidTrial: (days) => `Платный модуль: на ваш лицензионный ключ начнётся пробный период на ${days} дней, если его ещё не было.`,
    eulaHeading: 'Действует его лицензионное соглашение (EULA):',
    eulaFull: 'Полный текст: Enter на модуле (подробности) или `pbxmod modules info ID`.',
    acceptLabel: 'Принять EULA и установить',
    label: 'Установить',
    question: (id, version) => `Установить ${id} ${version}?`,
    acceptQuestion: 'Принять лицензионное соглашение выше и установить?',
  },
  confirmRollback: {
    title: (name, id, to) => `Откатить ${name} (${id}) на ${to}?`,
    message: (from, to) => `С ${from} на ${to}: более старый выпуск заменит установленный; настройки модуля сохраняются.`,
    enabled: 'Модуль включён: на время замены он отключается, затем включается снова.',
    label: 'Откатить',
    question: (id) => `Откатить ${id}?`,
  },
  confirmUpdateAll: {
    title: (count) => `Обновить ${modules(count)}?`,
    label: 'Обновить все',
    line: (id, from, to) => `${id} ${from} -> ${to}`,
    question: (count) => `Обновить ${modules(count)}?`,
    result: (changed, failed) => [changed ? `Обновлены: ${changed}.` : 'Ничего не изменилось.', failed ? `С ошибкой: ${failed}.` : ''].filter(Boolean).join(' '),
  },

  cli: {
    enabled: (id) => `${id} включён.`,
    disabled: (id) => `${id} отключён.`,
    updated: (id, from, to) => `${id} обновлён с ${from} до ${to}.`,
    unchanged: (id, version) => `${id} ${version} уже новейший; делать нечего.`,
    removed: (id, version) => `${id} ${version} удалён.`,
    settingsKept: 'Его настройки сохранены и вернутся при повторной установке.',
    settingsPurged: 'Его настройки удалены.',
    failed: (id, why) => `${id} ОШИБКА: ${why}`,
    summary: (ok, failed) => `Выполнено: ${ok}, с ошибкой: ${failed}.`,
    removeQuestion: (ids, _count, purge) => (purge ? `Удалить ${ids} вместе с настройками?` : `Удалить ${ids}? Настройки сохранятся для повторной установки.`),
    safeModeNone: 'Нет включённых модулей: отключать нечего.',
    safeModeDone: (ids) => `Безопасный режим: отключены ${ids}. \`pbxmod modules restore\` включит снова именно их.`,
    safeModeRemembered: (ids) => `Запомнены для возврата: ${ids}.`,
    restoreNone: 'Безопасный режим не помнит ни одного модуля: возвращать нечего.',
    restoreDone: (ids) => `Возвращены: ${ids}.`,
    restoreGone: (ids) => `Больше не установлены, забыты: ${ids}.`,
    updatesUnknown: (why) => `Обновления не проверены (список — с этой АТС): ${why}`,
    restoreLeft: (ids) => `Остаются запомненными (включить не удалось; запустите restore снова): ${ids}.`,
  },
};
