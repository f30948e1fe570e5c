// `npm run dist`: one self-contained executable per target, with Bun's --compile.
//
//   node scripts/dist.mjs [--target linux-x64,linux-arm64] [--out dist-bin]
//
// 1. esbuild makes one ESM file of the whole program (the production bundle's options and
//    plugins, scripts/bundle.mjs, without code splitting), with the version and commit in it.
// 2. Bun compiles that file into an executable for each target, starting from the Bun binary
//    of that target, taken from the npm registry's @oven/bun-linux-* packages: the one of this
//    machine is an optional dependency (installed by npm ci); another is fetched with
//    `npm pack` at the same version. No other download.
// 3. SHA256SUMS is written beside the files (`sha256sum -c SHA256SUMS` checks them).
// README ("One file on the PBX") says why Bun and not Node's single executable applications.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildDefine } from './build-info.mjs';
import { bundleOptions } from './bundle.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TARGETS = {
  'linux-x64': { bunPackage: '@oven/bun-linux-x64', bunTarget: 'bun-linux-x64' },
  'linux-arm64': { bunPackage: '@oven/bun-linux-aarch64', bunTarget: 'bun-linux-arm64' },
};
const HOST_TARGET = `linux-${arch() === 'arm64' ? 'arm64' : arch()}`;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}

const targets = option('target', Object.keys(TARGETS).join(',')).split(',');
for (const target of targets) {
  if (!TARGETS[target]) {
    console.error(`dist: unknown target "${target}"; the targets are ${Object.keys(TARGETS).join(', ')}.`);
    process.exit(2);
  }
}
const out = resolve(ROOT, option('out', 'dist-bin'));

/**
 * Ink loads its React devtools bridge (react-devtools-core, ws) only when DEV is set; neither
 * is a dependency of pbxmod, and a single-file bundle would carry them: stubs instead.
 */
const devtoolsStub = {
  name: 'react-devtools-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'pbxmod-stub' }));
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, ({ importer }) => (/[\\/]node_modules[\\/]ink[\\/]/.test(importer) ? { path: 'ink-devtools', namespace: 'pbxmod-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'pbxmod-stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
  },
};

/** The Bun binary this machine runs (the installed optional dependency). */
function hostBun() {
  const { bunPackage } = TARGETS[HOST_TARGET] ?? {};
  try {
    const manifest = createRequire(join(ROOT, 'package.json')).resolve(`${bunPackage}/package.json`);
    return { path: join(dirname(manifest), 'bin/bun'), manifest };
  } catch {
    console.error(`dist: ${bunPackage ?? 'Bun'} for this machine (${HOST_TARGET}) is not installed. Run \`npm ci\` (it is an optional dependency of pbxmod).`);
    process.exit(1);
  }
}

/** The Bun binary of `target`: the installed one for this machine, else `npm pack`ed at the same version. */
async function bunFor(target, host) {
  if (target === HOST_TARGET) return host.path;
  const { version } = JSON.parse(await readFile(host.manifest, 'utf8'));
  const { bunPackage } = TARGETS[target];
  const cache = join(ROOT, 'node_modules/.cache/pbxmod-dist', `${basename(bunPackage)}-${version}`);
  const binary = join(cache, 'package/bin/bun');
  if (!existsSync(binary)) {
    await mkdir(cache, { recursive: true });
    console.log(`dist: fetching ${bunPackage}@${version} from the npm registry`);
    const tarball = execFileSync('npm', ['pack', `${bunPackage}@${version}`, '--silent', '--pack-destination', cache], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', join(cache, tarball), '-C', cache]);
    await rm(join(cache, tarball));
  }
  return binary;
}

function sha256(file) {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => resolvePromise(hash.digest('hex'))).on('error', reject);
  });
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const bundle = join(out, '.bundle/pbxmod.mjs');
await build({
  ...bundleOptions,
  absWorkingDir: ROOT,
  define: { ...bundleOptions.define, ...buildDefine() },
  splitting: false,
  external: [],
  metafile: false,
  plugins: [...bundleOptions.plugins, devtoolsStub],
  // The executable runs on Bun: packages' "bun" builds (ofetch's uses the runtime's own fetch,
  // without the node-fetch-native polyfill the Node build carries).
  conditions: ['bun'],
  entryPoints: ['src/cli.ts'],
  outfile: bundle,
});

const host = hostBun();
const sums = [];
for (const target of targets) {
  const file = join(out, `pbxmod-${target}`);
  execFileSync(
    host.path,
    [
      // --bytecode: the JavaScript is compiled ahead of time, not at each start (2-3x faster
      // commands for ~8 MB more).
      'build', '--compile', '--bytecode', bundle, '--outfile', file,
      `--target=${TARGETS[target].bunTarget}`,
      `--compile-executable-path=${await bunFor(target, host)}`,
      // The executable must not pick up a .env or bunfig.toml from whatever folder it runs in.
      '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const { size } = await stat(file);
  sums.push(`${await sha256(file)}  ${basename(file)}`);
  console.log(`dist: ${basename(file)}  ${(size / 2 ** 20).toFixed(1)} MiB`);
}
await rm(join(out, '.bundle'), { recursive: true, force: true });
await writeFile(join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
console.log(`dist: ${join(out, 'SHA256SUMS')} written; check with \`cd ${out} && sha256sum -c SHA256SUMS\``);
