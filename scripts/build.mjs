// Production bundle: one ESM entry plus lazily loaded chunks, so that the first frame of the
// console loads only what it needs (see bench/startup.mjs).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports the devtools only when DEV is set; it is not a dependency of ours.
  external: ['react-devtools-core'],
  // CommonJS dependencies (yauzl, proper-lockfile, ...) call require(); give the bundle one.
  banner: { js: "import { createRequire as __pbxmodCreateRequire } from 'node:module'; const require = __pbxmodCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
