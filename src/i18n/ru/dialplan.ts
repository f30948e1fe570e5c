/** Texts of the dialplan screen, in Russian (see ../en.ts for the conventions). */
import type { dialplan as English } from '../en/dialplan.js';
import { pluralForm } from '../plural.js';

const lines = (n: number) => pluralForm('ru', n, { one: 'строка', few: 'строки', many: 'строк', other: 'строки' });
const problems = (n: number) => pluralForm('ru', n, { one: 'проблема', few: 'проблемы', many: 'проблем', other: 'проблемы' });

export const dialplan: typeof English = {
  title: 'Приложения диалплана',
  shortTitle: 'Диалплан',

  loading: 'Чтение приложений диалплана',
  loadFailed: 'Не удаётся прочитать приложения диалплана.',

  list: {
    number: 'Номер',
    name: 'Название',
    type: 'Тип',
    description: 'Описание',
    empty: 'Приложений диалплана пока нет. Нажмите n, чтобы создать.',
  },

  keys: {
    create: 'новое',
    edit: 'изменить',
    copy: 'копия',
    delete: 'удалить',
    preview: 'просмотр',
    filter: 'фильтр',
    move: 'перемещение',
    page: 'страница вверх / вниз',
    homeEnd: 'в начало / в конец',
    save: 'сохранить',
    externalEditor: 'код в $EDITOR',
    zoomPreview: 'просмотр целиком',
    nextField: 'следующее поле',
    previousField: 'предыдущее поле',
    typeSwitch: 'переключить php / plaintext',
    back: 'назад к списку',
    backToFields: 'назад к полям',
    insertLine: 'вставить строку под курсором',
    deleteLine: 'удалить строку курсора',
    indent: 'отступ (4 пробела)',
    cursor: 'перемещение курсора',
    lineStartEnd: 'начало / конец строки',
    scroll: 'прокрутка',
    closePreview: 'закрыть просмотр',
  },

  form: {
    newTitle: 'Новое приложение диалплана',
    editTitle: (extension: string, name: string, uniqid: string) => `Изменение ${extension} ${name} (${uniqid})`,
    unsaved: 'есть несохранённые изменения',
    readonly: 'только чтение: изменения нельзя сохранить',
    name: 'Название',
    extension: 'Номер',
    type: 'Тип',
    hint: 'Подсказка',
    description: 'Описание',
    nameHint: 'до 50 символов, показывается в списке',
    extensionHint: 'цифры и # + * | X; не должен быть занят другим объектом АТС',
    typeHint: 'Пробел или стрелки переключают: php запускает скрипт PHP-AGI, plaintext — строки диалплана',
    hintHint: 'необязательно: состояние устройства для BLF, например Custom:2200101 или PJSIP/201',
    descriptionHint: 'необязательно, до 2000 символов',
    code: 'Код',
    codeHintPhp: 'скрипт PHP-AGI с <?php в начале',
    codeHintPlaintext: 'строки приоритет,Приложение(аргументы), например n,Playback(hello-world)',
    codeEnter: 'Tab — правка, Ctrl-E — в $EDITOR',
    codeEditing: 'Esc — назад к полям',
    /** "строка 3 из 12, столбец 5" */
    position: (line: number, total: number, column: number) => `строка ${line} из ${total}, столбец ${column}`,
    /** Summary of the fields while the code editor has the space. */
    summary: (extension: string, name: string, type: string) => `${extension || '?'}  ${name || '(без названия)'}  ${type}`,
    fieldsToFix: (count: number) =>
      `${count} ${pluralForm('ru', count, { one: 'поле с ошибкой', few: 'поля с ошибками', many: 'полей с ошибками', other: 'поля с ошибками' })}`,
    fixFields: 'Исправьте отмеченные ниже поля и сохраните ещё раз (Ctrl-S).',
    saving: 'Сохранение',
    editing: 'Ожидание закрытия редактора',
    discardTitle: 'Отменить изменения?',
    unsavedWhat: (app: string | undefined) => (app ? `изменения приложения диалплана ${app}` : 'новое приложение диалплана'),
    discardMessage: 'Приложение останется таким, каким было сохранено.',
    discard: 'Отменить изменения',
    keepEditing: 'Продолжить правку',
    readonlyRefused: 'Консоль только для чтения: ничего не сохранено.',
  },

  preview: {
    title: 'Сгенерированный диалплан',
    titleOf: (extension: string, name: string) => `Сгенерированный диалплан ${extension} ${name}`,
    /** The id a new application's AGI script will have: given on saving. */
    newUniqid: 'DIALPLAN-????????',
    script: (fileName: string) => `agi-bin/${fileName}:`,
    phpCheck: (message: string) => `Синтаксис PHP: ${message}`,
    flagged: (count: number) => `${count} ${problems(count)}`,
    fine: 'проблем не найдено',
    more: (count: number) => `... ещё ${count} ${lines(count)}; Ctrl-P показывает всё`,
    moreProblems: (count: number) => `... и ещё ${count} ${problems(count)}; Ctrl-P показывает всё`,
    empty: '(ничего не сгенерировано)',
    scroll: (from: number, to: number, total: number) => `строки ${from}-${to} из ${total}; стрелки прокручивают, Esc закрывает`,
  },

  created: (extension: string, name: string) => `Создано ${extension} ${name}.`,
  saved: (extension: string, name: string) => `Сохранено ${extension} ${name}.`,
  unchanged: (extension: string, name: string) => `Изменений нет; ${extension} ${name} осталось как было.`,
  copied: (from: string, extension: string, name: string) => `${from} скопировано в ${extension} ${name}.`,
  deleted: (extension: string, name: string) => `Удалено ${extension} ${name}.`,
  deleteTitle: (extension: string, name: string) => `Удалить приложение диалплана ${extension} ${name}?`,
  deleteMessage: (uniqid: string, type: string) => [`${uniqid}, ${type}.`, 'Его номер освободится. Это нельзя отменить.'],
  editorDone: (count: number) => `Код получен из редактора (${count} ${lines(count)}); Ctrl-S сохраняет его.`,
  editorUnchanged: 'Редактор закрыт, код не изменился.',
  readonlyRefused: 'Консоль только для чтения: приложения здесь менять нельзя.',
};
