import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ConfirmationRequiredError, PbxmodError, ValidationError, describeError, errorToJson, reason, renderReason, type ErrorJson, type Reason } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
import type { ErrorText } from '../i18n/en/errors.js';
import { PbxContext, type GlobalOptions } from '../pbx-context.js';
import { visibleText } from '../domain/terminal-text.js';
import { globalOptionsOf } from './context.js';

/** What a command prints: `json` for `--json`, `text` for a person. */
export interface CommandOutput {
  json: Record<string, unknown>;
  text: string;
}

/**
 * Run one command's action with a PbxContext: print its result (JSON or text), or its error
 * (what happened + what to do) and exit non-zero — 2 for bad input, 1 for anything else.
 */
export async function runCommandAction(
  command: Command,
  action: (ctx: PbxContext, options: GlobalOptions) => Promise<CommandOutput>,
  /** How the embedded service is reached: in-process (no server to start), or on loopback for a command that checks the connection itself. */
  embedded: 'in-process' | 'loopback' = 'in-process',
): Promise<void> {
  const options = globalOptionsOf(command);
  let ctx: PbxContext | undefined;
  try {
    ctx = new PbxContext(options, embedded);
    const output = await action(ctx, options);
    process.stdout.write(options.json ? `${JSON.stringify({ ok: true, ...output.json }, null, 2)}\n` : forTerminal(output.text.endsWith('\n') ? output.text : `${output.text}\n`));
  } catch (error) {
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: errorToJson(error) }, null, 2)}\n`);
    else process.stderr.write(forTerminal(`pbxmod: ${describeError(error)}\n`));
    process.exitCode = isBadInput(error) ? 2 : 1;
  } finally {
    await ctx?.close();
  }
}

/**
 * Text for a person's terminal. Results quote module.json, other PBXs' bindings, the service's
 * messages: every control character but the line break and the tab is shown as an escape (`\x1b`), so
 * none of it can drive the terminal. `--json` output is exact JSON instead (JSON escapes them).
 */
export function forTerminal(text: string): string {
  // Tabs only move to the next column (the generated dialplan is indented with them).
  return text
    .split('\t')
    .map((part) => visibleText(part, { keepLineBreaks: true }))
    .join('\t');
}

/** Bad input of a person or a script (exit 2): a ValidationError, also when told in a command's context. */
export function isBadInput(error: unknown): boolean {
  return error instanceof ValidationError || (error instanceof ErrorInContext && error.badInput);
}

/**
 * An error told in a command's context: words of the command before its message (`before`:
 * "ModuleX stays disabled (DisabledByLicense).") and after its hint (`after`: where an edit was
 * kept). The code, values and field stay the inner error's.
 */
export class ErrorInContext extends PbxmodError {
  readonly inner: PbxmodError;
  readonly badInput: boolean;
  private readonly before: Reason | undefined;
  private readonly after: Reason | undefined;

  constructor(inner: PbxmodError, context: { before?: Reason; after?: Reason; badInput?: boolean }) {
    super(inner.code, inner.reason ?? reason('internal_error', { detail: inner.message }));
    this.inner = inner;
    this.before = context.before;
    this.after = context.after;
    this.badInput = context.badInput ?? inner instanceof ValidationError;
  }

  override describe(messages: Messages = currentMessages()): ErrorText {
    const { message, hint } = this.inner.describe(messages);
    const before = this.before ? `${renderReason(messages, this.before).message} ` : '';
    const after = this.after ? renderReason(messages, this.after).message : undefined;
    const hints = [hint, after].filter((h): h is string => Boolean(h));
    return hints.length > 0 ? { message: `${before}${message}`, hint: hints.join(' ') } : { message: `${before}${message}` };
  }

  override toJson(messages: Messages = currentMessages()): ErrorJson {
    const { message, hint } = this.describe(messages);
    const { hint: _innerHint, ...inner } = this.inner.toJson(messages);
    return { ...inner, message, ...(hint ? { hint } : {}) };
  }
}

/**
 * Ask a yes/no question before something destructive; the default is No. Without a terminal
 * the answer must come from `--yes`.
 */
export async function confirmOrRefuse(question: string, yes: boolean | undefined, flagHint: string): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) throw new ConfirmationRequiredError(reason('confirmation_required', { question, flag: flagHint }));
  const words = currentMessages().cli.common;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(forTerminal(`${question} ${words.confirmKeys} `))).trim().toLowerCase();
    if (!words.yesAnswers.includes(answer)) throw new ConfirmationRequiredError(reason('confirmation_cancelled', { flag: flagHint }));
  } finally {
    rl.close();
  }
}
