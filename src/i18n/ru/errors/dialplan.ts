import type { DialplanFieldName, NumberOwner, dialplan as English } from '../../en/errors/dialplan.js';
import { checksWords } from '../../en/dialplan-checks.js';
import { dialplanChecks } from '../dialplan-checks.js';

const fieldNames: Record<DialplanFieldName, string> = { name: 'Название', extension: 'Номер', hint: 'Хинт', description: 'Описание' };

/** The objects of the PBX that hold numbers, as the vendor's Russian interface names them. */
const kinds: Record<string, string> = {
  employee: 'сотрудник',
  queue: 'очередь',
  ivr: 'голосовое меню',
  conference: 'конференц-комната',
};

function ownerText(p: NumberOwner): string {
  if (p.kind === 'dialplan_application') return `приложение диалплана ${p.owner ? `«${p.owner}»` : '(без названия)'} (${p.uniqid ?? ''})`;
  const kind = kinds[p.kind] ?? p.kind;
  return p.owner ? `${kind} «${p.owner}»` : kind;
}

const nothingSaved = 'Ничего не сохранено.';

function fieldsCount(n: number): string {
  const rule = new Intl.PluralRules('ru').select(n);
  return `${n} ${rule === 'one' ? 'поле требует' : rule === 'few' ? 'поля требуют' : 'полей требуют'} исправления`;
}

