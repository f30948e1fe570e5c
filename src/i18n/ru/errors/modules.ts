import { formatBytes as size } from '../../../domain/byte-size.js';
import type { modules as English, LockHolderParams, UnsafeNameKind } from '../../en/errors/modules.js';
import type { SystemCause } from '../../en/errors/domain.js';
import { continued, systemErrorText } from './domain.js';

const ARCHIVE_HINT = 'Архив отклонён, ничего не установлено; получите модуль заново у его разработчика или в Маркетплейсе модулей.';
const DOWNLOAD_HINT = 'Проверьте связь с сервисом лицензирования и повторите попытку; ничего не изменено.';
const CATALOG_HINT = 'Проверьте идентификатор командой `pbxmod modules available`.';
const at = (entry?: string) => (entry ? ` (в ${entry})` : '');

const UNSAFE: Record<UnsafeNameKind, (maxBytes?: number) => string> = {
  name_too_long: (maxBytes) => `имеет имя длиннее ${maxBytes} байт`,
  control_characters: () => 'содержит управляющие символы в имени',
  backslash: () => 'использует обратную косую черту, которая на некоторых системах может вывести путь за пределы каталога модуля',
  drive_letter: () => 'начинается с буквы диска (абсолютный путь)',
  absolute: () => 'имеет абсолютный путь',
  empty_part: () => 'содержит в пути пустую часть или «.»',
  dot_dot: () => 'была бы записана за пределами каталога модуля («..»)',
};

/** Why an entry's name is unsafe; a kind this catalog does not know is shown as itself. */
function unsafeText(why: UnsafeNameKind, maxBytes?: number): string {
  return UNSAFE[why]?.(maxBytes) ?? why;
}

/** The lock's names of the module operations, in Russian. */
const OPERATIONS: Record<string, string> = {
  install: 'установка',
  update: 'обновление',
  'update all': 'обновление всех модулей',
  'install from file': 'установка из файла',
  enable: 'включение',
  disable: 'отключение',
  remove: 'удаление',
  'license check': 'проверка лицензий',
  recovery: 'восстановление',
  'module operation': 'операция с модулем',
};

/** «установка ModuleX», «проверка лицензий». */
function operationText(p: { operation: string; moduleId?: string }): string {
  const name = OPERATIONS[p.operation] ?? p.operation;
  return p.moduleId ? `${name} ${p.moduleId}` : name;
}

const LICENSE_KEY_MISSING_MESSAGE = 'Не установлен лицензионный ключ для активации лицензии модуля.';

