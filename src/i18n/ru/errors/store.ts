import type { store as English } from '../../en/errors/store.js';
import type { SystemCause } from '../../en/errors/domain.js';
import { systemErrorText } from './domain.js';

interface StoreFile {
  store: string;
  file: string;
}

/** The store's name in Russian: nominative, genitive, dative. */
function storeName(label: string): { nom: string; gen: string; dat: string } {
  if (label === 'PBX store') return { nom: 'хранилище АТС', gen: 'хранилища АТС', dat: 'хранилищу АТС' };
  if (label === 'licensing service store') return { nom: 'хранилище сервиса лицензирования', gen: 'хранилища сервиса лицензирования', dat: 'хранилищу сервиса лицензирования' };
  return { nom: label, gen: label, dat: label };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const untouched = (file: string) => `Файл не тронут. Восстановите его из резервной копии или переименуйте (mv ${file} ${file}.broken), чтобы начать с пустого.`;

/** Errors of the store files, in Russian. */
export const store: typeof English = {
  store_read_only: (p: StoreFile) => ({
    message: `Режим только чтения (--readonly или PBXMOD_READONLY): ${storeName(p.store).nom} ${p.file} не записывается. Ничего не изменено.`,
    hint: 'Запустите pbxmod снова без --readonly и без PBXMOD_READONLY, чтобы вносить изменения.',
  }),
  store_invalid_write: (p: StoreFile & { detail: string }) => ({
    message: `Отказано в сохранении ${storeName(p.store).gen} ${p.file}: ${p.detail}.`,
    hint: 'Ничего не изменено. Пожалуйста, сообщите об этой ошибке.',
  }),
  store_busy: (p: StoreFile & { pid?: number; host?: string }) => ({
    message: `${capital(storeName(p.store).nom)} ${p.file} заблокировано другим процессом pbxmod${p.pid === undefined ? '' : ` (pid ${p.pid}${p.host === undefined ? '' : ` на ${p.host}`})`}.`,
    hint: 'Дождитесь окончания другой операции и повторите попытку. Блокировку завершившегося процесса pbxmod забирает сразу.',
  }),
  store_too_new: (p: StoreFile & { version: number; known: number }) => ({
    message: `${capital(storeName(p.store).nom)} ${p.file} записано более новой версией pbxmod (формат ${p.version}; эта знает форматы до ${p.known}).`,
    hint: 'Обновите pbxmod. Файл не тронут.',
  }),
  store_no_migration: (p: StoreFile & { version: number }) => ({
    message: `${capital(storeName(p.store).nom)} ${p.file} в формате ${p.version}, который эта версия pbxmod не умеет обновить.`,
    hint: 'Обновляйте pbxmod по шагам. Файл не тронут.',
  }),
  store_corrupt_empty: (p: StoreFile) => ({ message: `Не удаётся прочитать ${storeName(p.store).nom} ${p.file}: файл пуст.`, hint: untouched(p.file) }),
  store_corrupt_json: (p: StoreFile & { detail: string }) => ({
    message: `Не удаётся прочитать ${storeName(p.store).nom} ${p.file}: это некорректный JSON (${p.detail}).`,
    hint: untouched(p.file),
  }),
  store_corrupt_not_object: (p: StoreFile) => ({ message: `Не удаётся прочитать ${storeName(p.store).nom} ${p.file}: в нём нет объекта JSON.`, hint: untouched(p.file) }),
  store_corrupt_shape: (p: StoreFile & { at?: string; detail: string }) => ({
    message: `Не удаётся прочитать ${storeName(p.store).nom} ${p.file}: содержимое не соответствует формату${p.at ? ` в ${p.at}` : ''}: ${p.detail}.`,
    hint: untouched(p.file),
  }),
  store_corrupt_version: (p: StoreFile) => ({ message: `Не удаётся прочитать ${storeName(p.store).nom} ${p.file}: в нём нет верного «schemaVersion».`, hint: untouched(p.file) }),
  store_io: (p: StoreFile & { cause: SystemCause }) => {
    const { message, hint } = systemErrorText(p.cause);
    return { message: `Нет доступа к ${storeName(p.store).dat} ${p.file}: ${message}`, hint: /ничего не изменено/i.test(hint) ? hint : `${hint} Ничего не изменено.` };
  },
};
