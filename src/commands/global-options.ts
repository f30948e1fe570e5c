import type { GlobalOptions } from '../pbx-context.js';

/**
 * The options every command and the console share. program.ts gives them to commander; the
 * entry point reads them itself to recognise the console invocation (`pbxmod` with global
 * options only) without loading commander and every command — the console's first frame
 * pays only for the console. So this file imports nothing; the descriptions are in the catalog
 * (`cli.globalOptions`, by flag).
 */
export const globalOptionDefinitions = [
  { flags: '--data-dir <dir>' },
  { flags: '--api <url>' },
  { flags: '--json' },
  { flags: '--size <WxH>' },
  { flags: '--ascii' },
  { flags: '--readonly' },
  { flags: '--wide' },
  { flags: '--lang <language>' },
] as const;

interface OptionShape {
  key: keyof GlobalOptions;
  takesValue: boolean;
}

/** `--data-dir <dir>` → `{key: 'dataDir', takesValue: true}`, as commander names it. */
const shapes = new Map<string, OptionShape>(
  globalOptionDefinitions.map(({ flags }) => {
    const [name = '', value] = flags.split(' ');
    const key = name.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof GlobalOptions;
    return [name, { key, takesValue: value !== undefined }];
  }),
);

/**
 * The console's options when `args` (process.argv without node and the script) name no
 * command — only global options, each well-formed — else `undefined`: then commander parses
 * them, for a command, help, the version or a usage error. Anything unusual (a value that
 * starts with "-", `--flag=value` on a switch, `--`) goes to commander too, so the outcome
 * is always the one commander would give.
 */
export function consoleInvocation(args: readonly string[]): GlobalOptions | undefined {
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const shape = shapes.get(name);
    if (!shape) return undefined;
    if (!shape.takesValue) {
      if (equals !== -1) return undefined;
      options[shape.key] = true;
      continue;
    }
    const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined || (equals === -1 && value.startsWith('-'))) return undefined;
    options[shape.key] = value;
  }
  return options as GlobalOptions;
}
