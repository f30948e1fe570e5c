// The benchmarks run their own copy of the production bundle (same esbuild options and
// plugins as `npm run build`, scripts/bundle.mjs) in a temporary folder: always current,
// and untouched by someone else rebuilding dist/ meanwhile.
import { build } from 'esbuild';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleOptions } from '../scripts/bundle.mjs';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundle `entryPoints` ({name: source path}) into `<folder>/dist` like the production build,
 * with bin/pbxmod.js beside it as `<folder>/bin/pbxmod.js`. Returns the folder and the metafile.
 */
export async function bundleCopy(entryPoints, prefix = 'pbxmod-bench-') {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  const result = await build({ ...bundleOptions, absWorkingDir: ROOT, entryPoints, outdir: join(folder, 'dist'), logLevel: 'error' });
  await writeFile(join(folder, 'dist/meta.json'), JSON.stringify(result.metafile));
  await mkdir(join(folder, 'bin'));
  await copyFile(join(ROOT, 'bin/pbxmod.js'), join(folder, 'bin/pbxmod.js'));
  return { folder, meta: result.metafile };
}

/**
 * For comparison: Ink rendering "Hello, world" and nothing else, bundled with the same
 * options but none of pbxmod's start-up plugins — the "bare Ink hello" a console starts from.
 * Returns the path of the script.
 */
export async function bareInkHello(folder) {
  const contents = "import { render, Text } from 'ink'; import { createElement } from 'react'; render(createElement(Text, null, 'Hello, world'));";
  await build({ ...bundleOptions, plugins: [], metafile: false, absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, sourcefile: 'hello.js' }, outdir: join(folder, 'hello'), entryNames: 'hello', logLevel: 'error' });
  return join(folder, 'hello/hello.js');
}
