import type { Command } from 'commander';

/**
 * The commands that only read: everything else changes something (the PBX store, a module's
 * files, the licensing service, files written by `dialplan export`) and is refused in read-only
 * mode. The list names the readers rather than the writers so that a command added later is
 * refused until someone decides it only reads: forgetting fails safe.
 */
export const READING_COMMANDS: ReadonlySet<string> = new Set([
  'help',
  'audit',
  'modules list',
  'modules available',
  'modules info',
  'license show',
  'license diagnose',
  'sessions list',
  'dialplan list',
  'dialplan show',
  'dialplan preview',
  'service outbox',
  'config get',
]);

/** `modules enable` for the `enable` under `modules`: the names from below the program down to the command. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Does running this command change something? */
export function commandChangesState(command: Command): boolean {
  return !READING_COMMANDS.has(commandPath(command));
}
