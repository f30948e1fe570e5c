// Time from process start to the console's first USEFUL frame, beside `node -e 0` measured the
// same way (target: within 2.5x). Runs the production bundle (a fresh copy built the same way
// as `npm run build`, see bench/bundle-copy.mjs) in a real pseudo-terminal of 80x24 made by
// `script`, and watches the terminal output for the frame.
//
//   node bench/startup.mjs [runs]        default 21 runs each, median reported
//
// "First useful frame": the header filled in from the PBX store (PBX version, license state)
// AND the first screen's content from the store (on a new PBX: "This PBX is not registered"),
// not a frame of placeholders ("checking...", "Loading..."). That is the figure beside the
// target. Also printed, for comparison: Ink's first frame (header, tabs, footer) whatever it
// holds. Both commands run through the same `script` + `sh` + `stty`
// wrapper and are timed until a marker shows in the pty output, so the wrapper's own cost is
// in both figures. On a busy machine the spread is wide: compare medians of many runs.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bareInkHello, bundleCopy } from './bundle-copy.mjs';
import { timeInPty } from './pty.mjs';
import { median, printTable, startupLoad } from './figures.mjs';

const runs = Number(process.argv[2] ?? 21);

/** The first frame (header, tabs, footer), and the header once the store was read. */
const FRAME_MARKERS = ['License:', '1 Marketplace', 'q quit'];
const USEFUL_MARKERS = [...FRAME_MARKERS, 'PBX 2025.1.120', /License: (?:unregistered|registered)/, 'This PBX is not registered'];
const NODE_MARKER = 'node-done';
const HELLO_MARKER = 'Hello, world';

const bundle = await bundleCopy({ cli: 'src/cli.ts' }, 'pbxmod-bench-startup-');
const dataDir = join(bundle.folder, 'data');
try {
  const pbxmod = `exec ${process.execPath} ${join(bundle.folder, 'bin/pbxmod.js')} --data-dir ${dataDir}`;
  const bare = `${process.execPath} -e 0; printf ${NODE_MARKER}`;
  const hello = `exec ${process.execPath} ${await bareInkHello(bundle.folder)}`;
  // Warm-up (not counted): creates the PBX store, fills the file cache.
  await timeInPty(pbxmod, [USEFUL_MARKERS]);
  await timeInPty(bare, [[NODE_MARKER]]);
  await timeInPty(hello, [[HELLO_MARKER]]);

  const node = [];
  const inkHello = [];
  const firstFrame = [];
  const usefulFrame = [];
  // Interleaved, so that a burst of load on the machine hits all alike.
  for (let i = 0; i < runs; i++) {
    node.push((await timeInPty(bare, [[NODE_MARKER]]))[0]);
    inkHello.push((await timeInPty(hello, [[HELLO_MARKER]]))[0]);
    const [frame, useful] = await timeInPty(pbxmod, [FRAME_MARKERS, USEFUL_MARKERS]);
    firstFrame.push(frame);
    usefulFrame.push(useful);
  }
  const ratio = median(usefulFrame) / median(node);
  printTable(`startup, 80x24 pty, ${runs} runs each (median, min-max)`, [
    ['node -e 0', range(node)],
    ['bare Ink "Hello, world" bundle, for comparison', `${range(inkHello)}   ${(median(inkHello) / median(node)).toFixed(2)}x`],
    ['pbxmod: first frame (header, tabs, footer; may hold placeholders)', `${range(firstFrame)}   ${(median(firstFrame) / median(node)).toFixed(2)}x`],
    ['pbxmod: first USEFUL frame (header and screen 1 from the store)', `${range(usefulFrame)}   ${ratio.toFixed(2)}x node -e 0, target <= 2.5x ${ratio <= 2.5 ? 'ok' : 'OVER TARGET'}`],
  ]);
  const load = startupLoad(bundle.meta);
  printTable('JavaScript loaded before the first frame (esbuild metafile)', load.map((step) => [step.name, `${(step.bytes / 1024).toFixed(0)} KiB in ${step.files} file(s): ${step.parts}`]));
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ nodeMs: median(node), inkHelloMs: median(inkHello), frameMs: median(firstFrame), usefulFrameMs: median(usefulFrame), ratio }));
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
}

function range(values) {
  return `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`;
}
