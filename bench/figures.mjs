// Small shared pieces of the benchmarks: medians, a two-column table, and what the bundle
// loads before the console's first frame (from dist/meta.json, esbuild's metafile).

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function printTable(title, rows) {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(title);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
}

/**
 * The modules the console runs through before its first frame, in order: the entry, then the
 * console (dynamic import), then the first screen (React.lazy). The rest of the bundle waits
 * for a command, another screen or the licensing service.
 */
export const CONSOLE_START_PATH = ['src/cli.ts', 'src/tui/main.tsx', 'src/tui/screens/marketplace/marketplace-screen.tsx'];

/** Output file of each entry point or dynamically imported module. */
export function outputOf(meta, entryPoint) {
  const found = Object.entries(meta.outputs).find(([path, output]) => output.entryPoint === entryPoint && path.endsWith('.js'));
  if (!found) throw new Error(`${entryPoint} is no entry point of the bundle (dist/meta.json); is the build current?`);
  return found[0];
}

/** An output file with everything it imports statically (what loading it loads). */
export function staticClosure(meta, output) {
  const seen = new Set();
  const stack = [output];
  while (stack.length > 0) {
    const path = stack.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imported of meta.outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path);
  }
  return seen;
}

/** Source files (or packages, for node_modules) whose code is in these output files. */
export function sourcesIn(meta, outputs) {
  const sources = new Map();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[output].inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = pkg ? pkg[1] : input;
      sources.set(name, (sources.get(name) ?? 0) + bytesInOutput);
    }
  }
  return sources;
}

/** Per step of CONSOLE_START_PATH: the bytes and files it adds, and its biggest parts. */
export function startupLoad(meta) {
  const loaded = new Set();
  return CONSOLE_START_PATH.map((entryPoint) => {
    const added = [...staticClosure(meta, outputOf(meta, entryPoint))].filter((path) => !loaded.has(path));
    for (const path of added) loaded.add(path);
    const bytes = added.reduce((sum, path) => sum + meta.outputs[path].bytes, 0);
    const biggest = [...sourcesIn(meta, added)].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const parts = biggest.map(([name, size]) => `${name.replace(/^src\//, '')} ${(size / 1024).toFixed(0)}K`).join(', ');
    return { name: `+ ${entryPoint}`, bytes, files: added.length, parts };
  });
}

/**
 * Run a bundled harness in a fresh Node process and return the JSON it prints last. Ink
 * writes plain output when it thinks it runs in CI, so the CI variables stay out.
 */
export async function runBundled(file, args = [], nodeArgs = []) {
  const { spawn } = await import('node:child_process');
  const env = { ...process.env };
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR']) delete env[name];
  // Colours as in a 256-colour terminal: styles are part of what a repaint writes.
  env.FORCE_COLOR = '2';
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolvePromise(JSON.parse(last));
      } catch (error) {
        reject(new Error(`${file} failed (${error.message}):\n${stderr || stdout}`));
      }
    });
  });
}
