import type { Command } from 'commander';
import { hasControlCharacters, visibleText } from '../domain/terminal-text.js';
import type { Messages } from '../i18n/en.js';

/**
 * Flags and arguments are names, keys, hosts, one-line texts: a control character in one is a
 * mistake (a Backspace or an arrow key typed into a shell line that did not handle it, a paste
 * with an escape sequence) and would be saved, sent to the service, or drawn on a terminal.
 * Refused before any command runs, with where it is and what to do.
 */
export function controlCharacterProblem(command: Command, words: Messages['cli']['usage']): string | undefined {
  const options = command.optsWithGlobals<Record<string, unknown>>();
  for (const [name, value] of Object.entries(options)) {
    for (const text of stringsOf(value)) {
      if (hasControlCharacters(text)) return words.controlCharacterInOption(`--${kebab(name)}`, visibleText(text));
    }
  }
  for (const [index, text] of command.args.entries()) {
    if (hasControlCharacters(text)) return words.controlCharacterInArgument(index + 1, visibleText(text));
  }
  return undefined;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