/** Errors of the module pipeline (archives, downloads, install / update / remove), in Russian. */
export const modules: typeof English = {
  archive_too_many_entries: (p: { count: number; max: number }) => ({ message: `В архиве ${p.count} записей; в модуле может быть не больше ${p.max}.`, hint: ARCHIVE_HINT }),
  archive_duplicate_entry: (p: { entry: string }) => ({ message: `Архив содержит ${p.entry} больше одного раза; какая копия имеется в виду, не определить.`, hint: ARCHIVE_HINT }),
  archive_duplicate_folder: (p: { parent: string; entry: string }) => ({ message: `Архив содержит ${p.parent} и как файл, и как папку для ${p.entry}.`, hint: ARCHIVE_HINT }),
  archive_duplicate_on_disk: (p: { entry: string }) => ({ message: `Архив содержит ${p.entry} больше одного раза.`, hint: ARCHIVE_HINT }),
  archive_too_large: (p: { maxBytes: number }) => ({ message: `Архив распаковывается больше чем в ${size(p.maxBytes)} — это наибольший допустимый размер модуля.`, hint: ARCHIVE_HINT }),
  archive_entry_too_large: (p: { entry: string; bytes: number; maxBytes: number }) => ({
    message: `Запись архива ${p.entry} распаковывается в ${size(p.bytes)}; один файл может занимать не больше ${size(p.maxBytes)}.`,
    hint: ARCHIVE_HINT,
  }),
  archive_ratio: (p: { ratio: number; packed: number; unpacked: number; floorBytes: number; limit: number }) => ({
    message: `Архив при распаковке становится в ${p.ratio} раз больше (${size(p.packed)} → ${size(p.unpacked)}): это zip-бомба. Сверх ${size(p.floorBytes)} предел — ${p.limit}:1.`,
    hint: ARCHIVE_HINT,
  }),
  archive_entry_ratio: (p: { entry: string; ratio: number; packed: number; unpacked: number; limit: number }) => ({
    message: `Запись архива ${p.entry} при распаковке становится в ${p.ratio} раз больше (${size(p.packed)} → ${size(p.unpacked)}): это zip-бомба. Предел — ${p.limit}:1.`,
    hint: ARCHIVE_HINT,
  }),
  archive_symlink: (p: { entry: string }) => ({ message: `Запись архива ${p.entry} — символическая ссылка; архив модуля может содержать только файлы и папки.`, hint: ARCHIVE_HINT }),
  archive_special_file: (p: { entry: string }) => ({
    message: `Запись архива ${p.entry} — устройство, канал или сокет; архив модуля может содержать только файлы и папки.`,
    hint: ARCHIVE_HINT,
  }),
  archive_encrypted: (p: { entry: string }) => ({ message: `Запись архива ${p.entry} зашифрована; архивы модулей не шифруются.`, hint: ARCHIVE_HINT }),
  archive_unsupported: (p: { entry: string; method: number }) => ({
    message: `Запись архива ${p.entry} сжата методом ${p.method}; поддерживаются только записи без сжатия и со сжатием deflate.`,
    hint: ARCHIVE_HINT,
  }),
  archive_no_manifest: () => ({ message: 'В корне архива нет module.json: это не модуль MikoPBX.', hint: ARCHIVE_HINT }),
  archive_nested_manifest: (p: { path: string }) => ({
    message: `В корне архива нет module.json (он есть в ${p.path}): файлы модуля должны лежать в архиве на верхнем уровне.`,
    hint: ARCHIVE_HINT,
  }),
  archive_checksum: (p: { entry: string }) => ({ message: `Запись архива ${p.entry} повреждена: её CRC-32 не совпадает.`, hint: ARCHIVE_HINT }),
  archive_unsafe_path: (p: { entry: string; why: UnsafeNameKind; maxBytes?: number }) => ({
    message: `Запись архива ${p.entry} ${unsafeText(p.why, p.maxBytes)}; архив отклонён как небезопасный.`,
    hint: ARCHIVE_HINT,
  }),
  archive_size_mismatch: (p: { entry: string; actual: string; declared: number }) => ({
    message: `Запись архива ${p.entry} распаковывается в ${p.actual} байт, а заявлено ${p.declared}: архив повреждён или подделан.`,
    hint: ARCHIVE_HINT,
  }),
  archive_offsets: (p: { entry?: string }) => ({
    message: `Смещения zip в файле не указывают на его записи${at(p.entry)}: похоже на самораспаковывающийся архив или zip, перед которым дописаны данные.`,
    hint: 'Исправьте смещения командой `zip -A ФАЙЛ` (или распакуйте его и упакуйте модуль заново), затем установите его; ничего не установлено.',
  }),
  archive_corrupt: (p: { entry?: string; detail: string }) => ({ message: `Файл не является читаемым zip-архивом${at(p.entry)}: ${p.detail}.`, hint: ARCHIVE_HINT }),
  archive_truncated: (p: { entry: string }) => ({ message: `Файл не является читаемым zip-архивом${at(p.entry)}: файл неожиданно кончился.`, hint: ARCHIVE_HINT }),

  download_http: (p: { status: number; url: string }) => ({
    message: `Сервис лицензирования ответил HTTP ${p.status} на запрос архива ${p.url}.`,
    hint: 'Возможно, срок действия ссылки на загрузку истёк: повторите попытку. Ничего не изменено.',
  }),
  download_size_mismatch: (p: { url: string; bytes: number; announced: number }) => ({
    message: `Архив по адресу ${p.url} занимает ${size(p.bytes)}, а сервис объявил ${size(p.announced)}.`,
    hint: DOWNLOAD_HINT,
  }),
  download_too_long: (p: { url: string; announced: number }) => ({
    message: `Архив по адресу ${p.url} больше объявленных сервисом ${size(p.announced)}; загрузка остановлена.`,
    hint: DOWNLOAD_HINT,
  }),
  download_failed: (p: { url: string; detail: string }) => ({ message: `Загрузка ${p.url} не удалась: ${p.detail}.`, hint: DOWNLOAD_HINT }),
  download_unreachable: (p: { url: string; detail: string }) => ({ message: `Не удаётся загрузить ${p.url}: ${p.detail}.`, hint: DOWNLOAD_HINT }),
  download_bad_link: (p: { url: string }) => ({ message: `Сервис дал неверную ссылку на загрузку: ${p.url}.`, hint: DOWNLOAD_HINT }),
  download_link_protocol: (p: { url: string }) => ({ message: `Сервис дал ссылку на загрузку не по http и не по https: ${p.url}.`, hint: DOWNLOAD_HINT }),
  download_checksum: (p: { md5: string; expected: string }) => ({
    message: `Загруженный архив повреждён: его md5 — ${p.md5}, а сервис объявил ${p.expected}.`,
    hint: 'Повторите попытку; если повторится, архив на сервисе испорчен: сообщите об этом разработчику модуля. Ничего не изменено.',
  }),
  download_cut_off: (p: { url: string; received: number; size: number; idleSeconds?: number; detail?: string }) => ({
    message: `Загрузка ${p.url} прервалась после ${size(p.received)} из ${size(p.size)}${p.idleSeconds !== undefined ? ` (нет данных ${p.idleSeconds} с)` : p.detail ? ` (${p.detail})` : ''}.`,
    hint: DOWNLOAD_HINT,
  }),
  download_not_saved: (p: { received: number; size: number; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удалось сохранить архив (${size(p.received)} из ${size(p.size)}): ${system.message}`, hint: `${system.hint} Ничего не изменено.` };
  },

  module_file_missing: (p: { file: string }) => ({ message: `Файла ${p.file} нет.`, hint: 'Проверьте путь к архиву модуля.' }),
  module_file_is_folder: (p: { file: string }) => ({ message: `${p.file} — папка, а не zip-архив.`, hint: 'Укажите путь к .zip-файлу модуля.' }),
  module_file_denied: (p: { file: string }) => ({ message: `Не удаётся прочитать ${p.file}: нет доступа.`, hint: 'Проверьте права доступа к файлу.' }),
  module_file_unreadable: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удаётся прочитать архив модуля: ${system.message}`, hint: system.hint };
  },
  module_unpack_disk_full: (p: { entry: string }) => ({
    message: `Диск заполнен: не удалось распаковать ${p.entry}.`,
    hint: 'Освободите место на диске и повторите попытку; прежняя версия не тронута.',
  }),
  module_unpack_no_inodes: (p: { entry: string; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удалось распаковать ${p.entry}: ${continued(system.message)}`, hint: `${system.hint} Прежняя версия не тронута.` };
  },
  module_unpack_failed: (p: { entry: string; cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удаётся распаковать ${p.entry}: ${system.message}`, hint: `${system.hint} Прежняя версия не тронута.` };
  },
  module_not_installed: (p: { id: string; installed: string[] }) => ({
    message: `Модуль ${p.id} не установлен.`,
    hint: p.installed.length > 0 ? `Установленные модули: ${p.installed.join(', ')}.` : 'Не установлено ни одного модуля; см. `pbxmod modules available`.',
  }),
  module_update_not_installed: (p: { id: string }) => ({
    message: `Модуль ${p.id} не установлен, обновлять нечего.`,
    hint: `Установите его командой \`pbxmod modules install ${p.id}\`.`,
  }),
  module_not_in_catalog: (p: { id: string; pbxVersion: string }) => ({
    message: `Модуля ${p.id} нет: он не установлен, и в Маркетплейсе модулей нет такого для MikoPBX ${p.pbxVersion}.`,
    hint: CATALOG_HINT,
  }),
  module_not_offered: (p: { id: string; pbxVersion: string }) => ({ message: `В Маркетплейсе модулей нет модуля ${p.id}, который может установить MikoPBX ${p.pbxVersion}.`, hint: CATALOG_HINT }),
  release_not_found: (p: { id: string; pbxVersion: string; offered: string }) => ({
    message: `Маркетплейс модулей не предлагает выпусков ${p.id} для MikoPBX ${p.pbxVersion}.`,
    hint: `Предлагаемые выпуски: ${p.offered || 'нет'}.`,
  }),
  release_not_offered: (p: { id: string; wanted: string; pbxVersion: string; offered: string }) => ({
    message: `У ${p.id} нет выпуска ${p.wanted}, который может установить MikoPBX ${p.pbxVersion}.`,
    hint: `Предлагаемые выпуски: ${p.offered || 'нет'}.`,
  }),
  module_id_mismatch: (p: { expected: string; actual: string }) => ({
    message: `Архив, загруженный для ${p.expected}, содержит модуль ${p.actual}.`,
    hint: 'Запись каталога ошибочна: сообщите об этом в Маркетплейс модулей. Ничего не изменено.',
  }),
  pbx_too_old: (p: { id: string; version: string; needs: string; pbxVersion: string }) => ({
    message: `${p.id} ${p.version} требует MikoPBX ${p.needs} или новее; на этой АТС — ${p.pbxVersion}.`,
    hint: 'Сначала обновите АТС или установите более старый выпуск модуля.',
  }),
  disk_space_download: (p: { bytes: number; margin: number; free: number }) => ({
    message: `Недостаточно места на диске для загрузки: нужно ${size(p.bytes + p.margin)} (${size(p.bytes)} и запас ${size(p.margin)}), а свободно ${size(p.free)}.`,
    hint: `Освободите хотя бы ${size(p.bytes + p.margin - p.free)} и повторите попытку; ничего не изменено.`,
  }),
  disk_space_unpack: (p: { id: string; bytes: number; margin: number; free: number }) => ({
    message: `Недостаточно места на диске для распаковки ${p.id}: нужно ${size(p.bytes + p.margin)} (${size(p.bytes)} и запас ${size(p.margin)}), а свободно ${size(p.free)}.`,
    hint: `Освободите хотя бы ${size(p.bytes + p.margin - p.free)} и повторите попытку; ничего не изменено.`,
  }),
  module_swap_failed: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удалось установить модуль: ${system.message}`, hint: `${system.hint} Прежняя версия и хранилище остались как были.` };
  },
  module_lock_removed: (p: { file: string }) => ({ message: `Блокировка модулей ${p.file} была удалена во время операции.`, hint: 'Ничего не применено; повторите попытку.' }),
  module_lock_failed: (p: { cause: SystemCause }) => {
    const system = systemErrorText(p.cause);
    return { message: `Не удаётся взять блокировку модулей: ${system.message}`, hint: system.hint };
  },
  module_recovery_failed: (p: { dir: string; detail: string }) => ({
    message: `Не удалось завершить прерванную операцию с модулем в ${p.dir}: ${p.detail}.`,
    hint: 'Проверьте диск и права доступа к каталогу данных, затем повторите попытку.',
  }),
  module_busy: (p: LockHolderParams) => ({
    message: `Выполняется другая операция с модулями${p.operation !== undefined ? ` (${operationText({ operation: p.operation, ...(p.moduleId ? { moduleId: p.moduleId } : {}) })}, pid ${p.pid})` : ''}; повторите, когда она закончится.`,
    hint: 'На АТС одновременно выполняется только одна установка, обновление, включение, отключение или удаление.',
  }),
  license_key_missing: (p: { id: string }) => ({
    message: `${LICENSE_KEY_MISSING_MESSAGE} ${p.id} — платный модуль.`,
    hint: 'Зарегистрируйте АТС в Маркетплейсе модулей или введите лицензионный ключ (экран 1 консоли или `pbxmod license register` / `pbxmod license set-key`), затем повторите попытку.',
  }),
  license_key_missing_short: () => ({ message: LICENSE_KEY_MISSING_MESSAGE }),
  module_interrupted: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal}: операция «${operationText(p)}» остановлена и откачена.`,
    hint: 'Ничего не изменено; запустите её снова, когда будете готовы.',
  }),
  module_interrupted_rolled_back: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal}: операция «${operationText(p)}» остановлена, откачена, её временная папка удалена; ничего не изменено.`,
  }),
  module_interrupted_committed: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} пришёл, когда операция «${operationText(p)}» уже применялась: она завершена.`,
  }),
  module_interrupted_again: (p: { signal: string; operation: string; moduleId?: string }) => ({
    message: `${p.signal} повторно: остановлено сразу; следующая операция с модулями откатит операцию «${operationText(p)}».`,
  }),
  console_readonly: () => ({ message: 'Консоль открыта только для чтения (--readonly): модули здесь изменить нельзя.' }),

  module_being_updated: (p: { version: string }) => ({ message: `Обновляется до ${p.version}` }),
  module_binding_dropped: () => ({ message: 'Привязка этой АТС была снята в Мониторе сессий. Включите модуль снова, чтобы занять место.' }),
};
