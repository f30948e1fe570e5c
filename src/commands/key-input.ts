import { readFile } from 'node:fs/promises';
import { ValidationError, reason } from '../domain/errors.js';
import type { KeySourceName } from '../i18n/en/errors/commands.js';
import { currentMessages } from '../i18n/catalogs.js';

/**
 * Where a command gets a license key without putting it on its command line (which every user
 * of the machine sees in `ps`): a file, standard input (`-`, or nothing given, when piped), or a
 * prompt that does not echo on a terminal. A key given as an argument still works, with a
 * warning on standard error.
 */
export interface KeySource {
  /** The argument or flag value: the key itself, `-` for standard input, or undefined. */
  value?: string | undefined;
  /** `--key-file FILE`. */
  file?: string | undefined;
  /** How the warning names the way to pass it, e.g. "--key". */
  flag: string;
  /** Read standard input (or prompt) when neither value nor file is given. Default true. */
  required?: boolean;
}

/** The key from its source, or undefined when none was given and none is required. */
export async function readKeyInput(source: KeySource): Promise<string | undefined> {
  if (source.file !== undefined && source.value !== undefined && source.value !== '-') {
    throw new ValidationError(reason('key_given_twice', { flag: source.flag }), 'key');
  }
  if (source.file !== undefined) return firstLine(await readKeyFile(source.file), 'file', source.file);
  if (source.value !== undefined && source.value !== '-') {
    process.stderr.write(`${currentMessages().cli.common.keyOnCommandLine}\n`);
    return source.value;
  }
  if (source.value === undefined && source.required === false) return undefined;
  if (process.stdin.isTTY) return firstLine(await promptHidden(currentMessages().cli.common.keyPrompt), 'prompt');
  return firstLine(await readStdin(), 'stdin');
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(reason('key_file_unreadable', { file, detail: (error as Error).message }), 'key-file');
  }
}

function firstLine(text: string, from: KeySourceName, file?: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  if (!line) throw new ValidationError(reason('key_missing', file === undefined ? { from } : { from, file }), 'key');
  return line;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // A key is 28 characters; anything this large is not one.
    if (size > 64 * 1024) throw new ValidationError(reason('key_input_too_large'), 'key');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Read one line from the terminal without echoing it; Ctrl+C or Esc cancels. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    let typed = '';
    const done = (error?: Error): void => {
      input.setRawMode?.(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer): void => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u001b') return done(new ValidationError(reason('key_prompt_cancelled'), 'key'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode?.(true);
    input.resume();
    input.on('data', onData);
  });
}
