// `pbxmod` recognises the console invocation itself, without loading commander (src/cli.ts).
// Whatever it recognises, commander must agree on: the console, with the same options.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GlobalOptions } from '../../src/pbx-context.js';
import { consoleInvocation } from '../../src/commands/global-options.js';
import { buildProgram } from '../../src/commands/program.js';

/** What commander makes of the arguments: the console's options, or undefined for anything else. */
async function commanderSays(args: string[]): Promise<GlobalOptions | undefined> {
  const program = buildProgram();
  let options: GlobalOptions | undefined;
  program.action(() => {
    options = program.opts<GlobalOptions>();
  });
  program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  // A command would run for real: only parse what is not one.
  if (args.some((a) => !a.startsWith('-')) && consoleInvocation(args) === undefined) return undefined;
  try {
    await program.parseAsync(['node', 'pbxmod', ...args]);
  } catch {
    return undefined;
  }
  return options;
}

describe('the console invocation', () => {
  const console_ = [
    [],
    ['--data-dir', '/tmp/pbx'],
    ['--data-dir=/tmp/pbx', '--readonly'],
    ['--api', 'http://127.0.0.1:8080', '--ascii', '--size', '80x24'],
    ['--size=80x24', '--json', '--data-dir', 'relative/dir'],
    ['--data-dir', 'a', '--data-dir', 'b'],
    ['--data-dir='],
  ];
  for (const args of console_) {
    test(`pbxmod ${args.join(' ') || '(nothing)'} is the console, with the options commander gives`, async () => {
      const options = consoleInvocation(args);
      assert.ok(options, 'recognised as the console');
      assert.deepEqual(options, await commanderSays(args));
    });
  }

  const notConsole = [
    ['--help'],
    ['-h'],
    ['--version'],
    ['-V'],
    ['license', 'show'],
    ['--data-dir', '/tmp/pbx', 'license', 'show'],
    ['--data-dir'],
    ['--api', '--ascii'],
    ['--ascii=yes'],
    ['--bogus'],
    ['--'],
    ['extra'],
  ];
  for (const args of notConsole) {
    test(`pbxmod ${args.join(' ')} goes to commander`, () => {
      assert.equal(consoleInvocation(args), undefined);
    });
  }
});
