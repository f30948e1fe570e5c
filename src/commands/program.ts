import { Command, CommanderError } from 'commander';
import { versionLine } from '../build-info.js';
import { describeError } from '../domain/errors.js';
import { currentMessages } from '../i18n/catalogs.js';
import { chooseLanguage } from '../language.js';
import type { GlobalOptions } from '../pbx-context.js';
import { registerAuditCommand } from './audit.js';
import { checkBeforeAction, installCommandHelp } from './command-help.js';
import { localizeCommander } from './commander-words.js';
import { registerConfigCommands } from './config.js';
import { controlCharacterProblem } from './control-characters.js';
import { globalOptionDefinitions } from './global-options.js';
import { registerDialplanCommands } from './dialplan.js';
import { registerLicenseCommands } from './license.js';
import { registerLicenseCheckCommand, registerModulesCommands } from './modules.js';
import { registerSessionsCommands } from './sessions.js';
import { registerServiceCommands } from './service.js';

let consoleRequested: GlobalOptions | undefined;

/** Build the whole command line; the nouns each add their commands in their own file. */
export function buildProgram(): Command {
  const messages = currentMessages();
  const words = messages.cli;
  const program = new Command('pbxmod');
  // First: the commands added below inherit commander's words in the language in use.
  localizeCommander(program, messages);
  program.description(words.program.description).version(versionLine(), '-V, --version', words.program.version);
  for (const { flags } of globalOptionDefinitions) program.option(flags, words.globalOptions[flags.split(' ')[0] as keyof typeof words.globalOptions]);
  program
    .exitOverride()
    // No command: the entry point opens the console; the command line never draws it.
    .action(() => {
      consoleRequested = program.opts<GlobalOptions>();
    });
  program.enablePositionalOptions(false);
  program.hook('preAction', (_program, actionCommand) => {
    const problem = controlCharacterProblem(actionCommand, words.usage);
    // Exit 2 (bad input) through commander's own error path, like any usage mistake.
    if (problem) actionCommand.error(`pbxmod: ${problem}`, { exitCode: 2, code: 'pbxmod.controlCharacter' });
    // An unknown command, or a changing one in read-only mode: refused here for every command.
    checkBeforeAction(program, actionCommand);
  });
  registerLicenseCommands(program);
  registerLicenseCheckCommand(program);
  registerModulesCommands(program);
  registerSessionsCommands(program);
  registerServiceCommands(program);
  registerDialplanCommands(program);
  registerConfigCommands(program);
  registerAuditCommand(program);
  installCommandHelp(program);
  return program;
}

/**
 * Run one command. Returns the global options when the arguments name no command (the
 * console's invocation in a form the entry's quick check did not recognise): the entry then
 * opens the console.
 */
export async function runProgram(argv: string[]): Promise<GlobalOptions | undefined> {
  consoleRequested = undefined;
  try {
    // The language before the commands: their descriptions and --help are in it.
    await chooseLanguage(languageOptions(argv.slice(2)));
  } catch (error) {
    process.stderr.write(`pbxmod: ${describeError(error)}\n`);
    process.exitCode = 2;
    return undefined;
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return consoleRequested;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version print and exit 0; a usage mistake exits 2 like other Unix tools.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return undefined;
    }
    throw error;
  }
}

/** `--lang` and `--data-dir` (both forms, `--x v` and `--x=v`) before commander has parsed anything. */
export function languageOptions(args: readonly string[]): { lang?: string; dataDir?: string } {
  const found: { lang?: string; dataDir?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    for (const [flag, key] of [['--lang', 'lang'], ['--data-dir', 'dataDir']] as const) {
      if (arg === flag && args[i + 1] !== undefined) found[key] = args[++i]!;
      else if (arg.startsWith(`${flag}=`)) found[key] = arg.slice(flag.length + 1);
    }
  }
  return found;
}
