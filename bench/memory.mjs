// Peak memory of the console with 10,000 dialplan applications (target: at most 100 MB).
// A PBX store with the applications is made first (in its own process); then the console
// runs in a fresh process at 80x24 on the Dialplan tab — the real screen reading the real
// store — moves through the list, and reports its peak RSS (process.resourceUsage().maxRSS)
// and heap, median of 5 runs; the same with the store of a new PBX, for comparison. Runs a
// production-style bundle of bench/harness/memory.tsx.
//
//   node bench/memory.mjs [applications]      default 10000
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleCopy } from './bundle-copy.mjs';
import { printTable, runBundled } from './figures.mjs';

const count = process.argv[2] ?? '10000';
const RUNS = 5;
const bundle = await bundleCopy({ memory: 'bench/harness/memory.tsx' }, 'pbxmod-bench-memory-');
const harness = join(bundle.folder, 'dist/memory.js');
try {
  const emptyDir = join(bundle.folder, 'new-pbx');
  const fullDir = join(bundle.folder, 'big-pbx');
  await mkdir(emptyDir);
  await mkdir(fullDir);
  const seeded = await runBundled(harness, ['seed', fullDir, count]);
  const empty = await runBundled(harness, ['console', emptyDir], ['--expose-gc']);
  // Peak RSS varies by several MB from run to run (when the garbage collector gets to run,
  // more so on a busy machine): five runs, the median and the worst.
  const fulls = [];
  for (let i = 0; i < RUNS; i++) fulls.push(await runBundled(harness, ['console', fullDir], ['--expose-gc']));
  fulls.sort((a, b) => a.peakRssMb - b.peakRssMb);
  const full = fulls[Math.floor(RUNS / 2)];
  const worst = fulls[RUNS - 1];
  const line = (r) =>
    `peak RSS ${r.peakRssMb} MB; heap at most ${r.peakHeapUsedMb} MB used, ${r.heapUsedMb} MB live at the end; buffers ${r.externalMb} MB; ${r.storeReads} store reads${r.shown ? '' : '  (the list did not show!)'}`;
  printTable(`memory of the console, 80x24, Dialplan tab (median of ${RUNS} runs)`, [
    [`${full.applications} applications (store ${(seeded.storeBytes / 1024 / 1024).toFixed(1)} MiB)`, `${line(full)}   target <= 100 MB`],
    ['  the worst run', `peak RSS ${worst.peakRssMb} MB`],
    [`${empty.applications} applications (a new PBX)`, line(empty)],
  ]);
  if (!full.shown) console.log(`The console showed:\n${full.screen}`);
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ peakRssMb: full.peakRssMb, worstRssMb: worst.peakRssMb, heapUsedMb: full.heapUsedMb, baselineRssMb: empty.peakRssMb }));
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
}
