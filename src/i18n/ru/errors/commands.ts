import type { CodeFileProblem, commands as English } from '../../en/errors/commands.js';

const codeFileCauses = (p: CodeFileProblem): string => {
  switch (p.cause) {
    case 'directory': return 'это каталог';
    case 'too_large': return `его размер ${p.sizeKib ?? '?'} КиБ, а код ограничен ${p.limitKib ?? '?'} КиБ`;
    case 'missing': return 'такого файла нет';
    case 'denied': return 'доступ запрещён';
    default: return p.detail ?? '';
  }
};

const codeFileHints: Record<CodeFileProblem['cause'], string> = {
  directory: 'Проверьте путь или укажите «-», чтобы читать код со стандартного ввода.',
  too_large: 'Вынесите большую логику в файл скрипта на АТС и вызывайте его отсюда.',
  missing: 'Проверьте путь или укажите «-», чтобы читать код со стандартного ввода.',
  denied: 'Сделайте файл доступным для чтения или передайте его через канал: --code-file - < ФАЙЛ.',
  other: 'Проверьте путь или укажите «-», чтобы читать код со стандартного ввода.',
};

/** Errors of the command line, in Russian. */
export const commands: typeof English = {
  config_key_unknown: (p) => ({ message: `Настройки «${p.key}» нет; в pbxmod есть: ${p.known.join(', ')}.`, hint: 'Пример: pbxmod config set language ru' }),
  config_value_invalid: (p) => ({
    message: `${p.key} не может быть «${p.value}»; допустимо: ${p.allowed.join(', ')}.`,
    hint: `Пример: pbxmod config set ${p.key} ${p.allowed[0] ?? ''}`,
  }),

  module_id_and_file: () => ({
    message: 'Укажите либо ID модуля, либо --file, но не оба (файл несёт свой выпуск).',
    hint: 'Пример: pbxmod modules install --file /tmp/ModuleBackup.zip',
  }),
  module_id_missing_install: () => ({
    message: 'Какой модуль? Укажите его ID или --file ПУТЬ.',
    hint: 'Пример: pbxmod modules install ModuleBackup (см. `pbxmod modules available`).',
  }),
  update_all_with_id: () => ({ message: '--all обновляет все модули до новейших выпусков; ID и --release вместе с ним не указываются.' }),
  module_id_missing_update: () => ({ message: 'Какой модуль? Укажите его ID или --all.', hint: 'Пример: pbxmod modules update ModuleBackup' }),
  module_stays_disabled: (p) => ({ message: `${p.id} остаётся отключённым (DisabledByLicense).` }),

  nothing_to_change: () => ({
    message: 'Менять нечего.',
    hint: 'Укажите хотя бы одно из: --name, --ext, --type, --code-file, --description, --hint или --editor.',
  }),
  code_file_unreadable: (p) => ({ message: `Не удалось прочитать файл кода ${p.path}: ${codeFileCauses(p)}.`, hint: codeFileHints[p.cause] }),
  dialplan_edit_kept: (p) => ({ message: `Отредактированный код сохранён в ${p.file}; используйте его: --code-file ${p.file}.` }),

  key_given_twice: (p) => ({
    message: `Укажите ключ один раз: ${p.flag} или --key-file, но не оба.`,
    hint: 'Лучше --key-file ФАЙЛ или стандартный ввод: аргумент виден в `ps`.',
  }),
  key_file_unreadable: (p) => ({ message: `Не удалось прочитать файл ключа ${p.file}: ${p.detail}.`, hint: 'Проверьте путь и права доступа.' }),
  key_missing: (p) => ({
    message: `Лицензионный ключ не получен ${p.from === 'file' ? `из файла ${p.file ?? ''}` : p.from === 'prompt' ? 'из запроса' : 'со стандартного ввода'}.`,
    hint: 'Передайте его так: echo КЛЮЧ | pbxmod ..., --key-file ФАЙЛ или введите в ответ на запрос.',
  }),
  key_input_too_large: () => ({ message: 'На стандартном вводе больше 64 КБ, а лицензионный ключ — одна короткая строка.', hint: 'Передайте только ключ: echo КЛЮЧ | pbxmod ...' }),
  key_prompt_cancelled: () => ({ message: 'Отменено; ничего не изменено.', hint: 'Введите ключ в ответ на запрос или передайте его через канал: echo КЛЮЧ | pbxmod ...' }),

  whole_number: (p) => ({
    message: `--${p.flag} должен быть целым числом от ${p.min} до ${p.max}${p.value === undefined ? '' : ` (указано «${p.value}»)`}.`,
    hint: `Укажите --${p.flag} N.`,
  }),
  feature_spec_invalid: (p) => ({ message: `--feature принимает ID:КОЛИЧЕСТВО, например 33:2 (указано «${p.value}»).`, hint: 'Для нескольких фич повторите --feature.' }),
  database_url_invalid: (p) => ({ message: `--database должен быть адресом postgres:// (указано «${p.value}»).`, hint: 'Пример: --database postgres://pbxmod@127.0.0.1:5432/pbxmod' }),
  serve_token_unreadable: (p) => ({ message: `Не удалось прочитать файл токена ${p.file}: ${p.detail}.`, hint: 'Проверьте путь и права доступа.' }),
  serve_token_short: (p) => ({ message: `Токен в ${p.file} короче 16 символов.`, hint: 'Используйте длинный случайный токен, например `openssl rand -base64 32`.' }),
  port_in_use: (p) => ({ message: `Порт ${p.port} на ${p.host} уже занят.`, hint: 'Выберите другой через --port или остановите другой сервис.' }),
  correct_flags: () => ({ message: 'Исправьте параметры и повторите.' }),
};
