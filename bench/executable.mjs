// The bundle (`node bin/pbxmod.js`) and the self-contained executable (`npm run dist`) side by
// side, in one run, each figure a median of N runs and a ratio to `node -e 0` timed the same way:
//
//   - the first USEFUL frame of the console in an 80x24 pty: the header read from the PBX store
//     (PBX version, license state) and the first screen's body drawn;
//   - `modules list --json`, `modules disable ID` (enabled again, untimed, between runs) and
//     `license show --json` on the embedded default (no --api: the service in-process);
//   - the executable's size, raw and compressed with xz.
//
//   node bench/executable.mjs [runs]        default 11
//
// Targets (issue "One file on the PBX"): useful frame <= 2.5x node -e 0, every command <= 2.5x,
// executable <= 120 MB raw and <= 45 MB with xz. Interleaved runs, so that a burst of load on
// the machine hits every column alike; on a busy machine compare medians only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleCopy, ROOT } from './bundle-copy.mjs';
import { median, printTable } from './figures.mjs';
import { timeInPty } from './pty.mjs';

const runs = Math.max(11, Number(process.argv[2] ?? 11));
const target = `linux-${process.arch}`;
const MB = 1e6;

/** ms from spawn until every marker showed, in a fresh 80x24 pty. */
async function timeFrame(command, markers) {
  return (await timeInPty(command, [markers]))[0];
}

/** Wall time of one run of a command to its end (no terminal), in ms; fails loudly on a non-zero exit. */
function timeCommand(argv, env) {
  const started = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const bundle = await bundleCopy({ cli: 'src/cli.ts' }, 'pbxmod-bench-exe-');
const exeFolder = await mkdtemp(join(tmpdir(), 'pbxmod-bench-dist-'));
try {
  execFileSync(process.execPath, [join(ROOT, 'scripts/dist.mjs'), '--target', target, '--out', exeFolder], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const exe = join(exeFolder, `pbxmod-${target}`);
  const faces = {
    bundle: [process.execPath, join(bundle.folder, 'bin/pbxmod.js')],
    executable: [exe],
  };

  // Each face its own PBX, registered, with ModuleTemplate installed and enabled (not timed).
  const dataDirs = {};
  for (const [face, argv] of Object.entries(faces)) {
    const dir = await mkdtemp(join(tmpdir(), `pbxmod-bench-${face}-`));
    dataDirs[face] = dir;
    const setup = (...args) => timeCommand([...argv, '--data-dir', dir, ...args]);
    setup('license', 'register', '--company', `Bench ${face}`, '--email', `bench-${face}@example.org`, '--contact', 'Ben');
    setup('modules', 'install', 'ModuleTemplate');
    setup('modules', 'enable', 'ModuleTemplate');
  }
  // The useful frame is timed on a PBX of its own that is not registered: its first screen's
  // body then comes from the store alone (a registered one waits for the licensing service).
  const fresh = {};
  for (const face of Object.keys(faces)) fresh[face] = await mkdtemp(join(tmpdir(), `pbxmod-bench-frame-${face}-`));
  const USEFUL = ['PBX 2025.1.120', 'License: unregistered', 'This PBX is not registered', 'q quit'];
  const NODE_MARKER = 'node-done';

  const figures = { node: [], nodePty: [] };
  const rows = ['useful frame', 'modules list --json', 'modules disable ID', 'license show --json'];
  for (const face of Object.keys(faces)) for (const row of rows) figures[`${face}: ${row}`] = [];

  for (let i = 0; i < runs; i++) {
    figures.node.push(timeCommand([process.execPath, '-e', '0']));
    figures.nodePty.push(await timeFrame(`${process.execPath} -e 0; printf ${NODE_MARKER}`, [NODE_MARKER]));
    for (const [face, argv] of Object.entries(faces)) {
      const dir = dataDirs[face];
      const quoted = argv.map((a) => `'${a}'`).join(' ');
      figures[`${face}: useful frame`].push(await timeFrame(`exec ${quoted} --data-dir '${fresh[face]}'`, USEFUL));
      figures[`${face}: modules list --json`].push(timeCommand([...argv, '--data-dir', dir, 'modules', 'list', '--json']));
      figures[`${face}: modules disable ID`].push(timeCommand([...argv, '--data-dir', dir, 'modules', 'disable', 'ModuleTemplate']));
      timeCommand([...argv, '--data-dir', dir, 'modules', 'enable', 'ModuleTemplate']);
      figures[`${face}: license show --json`].push(timeCommand([...argv, '--data-dir', dir, 'license', 'show', '--json']));
    }
  }

  const nodeMs = median(figures.node);
  const nodePtyMs = median(figures.nodePty);
  const line = (values, base, targetRatio) => {
    const ratio = median(values) / base;
    const verdict = ratio <= targetRatio ? 'within' : 'OVER';
    return `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})  ${ratio.toFixed(2)}x node -e 0, target <= ${targetRatio}x: ${verdict}`;
  };
  const table = [
    ['node -e 0 (plain spawn)', `${nodeMs.toFixed(0)} ms`],
    ['node -e 0 (in the pty, for the frames)', `${nodePtyMs.toFixed(0)} ms`],
  ];
  for (const face of Object.keys(faces)) {
    table.push([`${face}: first useful frame`, line(figures[`${face}: useful frame`], nodePtyMs, 2.5)]);
    for (const row of rows.slice(1)) table.push([`${face}: ${row}`, line(figures[`${face}: ${row}`], nodeMs, 2.5)]);
  }
  printTable(`bundle and executable, ${runs} runs each (median, min-max)`, table);

  const raw = (await stat(exe)).size;
  const xz = Number(execFileSync('sh', ['-c', `xz -6 -T2 -c '${exe}' | wc -c`], { encoding: 'utf8' }).trim());
  printTable(`the executable (pbxmod-${target})`, [
    ['raw', `${(raw / MB).toFixed(1)} MB, target <= 120 MB: ${raw <= 120 * MB ? 'within' : 'OVER'}`],
    ['xz -6', `${(xz / MB).toFixed(1)} MB, target <= 45 MB: ${xz <= 45 * MB ? 'within' : 'OVER'}`],
  ]);
  for (const dir of [...Object.values(dataDirs), ...Object.values(fresh)]) await rm(dir, { recursive: true, force: true });
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
  await rm(exeFolder, { recursive: true, force: true });
}
