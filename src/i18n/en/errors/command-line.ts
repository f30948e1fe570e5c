import type { ErrorText } from '../errors.js';

/** Errors of the command line as a whole (read-only mode, unknown commands) and of the audit log, in English. */
export const commandLine = {
  readonly_refused: (p: { command: string }) => ({
    message: `Read-only mode (--readonly or PBXMOD_READONLY): \`pbxmod ${p.command}\` changes something, so it was not run. Nothing was changed.`,
    hint: 'Run it again without --readonly and with PBXMOD_READONLY unset to make the change; commands that only read still work.',
  }),
  command_unknown: (p: { command: string; suggestion: string | null; helpFor: string }) => ({
    message: `unknown command '${p.command}'.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''}`,
    hint: `Run \`pbxmod help${p.helpFor ? ` ${p.helpFor}` : ''}\` for the commands there are.`,
  }),
  audit_since_invalid: (p: { value: string }) => ({
    message: `--since must be a date or a duration; got "${p.value}".`,
    hint: 'Give a date like 2026-12-01 or 2026-12-01T09:30, or how long ago: 30m, 2h, 3d, 1w.',
  }),
} satisfies Record<string, (p: never) => ErrorText>;
