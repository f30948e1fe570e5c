import { Command, CommanderError, Option } from 'commander';
import type { GlobalOptions } from './context.js';
import { registerDialplanCommands } from './dialplan.js';
import { registerLicenseCommands } from './license.js';
import { registerLicenseCheckCommand, registerModulesCommands } from './modules.js';
import { registerSessionsCommands } from './sessions.js';
import { registerServiceCommands } from './service.js';

/** Build the whole command line; the nouns each add their commands in their own file. */
export function buildProgram(): Command {
  const program = new Command('pbxmod')
    .description('Terminal console for the MikoPBX Modules section, and its licensing service.\nWith no command, opens the full-screen console.')
    .version(process.env.PBXMOD_VERSION ?? '0.1.0')
    .option('--data-dir <dir>', 'where the PBX store lives (default $PBXMOD_DATA_DIR, $XDG_DATA_HOME/pbxmod)')
    .option('--api <url>', 'licensing service URL (default $PBXMOD_API_URL; none = start one on loopback)')
    .option('--json', 'print results as JSON (commands only)')
    .addOption(new Option('--size <WxH>', 'terminal size when the terminal reports none (serial lines)'))
    .option('--ascii', 'plain ASCII borders and symbols, for consoles without Unicode')
    .option('--readonly', 'console only: look, change nothing')
    .showHelpAfterError('(run `pbxmod --help` for the commands)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .exitOverride()
    .action(async () => {
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
