import { formatBytes } from '../../../domain/byte-size.js';
import type { domain as English, SystemCause } from '../../en/errors/domain.js';
import type { ErrorText } from '../../en/errors.js';

const CHECK = 'Проверьте диск и каталог данных, затем повторите попытку.';

/** What happened (`message`) and what to do (`hint`) for a system error, in Russian. */
export function systemErrorText({ errno, path = 'файл', inodes, detail }: SystemCause): Required<ErrorText> {
  switch (errno) {
    case 'ENAMETOOLONG':
      return { message: `Имя ${path} слишком длинное для файловой системы (не больше 255 байт на имя, 4096 на путь).`, hint: 'Используйте более короткое имя или каталог данных с более коротким путём (--data-dir).' };
    case 'ENOSPC':
      return inodes
        ? { message: `В файловой системе, где находится ${path}, нет свободных inode: она не может хранить больше файлов, даже если место ещё есть.`, hint: 'Удалите ненужные файлы (больше всего значат множество мелких; `df -i` показывает inode), затем повторите попытку.' }
        : { message: `Диск, на котором находится ${path}, заполнен.`, hint: 'Освободите место на диске (`df -h` покажет его), затем повторите попытку.' };
    case 'EDQUOT':
      return { message: `Дисковая квота этого пользователя исчерпана в ${path}.`, hint: 'Освободите место в своей квоте или попросите увеличить её, затем повторите попытку.' };
    case 'EACCES':
    case 'EPERM':
      return { message: `Нет доступа к ${path}.`, hint: 'Проверьте права доступа или запустите pbxmod от имени пользователя, которому принадлежит каталог данных.' };
    case 'EROFS':
      return { message: `Файловая система, где находится ${path}, доступна только для чтения.`, hint: 'Перемонтируйте её на запись или выберите другой каталог данных через --data-dir.' };
    case 'EMFILE':
    case 'ENFILE':
      return { message: `Открыто слишком много файлов${errno === 'ENFILE' ? ' в системе' : ' в этом процессе'}, чтобы открыть ${path}.`, hint: 'Закройте другие программы или поднимите предел (`ulimit -n`), затем повторите попытку.' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { message: `Часть пути ${path} — файл там, где должен быть каталог.`, hint: 'Эта часть — файл, а не каталог: уберите его или выберите другой каталог данных через --data-dir.' };
    case 'EISDIR':
      return { message: `${path} — каталог там, где должен быть файл.`, hint: 'Уберите этот каталог, затем повторите попытку.' };
    case 'ENOENT':
      return { message: `${path} не существует.`, hint: 'Проверьте путь, затем повторите попытку.' };
    case 'ELOOP':
      return { message: `Путь ${path} проходит через петлю символических ссылок.`, hint: 'Исправьте или удалите символические ссылки на этом пути.' };
    case 'EIO':
      return { message: `Диск сообщил об ошибке ввода-вывода в ${path}.`, hint: 'Возможно, диск выходит из строя: проверьте `dmesg` и диск, прежде чем повторять.' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { message: `${path} занят другой программой.`, hint: 'Остановите программу, которая его использует, затем повторите попытку.' };
    default:
      return { message: `${(detail ?? errno ?? 'Неизвестная ошибка').replace(/\.$/, '')}.`, hint: CHECK };
  }
}

/** The first letter in lower case: a sentence continued after a colon. */
export function continued(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

const MANIFEST_HINT = 'Попросите разработчика модуля правильно собранный выпуск; ничего не установлено.';
const SERVICE_URL_HINT = 'Укажите сервис лицензирования как http://хост:порт или https://хост.';

/** Errors of the pure rules (module.json, system errors, settings), in Russian. */
export const domain: typeof English = {
  system_error: (p: SystemCause) => systemErrorText(p),

  manifest_too_large: (p: { bytes: number }) => ({ message: `module.json занимает ${formatBytes(p.bytes)}; настоящий — несколько сотен байт.`, hint: MANIFEST_HINT }),
  manifest_text_too_large: (p: { limitKib: number }) => ({ message: `module.json больше ${p.limitKib} KiB; настоящий — несколько сотен байт.`, hint: MANIFEST_HINT }),
  manifest_invalid_json: (p: { detail: string }) => ({ message: `module.json — некорректный JSON (${p.detail}).`, hint: MANIFEST_HINT }),
  manifest_not_object: () => ({ message: 'module.json не содержит объекта JSON.', hint: MANIFEST_HINT }),
  manifest_missing_id: () => ({ message: 'В module.json нет «moduleUniqueID»: у модуля нет идентификатора.', hint: MANIFEST_HINT }),
  manifest_id_too_long: (p: { length: number; start: string; max: number }) => ({
    message: `В module.json «moduleUniqueID» длиной ${p.length} символов (${p.start}…); идентификатор может быть не длиннее ${p.max}.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_id: (p: { value: string }) => ({
    message: `В module.json неверный «moduleUniqueID» (${p.value}): он должен начинаться с буквы и содержать только буквы и цифры.`,
    hint: MANIFEST_HINT,
  }),
  manifest_missing_field: (p: { id: string; field: string }) => ({ message: `В module.json модуля ${p.id} нет обязательного поля «${p.field}».`, hint: MANIFEST_HINT }),
  manifest_field_not_text: (p: { id: string; field: string }) => ({ message: `module.json модуля ${p.id}: «${p.field}» должно быть текстом.`, hint: MANIFEST_HINT }),
  manifest_version_placeholder: (p: { id: string; placeholder: string }) => ({
    message: `В module.json модуля ${p.id} вместо версии всё ещё заглушка сборки ${p.placeholder}: это исходники, а не собранный выпуск.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_version: (p: { id: string; value: string }) => ({ message: `module.json модуля ${p.id}: «version» ${p.value} — не версия.`, hint: MANIFEST_HINT }),
  manifest_bad_min_pbx_version: (p: { id: string; value: string }) => ({
    message: `module.json модуля ${p.id}: «min_pbx_version» ${p.value} — не версия АТС вида 2024.1.114.`,
    hint: MANIFEST_HINT,
  }),
  manifest_feature_without_product: (p: { id: string; featureId: number }) => ({
    message: `module.json модуля ${p.id}: для «lic_feature_id» ${p.featureId} нужен «lic_product_id» больше 0.`,
    hint: MANIFEST_HINT,
  }),
  manifest_bad_wiki_links: (p: { id: string }) => ({ message: `module.json модуля ${p.id}: «wiki_links» должно сопоставлять языкам пары URL.`, hint: MANIFEST_HINT }),
  manifest_not_whole_number: (p: { id: string; field: string; value: string }) => ({
    message: `module.json модуля ${p.id}: «${p.field}» должно быть целым числом (указано ${p.value}).`,
    hint: MANIFEST_HINT,
  }),

  service_url_malformed: (p: { value: string }) => ({ message: `«${p.value}» — не URL.`, hint: SERVICE_URL_HINT }),
  service_url_protocol: (p: { protocol: string }) => ({
    message: `URL сервиса лицензирования должен начинаться с http:// или https:// (указано ${p.protocol}).`,
    hint: SERVICE_URL_HINT,
  }),
};
