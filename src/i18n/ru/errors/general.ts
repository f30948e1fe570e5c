import type { general as English } from '../../en/errors/general.js';

/** Errors any part can raise, in Russian. */
export const general: typeof English = {
  internal_error: (p: { detail: string }) => ({ message: p.detail }),
  size_malformed: (p: { value: string }) => ({
    message: `--size задаётся как столбцы x строки, например 80x24; указано «${p.value}».`,
    hint: 'Укажите размер терминала на другом конце линии, например --size 80x24.',
  }),
  language_unknown: (p: { value: string; known: string }) => ({
    message: `--lang должен называть язык, который есть в pbxmod (${p.known}); указано «${p.value}».`,
    hint: 'Укажите --lang ru или --lang en.',
  }),
  confirmation_required: (p: { question: string; flag: string }) => ({
    message: `${p.question} Не подтверждено: нет терминала, чтобы спросить.`,
    hint: `Добавьте ${p.flag}, чтобы подтвердить из скрипта.`,
  }),
  confirmation_cancelled: (p: { flag: string }) => ({
    message: 'Отменено; ничего не изменено.',
    hint: `Ответьте «y», чтобы подтвердить, или добавьте ${p.flag}.`,
  }),
  context_closed: () => ({
    message: 'pbxmod завершает работу: сервис лицензирования больше не запускается.',
    hint: 'Запустите pbxmod снова, чтобы обратиться к сервису лицензирования.',
  }),
};
