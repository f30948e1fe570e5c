import type { ErrorText } from '../errors.js';

/** Errors of bulk module commands and safe mode, in English. */
export const bulk = {
  bulk_no_ids: (p: { command: string }) => ({
    message: 'Which modules? Give one or more ids.',
    hint: `Example: pbxmod modules ${p.command} ModuleBackup ModuleTemplate (ids from \`pbxmod modules list\`).`,
  }),
  bulk_all_with_ids: () => ({
    message: '--all disables every enabled module; give no ids with it.',
    hint: 'Either `pbxmod modules disable --all`, or `pbxmod modules disable ID...`.',
  }),
  bulk_release_with_ids: () => ({
    message: '--release goes with one module only.',
    hint: 'Example: pbxmod modules update ModuleBackup --release 1.70',
  }),
} satisfies Record<string, (p: never) => ErrorText>;
