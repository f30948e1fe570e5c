import { Help, type Command, type Option } from 'commander';
import type { Messages } from '../i18n/en.js';

type Words = Messages['cli'];

/**
 * Commander's own words — the help's headings and placeholders, the help option and command,
 * its usage errors — in the language of `messages`. Set on the program before any command is
 * added: subcommands inherit the help option, help command, help and output configuration.
 */
export function localizeCommander(program: Command, messages: Messages): void {
  const words = messages.cli;
  const titles: Record<string, string> = {
    'Usage:': words.help.usage,
    'Arguments:': words.help.arguments,
    'Options:': words.help.options,
    'Global Options:': words.help.globalOptions,
    'Commands:': words.help.commands,
  };
  const placeholders = (text: string) => text.replace(/\[options\]/g, words.help.optionsPlaceholder).replace(/\[command\]/g, words.help.commandPlaceholder);
  program
    .helpOption('-h, --help', words.help.helpOption)
    .helpCommand(`help ${words.help.commandPlaceholder}`, words.help.helpCommand)
    .configureHelp({
      styleTitle: (title: string) => titles[title] ?? title,
      commandUsage(this: Help, command: Command) {
        return placeholders(Help.prototype.commandUsage.call(this, command));
      },
      subcommandTerm(this: Help, command: Command) {
        return placeholders(Help.prototype.subcommandTerm.call(this, command));
      },
      optionDescription(this: Help, option: Option) {
        const text = Help.prototype.optionDescription.call(this, option);
        return option.defaultValue === undefined ? text : text.replace(/\(default: ([^)]*)\)$/, (_all, value: string) => `(${words.help.defaultValue(value)})`);
      },
    })
    .showHelpAfterError(words.help.afterError)
    .configureOutput({ outputError: (text, write) => write(usageErrorText(text, words)) });
}

/**
 * One of commander's English usage errors said with the catalog's words; text it does not
 * recognise passes through as it is (commander's wording, or pbxmod's own already-localized one).
 */
export function usageErrorText(text: string, words: Words): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const said = sayAgain(first, words.usage);
  if (said === undefined) return text;
  const lines = [said];
  for (const line of rest) {
    const suggestion = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(line);
    lines.push(suggestion ? words.usage.didYouMean(suggestion[1]!, suggestion[1]!.split(', ').length) : line);
  }
  return `${lines.join('\n')}\n`;
}

function sayAgain(line: string, usage: Words['usage']): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^error: unknown option '(.*)'$/.exec(line))) return usage.unknownOption(m[1]!);
  if ((m = /^error: unknown command '(.*)'$/.exec(line))) return usage.unknownCommand(m[1]!);
  if ((m = /^error: missing required argument '(.*)'$/.exec(line))) return usage.missingArgument(m[1]!);
  if ((m = /^error: option '(.*)' argument missing$/.exec(line))) return usage.optionMissingArgument(m[1]!);
  if ((m = /^error: required option '(.*)' not specified$/.exec(line))) return usage.missingMandatoryOption(m[1]!);
  if ((m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(line))) {
    return usage.tooManyArguments(m[1] ?? null, Number(m[2]), Number(m[3]));
  }
  return undefined;
}
