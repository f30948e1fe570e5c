import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ConfirmationRequiredError, ValidationError, describeError, errorToJson } from '../domain/errors.js';
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
    process.exitCode = error instanceof ValidationError ? 2 : 1;
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

/**
 * Ask a yes/no question before something destructive; the default is No. Without a terminal
 * the answer must come from `--yes`.
 */
export async function confirmOrRefuse(question: string, yes: boolean | undefined, flagHint: string): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) throw new ConfirmationRequiredError(`${question} Not confirmed: there is no terminal to ask on.`, `Add ${flagHint} to confirm from a script.`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(forTerminal(`${question} [y/N] `))).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') throw new ConfirmationRequiredError('Cancelled; nothing was changed.', `Answer "y" to confirm, or add ${flagHint}.`);
  } finally {
    rl.close();
  }
}
