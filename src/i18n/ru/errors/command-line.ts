import type { commandLine as English } from '../../en/errors/command-line.js';

/** Ошибки командной строки в целом (режим только для чтения, неизвестные команды) и журнала аудита. */
export const commandLine: typeof English = {
  readonly_refused: (p) => ({
    message: `Режим только для чтения (--readonly или PBXMOD_READONLY): \`pbxmod ${p.command}\` что-то меняет, поэтому не выполнена. Ничего не изменено.`,
    hint: 'Чтобы внести изменение, запустите её без --readonly и без PBXMOD_READONLY; команды, которые только читают, работают.',
  }),
  command_unknown: (p) => ({
    message: `неизвестная команда '${p.command}'.${p.suggestion ? ` Возможно, имелась в виду '${p.suggestion}'?` : ''}`,
    hint: `Список команд: \`pbxmod help${p.helpFor ? ` ${p.helpFor}` : ''}\`.`,
  }),
  audit_since_invalid: (p) => ({
    message: `--since ждёт дату или промежуток времени, а получено «${p.value}».`,
    hint: 'Укажите дату, например 2026-12-01 или 2026-12-01T09:30, или давность: 30m, 2h, 3d, 1w.',
  }),
};
