import type { bulk as English } from '../../en/errors/bulk.js';

/** Ошибки команд над несколькими модулями и безопасного режима. */
export const bulk: typeof English = {
  bulk_no_ids: (p) => ({
    message: 'Какие модули? Укажите один или несколько идентификаторов.',
    hint: `Пример: pbxmod modules ${p.command} ModuleBackup ModuleTemplate (идентификаторы — в \`pbxmod modules list\`).`,
  }),
  bulk_all_with_ids: () => ({
    message: '--all отключает все включённые модули; идентификаторы с ним не указываются.',
    hint: 'Либо `pbxmod modules disable --all`, либо `pbxmod modules disable ID...`.',
  }),
  bulk_release_with_ids: () => ({
    message: '--release указывается только для одного модуля.',
    hint: 'Пример: pbxmod modules update ModuleBackup --release 1.70',
  }),
};
