// How pbxmod is bundled: esbuild options and the start-up plugins, shared by the production
// build (scripts/build.mjs) and the benchmarks that bundle a harness the same way
// (bench/cursor-bytes.mjs, bench/memory.mjs).
//
// The plugins only make the console start faster; none changes what it does. Each one says
// so in the build output when the dependency it adjusts no longer looks as expected, and the
// build goes on without it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * zod carries its error messages in 40 languages: 260 KB of the 450 KB it adds, all parsed
 * before the first frame since the PBX store is validated with zod. pbxmod shows its own
 * messages and leaves zod's default, English, in place; `z.locales` keeps only `en`.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, ({ importer, resolveDir }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: join(resolveDir, '../locales/en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(path)};`,
      resolveDir: dirname(path),
    }));
  },
};

/**
 * Ink's layout engine (yoga) is WebAssembly embedded as base64. To decode it, yoga's loader
 * fetch()es that data: URL whenever fetch exists, and in Node the first touch of fetch loads
 * all of undici (15-30 ms before the first frame); its fallback decodes with atob and a
 * byte loop. Buffer does the same in a millisecond.
 */
const YOGA_READ_BINARY = 'function ya(){';
const yogaBufferDecode = {
  name: 'yoga-buffer-decode',
  setup(build) {
    build.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(YOGA_READ_BINARY) || !source.includes('data:application/octet-stream;base64,')) {
        return { contents: source, warnings: [{ text: 'yoga-buffer-decode: the yoga loader changed, it loads through fetch() again (slower start); see scripts/bundle.mjs' }] };
      }
      // H: the data: URL; w: a binary handed in by the caller; ua(H): "is a data: URL".
      const decode = `${YOGA_READ_BINARY}if(!w&&ua(H))return Promise.resolve(new Uint8Array(Buffer.from(H.slice(H.indexOf(",")+1),"base64")));`;
      return { contents: source.replace(YOGA_READ_BINARY, decode) };
    });
  },
};

/**
 * Ink measures every text with string-width. Past plain ASCII, string-width segments the
 * text into grapheme clusters and tests each against the RGI emoji set, a regular expression
 * that takes ~20 ms to compile on first use — at the first frame, since the frame has rules
 * and separators. For text made only of characters that each are one column wide and
 * always a cluster of their own, the width is the number of characters, which is what
 * string-width computes anyway. The set of such characters is computed here, by asking
 * string-width itself, over the scripts and symbol blocks a console uses (Latin, Greek,
 * Cyrillic, punctuation, arrows, box drawing, shapes, dingbats); anything else takes the
 * full path.
 */
const STRING_WIDTH_ASCII = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';
const SINGLE_WIDTH_BLOCKS = [
  [0x00a0, 0x052f],
  [0x2000, 0x2bff],
];
export function singleWidthClass(stringWidth) {
  const segmenter = new Intl.Segmenter();
  const clusters = (text) => [...segmenter.segment(text)].length;
  const ranges = [];
  for (const [from, to] of SINGLE_WIDTH_BLOCKS) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      // One column, and a cluster of its own next to a letter and next to itself.
      if (stringWidth(char) !== 1 || clusters(`a${char}a`) !== 3 || clusters(char + char) !== 2) continue;
      const last = ranges.at(-1);
      if (last && last[1] === code - 1) last[1] = code;
      else ranges.push([code, code]);
    }
  }
  const hex = (code) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}
const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(build) {
    // The copy Ink measures with (wrap-ansi has an older one of its own, used only to wrap).
    const inkStringWidth = createRequire(fileURLToPath(import.meta.resolve('ink'))).resolve('string-width');
    let singleWidth;
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async ({ path }) => {
      if (path !== inkStringWidth) return undefined;
      const source = await readFile(path, 'utf8');
      if (!source.includes(STRING_WIDTH_ASCII) || !source.includes('ambiguousIsNarrow = true')) {
        return { contents: source, warnings: [{ text: 'string-width-fast-path: string-width changed, no fast path (slower first frame); see scripts/bundle.mjs' }] };
      }
      singleWidth ??= singleWidthClass((await import(pathToFileURL(path).href)).default);
      const fast = `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[${singleWidth}]*$/.test(string))) {`;
      return { contents: source.replace(STRING_WIDTH_ASCII, fast) };
    });
  },
};

/**
 * Fastify loads its JSON-schema compilers (ajv, fast-json-stringify: 250 KB, about a ninth of
 * the bundle) only when no others are given. The licensing service gives its own, since its
 * routes check input with zod and declare no schema (src/licensing/service/server.ts), so those
 * packages are left out; a stub in their place says so if anything ever asks for them.
 */
const FASTIFY_SCHEMA_COMPILERS = /^@fastify\/(ajv-compiler|fast-json-stringify-compiler)$/;
const fastifyWithoutSchemaCompilers = {
  name: 'fastify-without-schema-compilers',
  setup(build) {
    build.onResolve({ filter: FASTIFY_SCHEMA_COMPILERS }, ({ path, importer }) =>
      /[\\/]node_modules[\\/]fastify[\\/]/.test(importer) ? { path, namespace: 'fastify-schema-stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'fastify-schema-stub' }, ({ path }) => ({
      contents: `module.exports = function () { throw new Error(${JSON.stringify(`${path} is not in the pbxmod bundle: the licensing service gives Fastify its own schema compilers (scripts/bundle.mjs).`)}); };`,
      loader: 'js',
    }));
  },
};

/** esbuild options of the production bundle, less entry points and output folder. */
export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Text as it is (UTF-8), not esbuild's default of \uXXXX escapes: the Russian catalog is
  // 6 bytes a letter escaped, 2 as UTF-8, and its chunk is parsed before a Russian first frame.
  charset: 'utf8',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports the devtools only when DEV is set; it is not a dependency of ours.
  external: ['react-devtools-core'],
  // CommonJS dependencies (yauzl, ...) call require(); give the bundle one.
  banner: { js: "import { createRequire as __pbxmodCreateRequire } from 'node:module'; const require = __pbxmodCreateRequire(import.meta.url);" },
  plugins: [zodEnglishOnly, yogaBufferDecode, stringWidthFastPath, fastifyWithoutSchemaCompilers],
  logLevel: 'warning',
};