/** Errors of dialplan applications, in Russian. */
export const dialplan: typeof English = {
  dialplan_name_required: () => ({ message: 'Название обязательно: введите короткое название для списка, например «Ночное приветствие».', hint: nothingSaved }),
  dialplan_name_multiline: () => ({ message: 'Название — одна строка текста, без переводов строк и табуляций.', hint: nothingSaved }),
  dialplan_too_long: (p) => ({
    message: `${fieldNames[p.field]}: ${p.length} симв., а допустимо не больше ${p.max}. Сократите на ${p.length - p.max}.`,
    hint: nothingSaved,
  }),
  dialplan_number_required: (p) => ({ message: `Номер обязателен: выберите свободный номер, например ${p.suggestion} (ближайший свободный).`, hint: nothingSaved }),
  dialplan_number_characters: (p) => ({
    message: `Номер «${p.number}» содержит ${p.characters.map((c) => (c === ' ' ? 'пробел' : `«${c}»`)).join(', ')}${p.characters.includes('x') ? ' (букву шаблона X пишите заглавной)' : ''}. Допустимы только цифры 0-9 и # + * | X, например ${p.suggestion}.`,
    hint: nothingSaved,
  }),
  dialplan_number_busy: (p) => ({
    message: `Номер ${p.number} занят: его использует ${ownerText(p)}. Выберите другой номер, например ${p.suggestion}.`,
    hint: nothingSaved,
  }),
  dialplan_type_required: () => ({ message: 'Тип обязателен: php (скрипт PHP-AGI) или plaintext (строки диалплана Asterisk).', hint: nothingSaved }),
  dialplan_type_unknown: (p) => ({ message: `Тип «${p.type}» неизвестен: выберите php (скрипт PHP-AGI) или plaintext (строки диалплана Asterisk).`, hint: nothingSaved }),
  dialplan_hint_multiline: () => ({ message: 'Хинт — одна строка, например Custom:2200101 или PJSIP/201.', hint: nothingSaved }),
  dialplan_code_too_large: (p) => ({
    message: `Код занимает ${p.kib} КиБ, а допустимо ${p.limitKib} КиБ. Вынесите большую логику в файл скрипта на АТС и вызывайте его отсюда.`,
    hint: nothingSaved,
  }),
  dialplan_hint_leaks: (p) => ({ message: p.problems.map((x) => `Хинт «${x.text}»: ${checksWords(dialplanChecks, x.checks)}.`).join('\n'), hint: nothingSaved }),
  dialplan_code_leaks: (p) => ({
    message: p.problems.map((x) => `Код, ${dialplanChecks.line({ line: x.line, reason: checksWords(dialplanChecks, x.checks), text: '' })}.`).join('\n'),
    hint: nothingSaved,
  }),
  dialplan_draft_invalid: (p) => ({ message: `${fieldsCount(p.count)}.`, hint: `${fieldsCount(p.count)}; ничего не сохранено.` }),
  dialplan_not_found: (p) => ({
    message: p.id ? `Приложения диалплана ${p.id} нет.` : `Приложения диалплана с номером ${p.number ?? ''} нет.`,
    hint: 'Посмотрите список: `pbxmod dialplan list`; укажите номер приложения или его id DIALPLAN-XXXXXXXX.',
  }),
  dialplan_conflict: (p) => ({
    message: `Приложение ${p.number} «${p.name}» изменил кто-то другой, пока вы его редактировали (${p.fields.join(', ')}).`,
    hint: 'Ничего не сохранено. Откройте приложение снова, посмотрите чужое изменение, затем внесите своё.',
  }),

  export_target_is_file: (p) => ({
    message: `Нельзя экспортировать в ${p.path}: это файл, а не каталог.`,
    hint: 'Укажите каталог в --out; если его нет, он будет создан.',
  }),
  export_write_failed: (p) => ({
    message: `Не удалось записать ${p.path}: ${writeCauses[p.cause] ?? p.detail}.`,
    hint: writeAdvice[p.cause] ?? 'Проверьте путь и диск, затем повторите.',
  }),
  editor_removed_file: (p) => ({
    message: `Редактор удалил ${p.file} вместо сохранения; ваш текст не изменён.`,
    hint: 'Сохраните файл в редакторе и выйдите, не удаляя его.',
  }),
  editor_not_started: (p) => ({
    message: `Не удалось запустить редактор: ${p.detail}; ваш текст не изменён.`,
    hint: 'pbxmod запускает редактор через /bin/sh; проверьте, что оболочка есть.',
  }),
  editor_stopped: (p) => ({ message: `Редактор остановлен сигналом ${p.signal}; ваш текст не изменён.` }),
  editor_none: () => ({
    message: 'Редактор не найден: $VISUAL и $EDITOR не заданы, а vi не установлен; ваш текст не изменён.',
    hint: 'Задайте один из них и повторите, например export EDITOR=nano.',
  }),
  editor_not_found: (p) => ({
    message: `Редактор «${p.command}» (из $${p.from}) не найден; ваш текст не изменён.`,
    hint: `Установите его или укажите в ${p.from} установленный редактор, например export ${p.from}=nano.`,
  }),
  editor_not_executable: (p) => ({
    message: `Редактор «${p.command}» (из $${p.from}) нельзя запустить; ваш текст не изменён.`,
    hint: 'Проверьте, что это исполняемая программа.',
  }),
  php_not_found: () => ({ message: 'не проверено: php не найден' }),
  php_no_answer: (p) => ({ message: `не проверено: php -l не ответил за ${p.seconds} с` }),
  php_not_run: (p) => ({ message: `не проверено: php не удалось запустить (${p.detail})` }),
  php_ok: () => ({ message: 'php -l: синтаксических ошибок нет' }),
  php_no_output: () => ({ message: 'php -l: пустой ответ' }),
  editor_failed_status: (p) => ({
    message: `Редактор «${p.command}» завершился с кодом ${p.status}; ваш текст не изменён.`,
    hint: 'Выйдите из редактора обычным образом (в vi: :wq), чтобы сохранить изменения.',
  }),
};

const writeCauses: Record<string, string> = {
  EACCES: 'доступ запрещён',
  EPERM: 'доступ запрещён',
  EROFS: 'файловая система только для чтения',
  ENOENT: 'там нельзя создать каталог',
  ENOTDIR: 'часть пути — файл',
};

const writeAdvice: Record<string, string> = {
  EACCES: 'Туда нельзя писать: выберите другой каталог в --out или запустите от пользователя, которому можно.',
  EPERM: 'Туда нельзя писать: выберите другой каталог в --out или запустите от пользователя, которому можно.',
  EROFS: 'Эта файловая система только для чтения: выберите другой каталог в --out.',
  ENOSPC: 'Диск заполнен: освободите место или выберите другой каталог в --out.',
  ENOTDIR: 'Часть пути — файл, а не каталог: выберите другой каталог в --out.',
  EEXIST: 'Часть пути — файл, а не каталог: выберите другой каталог в --out.',
  ENOENT: 'Выберите другой каталог в --out.',
};
