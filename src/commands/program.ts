import { Command, CommanderError } from 'commander';
import type { GlobalOptions } from './context.js';
import { globalOptionDefinitions } from './global-options.js';
import { registerDialplanCommands } from './dialplan.js';
import { registerLicenseCommands } from './license.js';
import { registerLicenseCheckCommand, registerModulesCommands } from './modules.js';
import { registerSessionsCommands } from './sessions.js';
import { registerServiceCommands } from './service.js';

/** Build the whole command line; the nouns each add their commands in their own file. */
export function buildProgram(): Command {
  const program = new Command('pbxmod')
    .description('Terminal console for the MikoPBX Modules section, and its licensing service.\nWith no command, opens the full-screen console.')
    .version(process.env.PBXMOD_VERSION ?? '0.1.0');
  for (const { flags, description } of globalOptionDefinitions) program.option(flags, description);
  program
    .showHelpAfterError('(run `pbxmod --help` for the commands)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .exitOverride()
    .action(async () => {
      const { drawEveryFrame } = await import('../tui/terminal/draw-every-frame.js');
      drawEveryFrame();
      const { runConsole } = await import('../tui/main.js');
      await runConsole(program.opts<GlobalOptions>());
    });
  program.enablePositionalOptions(false);
  registerLicenseCommands(program);
  registerLicenseCheckCommand(program);
  registerModulesCommands(program);
  registerSessionsCommands(program);
  registerServiceCommands(program);
  registerDialplanCommands(program);
  return program;
}

export async function runProgram(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version print and exit 0; a usage mistake exits 2 like other Unix tools.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
}
