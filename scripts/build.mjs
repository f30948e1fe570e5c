// Production bundle: one ESM entry plus lazily loaded chunks, so that the first frame of the
// console loads only what it needs (see bench/startup.mjs). dist/meta.json is esbuild's
// metafile: which source ends up in which chunk (test/build/bundle.test.ts reads it).
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { buildDefine } from './build-info.mjs';
import { bundleOptions } from './bundle.mjs';

const dist = new URL('../dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
const result = await build({
  ...bundleOptions,
  define: { ...bundleOptions.define, ...buildDefine() },
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  sourcemap: 'linked',
});
await writeFile(new URL('meta.json', dist), JSON.stringify(result.metafile));
