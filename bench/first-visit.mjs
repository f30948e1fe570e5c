// Key → frame for the first visit of each screen (target: at most 150 ms on this machine).
// Each screen is measured in a fresh process, so its code is loaded for the first time, as
// when a person presses its number key the first time after starting the console. Runs a
// production-style bundle of bench/harness/first-visit.tsx.
//
//   node bench/first-visit.mjs [runs]      default 5 runs per screen; the median is shown
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleCopy } from './bundle-copy.mjs';
import { median, printTable, runBundled } from './figures.mjs';

const runs = Number(process.argv[2] ?? 5);
const TARGET_MS = 150;
const screens = ['marketplace', 'modules', 'dialplan', 'sessions'];
const bundle = await bundleCopy({ 'first-visit': 'bench/harness/first-visit.tsx' }, 'pbxmod-bench-visit-');
try {
  const figures = {};
  for (const screen of screens) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await runBundled(join(bundle.folder, 'dist/first-visit.js'), [screen])).ms);
    figures[screen] = { median: median(times), worst: Math.max(...times) };
  }
  printTable(`key → frame, first visit of each screen, 80x24 (median of ${runs} fresh processes)`, [
    ...screens.map((s) => [s, `median ${figures[s].median.toFixed(0)} ms, worst ${figures[s].worst.toFixed(0)} ms   target <= ${TARGET_MS} ms  ${figures[s].median <= TARGET_MS ? 'ok' : 'OVER'}`]),
  ]);
  if (process.env.BENCH_JSON) console.log(JSON.stringify(figures));
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
}
