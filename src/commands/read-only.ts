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

/** Options that make a reading command write: `license show --reveal` records the reveal in the audit log. */
const WRITING_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  'license show': ['reveal'],
};

/**
 * What this run of the command changes, named as it was typed (`modules enable`,
 * `license show --reveal`), or null when it only reads.
 */
export function changingInvocation(command: Command): string | null {
  const path = commandPath(command);
  if (!READING_COMMANDS.has(path)) return path;
  const options = command.opts<Record<string, unknown>>();
  const writing = (WRITING_OPTIONS[path] ?? []).find((name) => options[name] !== undefined && options[name] !== false);
  return writing === undefined ? null : `${path} --${writing}`;
}
