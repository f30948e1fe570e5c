// The production bundle keeps the console's start lean: what `pbxmod` loads before its first
// frame (the entry, the console, the first screen) leaves out the command line, the licensing
// service, module archives, HTTP and the other screens. Reads dist/meta.json, esbuild's
// metafile of `npm run build` (which `npm test` runs first).
import { describe, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../support/cli.js';

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { entryPoint?: string; bytes: number; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, { bytesInOutput: number }> }>;
}

const META = resolve(import.meta.dirname, '../../dist/meta.json');

function readMeta(): Metafile {
  assert.ok(existsSync(META), 'dist/meta.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(META, 'utf8')) as Metafile;
}

/** The output file esbuild made for an entry point or a dynamically imported module. */
function outputOf(meta: Metafile, entryPoint: string): string {
  const found = Object.entries(meta.outputs).find(([path, output]) => output.entryPoint === entryPoint && path.endsWith('.js'));
  assert.ok(found, `${entryPoint} has no chunk of its own in the bundle: is something importing it statically?`);
  return found[0];
}

/** Source files in an output file and everything it imports statically, i.e. what loading it runs. */
function loadedBy(meta: Metafile, entryPoint: string): Set<string> {
  const files = new Set<string>();
  const stack = [outputOf(meta, entryPoint)];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (files.has(path)) continue;
    files.add(path);
    for (const imported of meta.outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path);
  }
  return new Set([...files].flatMap((path) => Object.keys(meta.outputs[path]!.inputs)));
}

/** How a source file is reached by static imports from `from` (for the failure message). */
function importChain(meta: Metafile, from: string, to: string): string {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === to) {
      const chain: string[] = [];
      for (let at: string | null | undefined = file; at; at = previous.get(at)) chain.unshift(at);
      return chain.join('\n  -> ');
    }
    for (const imported of meta.inputs[file]?.imports ?? []) {
      if ((imported.kind === 'import-statement' || imported.kind === 'require-call') && !previous.has(imported.path)) {
        previous.set(imported.path, file);
        queue.push(imported.path);
      }
    }
  }
  return `${to} (imported from another chunk)`;
}

/** What must not load before the console's first frame. */
const NOT_AT_START: { what: string; matches: (source: string) => boolean }[] = [
  { what: 'commander and the command files', matches: (s) => /node_modules\/commander\//.test(s) || (/^src\/commands\//.test(s) && !/^src\/commands\/(global-options|context)\.ts$/.test(s)) },
  { what: 'the licensing service (fastify)', matches: (s) => /node_modules\/(fastify|@fastify)\//.test(s) || s.startsWith('src/licensing/service/') },
  { what: 'zip reading and writing (yauzl, yazl)', matches: (s) => /node_modules\/(yauzl|yazl)\//.test(s) },
  { what: 'the HTTP client (ofetch)', matches: (s) => /node_modules\/(ofetch|node-fetch-native)\//.test(s) },
  { what: 'the screens other than the first', matches: (s) => /^src\/tui\/screens\/(modules|dialplan|sessions)\/[^/]+-screen\.tsx$/.test(s) },
];

function assertLean(meta: Metafile, start: string, sources: Set<string>, allowed: string[] = []) {
  for (const rule of NOT_AT_START) {
    if (allowed.includes(rule.what)) continue;
    const offender = [...sources].find(rule.matches);
    assert.equal(offender, undefined, `${rule.what} must not load with ${start}; it does through:\n  ${offender && importChain(meta, start, offender)}`);
  }
}

describe('the lean start path of the bundle', () => {
  test('the entry point loads nothing but the way to the console or to the command line', () => {
    const meta = readMeta();
    const entry = loadedBy(meta, 'src/cli.ts');
    // `<define:PBXMOD_BUILD>` is the version and commit written in by the build: a constant, no code.
    assert.deepEqual([...entry].filter((s) => !/^(src\/(cli\.ts|commands\/global-options\.ts|tui\/console-heap\.ts|tui\/terminal\/draw-every-frame\.ts)|<define:PBXMOD_BUILD>)$/.test(s)), []);
    // Both are loaded on demand, each in its own chunk.
    outputOf(meta, 'src/tui/main.tsx');
    outputOf(meta, 'src/commands/program.ts');
  });

  test('the console, up to its first frame, loads no command, service, archive, HTTP client or other screen', () => {
    const meta = readMeta();
    assertLean(meta, 'src/tui/main.tsx', new Set([...loadedBy(meta, 'src/cli.ts'), ...loadedBy(meta, 'src/tui/main.tsx')]));
  });

  test('the frame draws before the store code and its schema library load (they come with the screen)', () => {
    const meta = readMeta();
    const frame = new Set([...loadedBy(meta, 'src/cli.ts'), ...loadedBy(meta, 'src/tui/main.tsx')]);
    const offender = [...frame].find((s) => /node_modules\/(zod|lowdb|steno|proper-lockfile)\//.test(s) || s === 'src/store/json-file.ts');
    assert.equal(offender, undefined, `the store must open lazily; it loads with the frame through:\n  ${offender && importChain(meta, 'src/tui/main.tsx', offender)}`);
  });

  test('the first screen loads nothing of that either', () => {
    const meta = readMeta();
    const first = 'src/tui/screens/marketplace/marketplace-screen.tsx';
    assertLean(meta, first, loadedBy(meta, first));
  });

  test('the command line loads the licensing service, archives and the console only for the commands that use them', () => {
    const meta = readMeta();
    const program = loadedBy(meta, 'src/commands/program.ts');
    assertLean(meta, 'src/commands/program.ts', program, ['commander and the command files']);
    assert.ok(![...program].some((s) => s.startsWith('src/tui/')), 'the command line loads the console');
  });
});

test('the licensing service comes without Fastify\'s JSON-schema compilers (its routes check input with zod)', () => {
  const meta = readMeta();
  const bundled = Object.keys(meta.inputs);
  assert.ok(bundled.some((s) => /node_modules\/fastify\//.test(s)), 'fastify is in the bundle');
  assert.deepEqual(bundled.filter((s) => /node_modules\/(ajv|@fastify\/ajv-compiler|@fastify\/fast-json-stringify-compiler)\//.test(s)), []);
});

describe('the bundle runs', () => {
  test('pbxmod --help lists the commands', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0, result.stderr);
    for (const command of ['license', 'modules', 'sessions', 'dialplan', 'serve']) assert.match(result.stdout, new RegExp(`^  ${command}\\b`, 'm'));
  });

  test('pbxmod --version prints the version, the commit it was built from, and the runtime', async () => {
    const result = await runCli(['--version']);
    assert.equal(result.code, 0, result.stderr);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const line = result.stdout.trim();
    assert.match(line, new RegExp(`^pbxmod ${version.replace(/\./g, '\\.')} \\(commit ([0-9a-f]{12})(-dirty)?, Node\\.js ${process.version.replace(/\./g, '\\.')} \\(linux-${process.arch}\\)\\)$`));
    assert.ok(commit.startsWith(/commit ([0-9a-f]{12})/.exec(line)![1]!), `${line} names the checkout's commit ${commit}`);
  });
});
