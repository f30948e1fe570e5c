// Entry point. Kept tiny: the console and each command load their own code lazily, so the
// first frame of the console pays only for what it draws.
import { runProgram } from './commands/program.js';

runProgram(process.argv).catch((error: unknown) => {
  process.stderr.write(`pbxmod: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 70;
});
