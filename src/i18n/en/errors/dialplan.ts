import type { ErrorText } from '../errors.js';
import { checksWords, dialplanChecks, type CheckFound } from '../dialplan-checks.js';

/** A field of a dialplan application, as the messages name it. */
export type DialplanFieldName = 'name' | 'extension' | 'hint' | 'description';

const fieldNames: Record<DialplanFieldName, string> = { name: 'Name', extension: 'Number', hint: 'Hint', description: 'Description' };

/** Who holds a number: an object of the PBX (`kind` as the store names it) or a dialplan application. */
export interface NumberOwner {
  /** `employee`, `queue`, `ivr`, `conference`... or `dialplan_application`. */
  kind: string;
  /** Its name; empty when it has none. */
  owner: string;
  /** The application's id, when an application holds the number. */
  uniqid?: string;
}

export function ownerText(p: NumberOwner): string {
  if (p.kind === 'dialplan_application') return `dialplan application ${p.owner || '(no name)'} (${p.uniqid ?? ''})`;
  return p.owner ? `${p.kind} ${p.owner}` : p.kind;
}

const nothingSaved = 'Nothing was saved.';

/** Errors of dialplan applications, in English. Entries: `id: (p: {values}) => ({ message, hint })`. */
export const dialplan = {
  dialplan_name_required: () => ({ message: 'Name is required: type a short name for the list, e.g. Night greeting.', hint: nothingSaved }),
  dialplan_name_multiline: () => ({ message: 'Name must be one line of text, without line breaks or tabs.', hint: nothingSaved }),
  dialplan_too_long: (p: { field: DialplanFieldName; length: number; max: number }) => ({
    message: `${fieldNames[p.field]} is ${p.length} characters long; the limit is ${p.max}. Shorten it by ${p.length - p.max}.`,
    hint: nothingSaved,
  }),
  dialplan_number_required: (p: { suggestion: string }) => ({
    message: `Number is required: choose a free number, e.g. ${p.suggestion} (the next free one).`,
    hint: nothingSaved,
  }),
  dialplan_number_characters: (p: { number: string; characters: string[]; suggestion: string }) => ({
    message: `Number "${p.number}" contains ${p.characters.map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ')}${p.characters.includes('x') ? ' (write the pattern letter X in upper case)' : ''}. Use only digits 0-9 and # + * | X, e.g. ${p.suggestion}.`,
    hint: nothingSaved,
  }),
  dialplan_number_busy: (p: { number: string; suggestion: string } & NumberOwner) => ({
    message: `Number ${p.number} is busy: ${ownerText(p)} uses it. Choose another number, e.g. ${p.suggestion}.`,
    hint: nothingSaved,
  }),
  dialplan_type_required: () => ({ message: 'Type is required: php (a PHP-AGI script) or plaintext (Asterisk dialplan lines).', hint: nothingSaved }),
  dialplan_type_unknown: (p: { type: string }) => ({
    message: `Type "${p.type}" is not known: choose php (a PHP-AGI script) or plaintext (Asterisk dialplan lines).`,
    hint: nothingSaved,
  }),
  dialplan_hint_multiline: () => ({ message: 'Hint must be one line, e.g. Custom:2200101 or PJSIP/201.', hint: nothingSaved }),
  dialplan_code_too_large: (p: { kib: string; limitKib: number }) => ({
    message: `Code is ${p.kib} KiB; the limit is ${p.limitKib} KiB. Keep large logic in a script file on the PBX and call it from here.`,
    hint: nothingSaved,
  }),
  /** Text that would change the applications after it in the exported file; `problems` from the line checks. */
  /** What the checker found in the hint / in lines of the code (ids of en/dialplan-checks.ts). */
  dialplan_hint_leaks: (p: { problems: { text: string; checks: readonly CheckFound[] }[] }) => ({
    message: p.problems.map((x) => `Hint "${x.text}": ${checksWords(dialplanChecks, x.checks)}.`).join('\n'),
    hint: nothingSaved,
  }),
  dialplan_code_leaks: (p: { problems: { line: number; checks: readonly CheckFound[] }[] }) => ({
    message: p.problems.map((x) => `Code ${dialplanChecks.line({ line: x.line, reason: checksWords(dialplanChecks, x.checks), text: '' })}.`).join('\n'),
    hint: nothingSaved,
  }),
  /** Several fields at once: the message is each field's, one a line. */
  dialplan_draft_invalid: (p: { count: number }) => ({ message: `${p.count} fields need fixing.`, hint: `${p.count} fields need fixing; nothing was saved.` }),

  dialplan_not_found: (p: { id?: string; number?: string }) => ({
    message: `There is no dialplan application ${p.id ?? `with number ${p.number ?? ''}`}.`,
    hint: 'List the applications with `pbxmod dialplan list`; give its number or its DIALPLAN-XXXXXXXX id.',
  }),
  dialplan_conflict: (p: { number: string; name: string; fields: string[] }) => ({
    message: `Application ${p.number} ${p.name} was changed by someone else while you edited it (${p.fields.join(', ')}).`,
    hint: 'Nothing was saved. Open it again to see the other change, then make yours.',
  }),

  // The export (dialplan/export-files.ts): `cause` is the system's error code.
  export_target_is_file: (p: { path: string }) => ({
    message: `Cannot export to ${p.path}: it is a file, not a directory.`,
    hint: 'Give a directory with --out; it is created when missing.',
  }),
  export_write_failed: (p: { path: string; cause: string; detail: string }) => ({
    message: `Cannot write ${p.path}: ${writeCauses[p.cause] ?? p.detail}.`,
    hint: writeAdvice[p.cause] ?? 'Check the path and the disk, then try again.',
  }),

  // The external editor (dialplan/external-editor.ts).
  editor_removed_file: (p: { file: string }) => ({
    message: `The editor removed ${p.file} instead of saving it; your text is unchanged.`,
    hint: 'Save the file in the editor and quit without deleting it.',
  }),
  editor_not_started: (p: { detail: string }) => ({
    message: `Cannot start the editor: ${p.detail}; your text is unchanged.`,
    hint: 'pbxmod runs the editor through /bin/sh; check that the shell exists.',
  }),
  editor_stopped: (p: { signal: string }): ErrorText => ({ message: `The editor was stopped by ${p.signal}; your text is unchanged.` }),
  editor_none: () => ({
    message: 'No editor found: $VISUAL and $EDITOR are not set and vi is not installed; your text is unchanged.',
    hint: 'Set one and try again, e.g. export EDITOR=nano.',
  }),
  editor_not_found: (p: { command: string; from: string }) => ({
    message: `The editor "${p.command}" (from $${p.from}) was not found; your text is unchanged.`,
    hint: `Install it, or set ${p.from} to an installed editor, e.g. export ${p.from}=nano.`,
  }),
  editor_not_executable: (p: { command: string; from: string }) => ({
    message: `The editor "${p.command}" (from $${p.from}) cannot be run; your text is unchanged.`,
    hint: 'Check that it is an executable program.',
  }),
  editor_failed_status: (p: { command: string; status: number }) => ({
    message: `The editor "${p.command}" exited with status ${p.status}; your text is unchanged.`,
    hint: 'Quit the editor normally (in vi: :wq) to keep your changes.',
  }),

  // What `php -l` said of a script (dialplan/php-lint.ts); php's own error text stays php's.
  php_not_found: (): ErrorText => ({ message: 'not checked: php not found' }),
  php_no_answer: (p: { seconds: number }): ErrorText => ({ message: `not checked: php -l gave no answer in ${p.seconds} s` }),
  php_not_run: (p: { detail: string }): ErrorText => ({ message: `not checked: php could not be run (${p.detail})` }),
  php_ok: (): ErrorText => ({ message: 'php -l: no syntax errors' }),
  php_no_output: (): ErrorText => ({ message: 'php -l: no output' }),
} satisfies Record<string, (p: never) => ErrorText>;

const writeCauses: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'a folder cannot be created there',
  ENOTDIR: 'a part of the path is a file',
};

const writeAdvice: Record<string, string> = {
  EACCES: 'You may not write there: choose another directory with --out, or run as a user who may.',
  EPERM: 'You may not write there: choose another directory with --out, or run as a user who may.',
  EROFS: 'That file system is read-only: choose another directory with --out.',
  ENOSPC: 'The disk is full: free some space, or choose another directory with --out.',
  ENOTDIR: 'A part of that path is a file, not a directory: choose another directory with --out.',
  EEXIST: 'A part of that path is a file, not a directory: choose another directory with --out.',
  ENOENT: 'Choose another directory with --out.',
};
