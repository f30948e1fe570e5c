// Editing code in the person's own editor, the way `git commit` does: $VISUAL, then $EDITOR,
// then vi, run through the shell so that `EDITOR="code -w"` works. No UI here: the console
// suspends its screen around the call, the command line just calls it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxmodError, reason, type Reason } from '../domain/errors.js';

/** The editor could not be run, or did not finish well; the text being edited is unchanged. */
export class EditorError extends PbxmodError {
  constructor(why: Reason) {
    super('editor_failed', why);
  }
}

export interface ExternalEditorOptions {
  /** Where VISUAL / EDITOR are read from, and the editor's environment. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Picks the temp file's suffix, so the editor highlights it: php → `.php`, else `.conf`. */
  type?: string;
  /** The temp file's name before the suffix, e.g. the application's uniqid. Default `dialplan`. */
  baseName?: string;
  /** Folder for the temp file. Default the system temp folder. */
  tempDir?: string;
}

/** The editor command a person has chosen, and where it came from. */
export function chosenEditor(env: NodeJS.ProcessEnv = process.env): { command: string; from: 'VISUAL' | 'EDITOR' | 'default' } {
  const visual = env.VISUAL?.trim();
  if (visual) return { command: visual, from: 'VISUAL' };
  const editor = env.EDITOR?.trim();
  if (editor) return { command: editor, from: 'EDITOR' };
  return { command: 'vi', from: 'default' };
}

/**
 * Write `text` to a temp file, run the editor on it with the terminal handed over, wait, and
 * return what the file holds then. The temp file is removed in every case. A failed editor
 * throws EditorError ("… exited with status 1; your text is unchanged").
 */
export async function editInExternalEditor(text: string, options: ExternalEditorOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const editor = chosenEditor(env);
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'pbxmod-edit-'));
  const file = join(dir, `${safeBaseName(options.baseName)}${options.type === 'php' ? '.php' : '.conf'}`);
  const endsWithNewline = text === '' || text.endsWith('\n');
  try {
    // Editors expect a last line break; it is taken off again if the text had none.
    // mkdtemp made the folder 0700 and unguessable; `wx` still refuses anything already there.
    await writeFile(file, endsWithNewline ? text : `${text}\n`, { mode: 0o600, flag: 'wx' });
    await runEditor(editor, file, env);
    let edited: string;
    try {
      edited = await readFile(file, 'utf8');
    } catch {
      throw new EditorError(reason('editor_removed_file', { file }));
    }
    edited = edited.replace(/\r\n?/g, '\n');
    return endsWithNewline ? edited : edited.replace(/\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Keep an edit that could not be saved, so a long edit is never lost: in the data directory's
 * `unsaved-edits/` (0700), under a name nobody can predict, created exclusively — never in a
 * shared /tmp where another local user could plant a symbolic link for root to write through.
 * Returns the file's path.
 */
export async function keepUnsavedEdit(dataDir: string, text: string, options: { baseName?: string; type?: 'php' | 'plaintext' } = {}): Promise<string> {
  const dir = join(dataDir, 'unsaved-edits');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${safeBaseName(options.baseName)}-${Date.now()}-${randomBytes(4).toString('hex')}${options.type === 'php' ? '.php' : '.conf'}`);
  // O_EXCL with O_CREAT does not follow a symbolic link at the last component: a planted one fails.
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return file;
}

function safeBaseName(name: string | undefined): string {
  const clean = (name ?? '').replace(/[^A-Za-z0-9._-]/g, '');
  return clean === '' || clean.startsWith('.') ? 'dialplan' : clean;
}

function runEditor(editor: ReturnType<typeof chosenEditor>, file: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // Like git: `sh -c '<editor> "$@"' <editor> <file>` — the editor may carry its own arguments.
    const child = spawn('/bin/sh', ['-c', `${editor.command} "$@"`, editor.command, file], { stdio: 'inherit', env });
    // Ctrl-C while the editor runs belongs to the editor, not to us (git does the same).
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    process.on('SIGQUIT', ignore);
    const done = () => {
      process.off('SIGINT', ignore);
      process.off('SIGQUIT', ignore);
    };
    child.once('error', (error) => {
      done();
      reject(new EditorError(reason('editor_not_started', { detail: error.message })));
    });
    child.once('exit', (code, signal) => {
      done();
      if (code === 0) resolve();
      else if (signal) reject(new EditorError(reason('editor_stopped', { signal })));
      else reject(editorFailure(editor, code ?? -1));
    });
  });
}

function editorFailure(editor: ReturnType<typeof chosenEditor>, status: number): EditorError {
  if (status === 127) {
    if (editor.from === 'default') return new EditorError(reason('editor_none'));
    return new EditorError(reason('editor_not_found', { command: editor.command, from: editor.from }));
  }
  if (status === 126) return new EditorError(reason('editor_not_executable', { command: editor.command, from: editor.from === 'default' ? 'EDITOR' : editor.from }));
  return new EditorError(reason('editor_failed_status', { command: editor.command, status }));
}
