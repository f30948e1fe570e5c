import type { Command } from 'commander';
import type { GlobalOptions } from '../pbx-context.js';

/** The global options as seen from inside a subcommand's action. */
export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
