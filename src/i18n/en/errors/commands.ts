import type { ErrorText } from '../errors.js';

/** Where a command looked for a license key and found none. */
export type KeySourceName = 'file' | 'prompt' | 'stdin';

/** Why a code file could not be read: `cause` picks the words, `detail` is the system's own. */
export interface CodeFileProblem {
  path: string;
  cause: 'directory' | 'too_large' | 'missing' | 'denied' | 'other';
  detail?: string;
  sizeKib?: number;
  limitKib?: number;
}

const codeFileCauses = (p: CodeFileProblem): string => {
  switch (p.cause) {
    case 'directory': return 'it is a directory';
    case 'too_large': return `it is ${p.sizeKib ?? '?'} KiB; code is limited to ${p.limitKib ?? '?'} KiB`;
    case 'missing': return 'there is no such file';
    case 'denied': return 'permission denied';
    default: return p.detail ?? '';
  }
};

const codeFileHints: Record<CodeFileProblem['cause'], string> = {
  directory: 'Check the path, or give - to read the code from standard input.',
  too_large: 'Keep large logic in a script file on the PBX and call it from here.',
  missing: 'Check the path, or give - to read the code from standard input.',
  denied: 'Make the file readable for you, or pipe it in with --code-file - < FILE.',
  other: 'Check the path, or give - to read the code from standard input.',
};

/** Errors of the command line, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const commands = {
  config_key_unknown: (p: { key: string; known: string[] }) => ({
    message: `There is no setting "${p.key}"; pbxmod has: ${p.known.join(', ')}.`,
    hint: 'Example: pbxmod config set language ru',
  }),
  config_value_invalid: (p: { key: string; value: string; allowed: string[] }) => ({
    message: `${p.key} cannot be "${p.value}"; it takes ${p.allowed.join(', ')}.`,
    hint: `Example: pbxmod config set ${p.key} ${p.allowed[0] ?? ''}`,
  }),

  module_id_and_file: () => ({
    message: 'Give either a module id or --file, not both (a file brings its own release).',
    hint: 'Example: pbxmod modules install --file /tmp/ModuleBackup.zip',
  }),
  module_id_missing_install: () => ({
    message: 'Which module? Give its id, or --file PATH.',
    hint: 'Example: pbxmod modules install ModuleBackup (see `pbxmod modules available`).',
  }),
  update_all_with_id: (): ErrorText => ({ message: '--all updates every module to its newest release; give no id or --release with it.' }),
  module_id_missing_update: () => ({ message: 'Which module? Give its id, or --all.', hint: 'Example: pbxmod modules update ModuleBackup' }),
  /** Said before the license error that kept the module disabled. */
  module_stays_disabled: (p: { id: string }): ErrorText => ({ message: `${p.id} stays disabled (DisabledByLicense).` }),

  nothing_to_change: () => ({
    message: 'Nothing to change.',
    hint: 'Give at least one of --name, --ext, --type, --code-file, --description, --hint, or --editor.',
  }),
  code_file_unreadable: (p: CodeFileProblem) => ({ message: `Cannot read the code file ${p.path}: ${codeFileCauses(p)}.`, hint: codeFileHints[p.cause] }),
  /** Said after the error that refused an edit made in the editor. */
  dialplan_edit_kept: (p: { file: string }): ErrorText => ({ message: `Your edited code was kept in ${p.file}; use it with --code-file ${p.file}.` }),

  key_given_twice: (p: { flag: string }) => ({
    message: `Give the key once: ${p.flag} or --key-file, not both.`,
    hint: 'Prefer --key-file FILE or standard input: an argument shows in `ps`.',
  }),
  key_file_unreadable: (p: { file: string; detail: string }) => ({ message: `Cannot read the key file ${p.file}: ${p.detail}.`, hint: 'Check the path and its permissions.' }),
  key_missing: (p: { from: KeySourceName; file?: string }) => ({
    message: `No license key came from ${p.from === 'file' ? `the file ${p.file ?? ''}` : p.from === 'prompt' ? 'the prompt' : 'standard input'}.`,
    hint: 'Give it as: echo KEY | pbxmod ..., --key-file FILE, or type it at the prompt.',
  }),
  key_input_too_large: () => ({ message: 'Standard input holds more than 64 KB; a license key is one short line.', hint: 'Pipe just the key: echo KEY | pbxmod ...' }),
  key_prompt_cancelled: () => ({ message: 'Cancelled; nothing was changed.', hint: 'Give the key at the prompt, or pipe it: echo KEY | pbxmod ...' }),

  whole_number: (p: { flag: string; min: number; max: number; value?: string }) => ({
    message: `--${p.flag} must be a whole number from ${p.min} to ${p.max}${p.value === undefined ? '' : ` (got "${p.value}")`}.`,
    hint: `Give --${p.flag} N.`,
  }),
  feature_spec_invalid: (p: { value: string }) => ({ message: `--feature takes ID:COUNT, e.g. 33:2 (got "${p.value}").`, hint: 'Repeat --feature for several features.' }),
  database_url_invalid: (p: { value: string }) => ({
    message: `--database must be a postgres:// URL (got "${p.value}").`,
    hint: 'Example: --database postgres://pbxmod@127.0.0.1:5432/pbxmod',
  }),
  serve_token_unreadable: (p: { file: string; detail: string }) => ({ message: `Cannot read the token file ${p.file}: ${p.detail}.`, hint: 'Check the path and its permissions.' }),
  serve_token_short: (p: { file: string }) => ({
    message: `The token in ${p.file} is shorter than 16 characters.`,
    hint: 'Use a long random token, e.g. `openssl rand -base64 32`.',
  }),
  port_in_use: (p: { port: string; host: string }) => ({
    message: `Port ${p.port} on ${p.host} is already in use.`,
    hint: 'Choose another with --port, or stop the other service.',
  }),
  /** Said after the service's refusal of an operator command's input. */
  correct_flags: (): ErrorText => ({ message: 'Correct the flags and try again.' }),
} satisfies Record<string, (p: never) => ErrorText>;
