// `php -l` on a PHP-AGI script, when the PBX has a php binary: a syntax error found before a
// call hits it. Without php the answer says so instead of pretending the script is fine.
import { spawn } from 'node:child_process';
import { reason, renderReason, type Reason } from '../domain/errors.js';
import { activeMessages } from '../i18n/active.js';

/** A check's words, in the language in use (the result is shown as it is, in the console or on the command line). */
function said(why: Reason): string {
  return renderReason(activeMessages(), why).message;
}

export type PhpSyntaxCheck =
  | { checked: true; ok: true; message: string }
  | { checked: true; ok: false; message: string; /** Line of the script as written to agi-bin. */ line: number | null }
  | { checked: false; message: string };

/** What is said in English when no php binary is on PATH. */
export const PHP_NOT_FOUND = 'not checked: php not found';
const TIMEOUT_MS = 10_000;
/** php -l prints a line or two; more than this is not php -l. */
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Run `php -l` on `script`, fed on standard input (no temp file). `php` is looked up on PATH.
 */
export function checkPhpSyntax(script: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<PhpSyntaxCheck> {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (result: PhpSyntaxCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn('php', ['-l'], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ checked: false, message: said(reason('php_no_answer', { seconds: (options.timeoutMs ?? TIMEOUT_MS) / 1000 })) });
    }, options.timeoutMs ?? TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      if (output.length < OUTPUT_LIMIT) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ checked: false, message: said(error.code === 'ENOENT' ? reason('php_not_found') : reason('php_not_run', { detail: error.code ?? error.message })) });
    });
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (code === 0) finish({ checked: true, ok: true, message: said(reason('php_ok')) });
      else finish(describeFailure(output));
    });
    child.stdin.end(script);
  });
}

/** "PHP Parse error:  syntax error, unexpected ... in Standard input code on line 3". */
function describeFailure(output: string): PhpSyntaxCheck {
  const match = /(?:PHP )?((?:Parse|Fatal) error):\s+(.*?) in (?:Standard input code|-|\S+) on line (\d+)/.exec(output);
  if (!match) {
    const first = output.split('\n').map((l) => l.trim()).find((l) => l !== '');
    return { checked: true, ok: false, message: first === undefined ? said(reason('php_no_output')) : `php -l: ${first}`, line: null };
  }
  return { checked: true, ok: false, message: `php -l: ${match[1]}: ${match[2]}`, line: Number(match[3]) };
}
