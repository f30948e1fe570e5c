// Entry point. Kept tiny: `pbxmod` with global options only is the console, and goes straight
// to it without loading commander or any command; a command loads the command line, and each
// command loads its own operations. The first frame of the console pays only for what it
// draws (bench/startup.mjs; test/build/bundle.test.ts checks the bundle keeps it that way).
import { consoleInvocation } from './commands/global-options.js';
import { favourMemoryOverSpeed } from './tui/console-heap.js';
import { drawEveryFrame } from './tui/terminal/draw-every-frame.js';
import type { GlobalOptions } from './pbx-context.js';

async function openConsole(options: GlobalOptions): Promise<void> {
  favourMemoryOverSpeed();
  drawEveryFrame();
  const { runConsole } = await import('./tui/main.js');
  await runConsole(options);
}

const consoleOptions = consoleInvocation(process.argv.slice(2));
const run = consoleOptions
  ? openConsole(consoleOptions)
  : import('./commands/program.js')
      .then(({ runProgram }) => runProgram(process.argv))
      .then((options) => (options ? openConsole(options) : undefined));

run.catch((error: unknown) => {
  process.stderr.write(`pbxmod: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 70;
});
