import { CommanderError, type Command } from 'commander';
import { PbxmodError, describeError, errorToJson, reason } from '../domain/errors.js';
import { readOnlyRequested } from '../config.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { GlobalOptions } from '../pbx-context.js';
import { forTerminal } from './output.js';
import { changingInvocation, commandPath } from './read-only.js';

/**
 * The command line helping a person who mistyped or asked: `pbxmod help <command> [sub]`, an
 * unknown command answered with the nearest known one ("Did you mean 'modules'?"), and the
 * read-only refusal — all checked here, before any command runs, so no command has to.
 */
export function installCommandHelp(program: Command): void {
  const m = currentMessages().commandHelp;
  // This help command replaces commander's own at the top (which takes one word only).
  const placeholder = currentMessages().cli.help.commandPlaceholder.replace(/^\[|\]$/g, '');
  program.helpCommand(false);
  program
    .command('help')
    .description(m.helpDescription)
    .argument(`[${placeholder}...]`, m.helpArgument)
    .action((names: string[], _options: unknown, command: Command) => {
      let target = program;
      for (const [i, name] of names.entries()) {
        const next = findCommand(target, name);
        if (!next) failUsage(command, unknownCommand(target, names.slice(0, i + 1)));
        target = next;
      }
      process.stdout.write(target.helpInformation());
    });
  // The program's own action (no command: the console) would take a mistyped command as an
  // argument and answer "too many arguments"; it is checked in `checkBeforeAction` instead.
  program.allowExcessArguments(true);
  for (const group of commandGroups(program)) {
    group.on('command:*', (operands: string[]) => failUsage(group, unknownCommand(group, [...pathOf(group), operands[0] ?? ''])));
  }
}

/**
 * Run before every command's action (commander's preAction hook): a word the program did not
 * know, or a changing command in read-only mode, stops here with exit 2.
 */
export function checkBeforeAction(program: Command, actionCommand: Command): void {
  if (actionCommand === program && program.args.length > 0) failUsage(program, unknownCommand(program, [program.args[0]!]));
  const options = actionCommand.optsWithGlobals<GlobalOptions>();
  // The program's own action is the console, which is read-only in its own way (it offers no changing key).
  const changing = actionCommand === program ? null : changingInvocation(actionCommand);
  if (changing !== null && readOnlyRequested(options.readonly)) {
    failUsage(actionCommand, new PbxmodError('readonly', reason('readonly_refused', { command: changing })));
  }
}

/** `path` (from the program down) names no command under `parent`: the error, with the nearest name. */
function unknownCommand(parent: Command, path: readonly string[]): PbxmodError {
  const typed = path.at(-1) ?? '';
  const nearest = nearestName(typed, parent.commands.filter((c) => c.name() !== 'help' || parent.parent === null).flatMap((c) => [c.name(), ...c.aliases()]));
  const stem = path.slice(0, -1).join(' ');
  const join = (word: string) => (stem ? `${stem} ${word}` : word);
  return new PbxmodError('command_unknown', reason('command_unknown', { command: join(typed), suggestion: nearest ? join(nearest) : null, helpFor: stem }));
}

/** Print the error as commands print theirs (`--json`: on stdout as JSON) and stop with exit 2. */
function failUsage(command: Command, error: PbxmodError): never {
  const options = command.optsWithGlobals<GlobalOptions>();
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: errorToJson(error) }, null, 2)}\n`);
  else process.stderr.write(forTerminal(`pbxmod: ${describeError(error)}\n`));
  throw new CommanderError(2, `pbxmod.${String(error.code)}`, error.message);
}

function findCommand(parent: Command, name: string): Command | undefined {
  return parent.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

function pathOf(command: Command): string[] {
  const path = commandPath(command);
  return path ? path.split(' ') : [];
}

/** Commands below the program that hold other commands (`modules`, `license`, `service coupon`). */
function commandGroups(program: Command): Command[] {
  const groups: Command[] = [];
  const visit = (command: Command) => {
    for (const sub of command.commands) {
      if (sub.commands.length > 0) groups.push(sub);
      visit(sub);
    }
  };
  visit(program);
  return groups;
}

/**
 * The known name nearest to what was typed: by edit distance (a swap of two neighbours counts
 * one), close enough to be a typo — at most 1 edit for up to 4 letters, 2 for longer — or a
 * name that starts with it. `null` when nothing is close.
 */
export function nearestName(typed: string, names: readonly string[]): string | null {
  const word = typed.toLowerCase();
  if (word === '') return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(word, name.toLowerCase());
    if (best === null || distance < best.distance) best = { name, distance };
  }
  const allowed = word.length <= 4 ? 1 : 2;
  if (best && best.distance <= allowed) return best.name;
  return names.find((n) => word.length >= 2 && n.toLowerCase().startsWith(word)) ?? null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
