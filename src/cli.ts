// Entry point. Kept tiny: `pbxmod` with global options only is the console, and goes straight
// to it without loading commander or any command; a command loads the command line, and each
// command loads its own operations. The first frame of the console pays only for what it
// draws (bench/startup.mjs; test/build/bundle.test.ts checks the bundle keeps it that way).
import { consoleInvocation } from './commands/global-options.js';
import { favourMemoryOverSpeed } from './tui/console-heap.js';
import { drawEveryFrame } from './tui/terminal/draw-every-frame.js';

const consoleOptions = consoleInvocation(process.argv.slice(2));
if (consoleOptions) {
  favourMemoryOverSpeed();
  drawEveryFrame();
}
const run = consoleOptions
  ? import('./tui/main.js').then(({ runConsole }) => runConsole(consoleOptions))
  : import('./commands/program.js').then(({ runProgram }) => runProgram(process.argv));

run.catch((error: unknown) => {
  process.stderr.write(`pbxmod: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 70;
});
