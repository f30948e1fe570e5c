// Bytes the console writes for a scripted session over a slow line (target: at most 512 B per
// key, median): every screen once, register, install, enable, disable, a dialplan edit —
// one key per read, at 80x24 in a 256-colour terminal. Also the session's total and how long
// it takes to send at 9600 baud (10 bits a byte on a serial line). Runs a production-style
// bundle of bench/harness/line-session.tsx.
//
//   node bench/line-bytes.mjs
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleCopy } from './bundle-copy.mjs';
import { median, printTable, runBundled } from './figures.mjs';

const TARGET_MEDIAN = 512;
const BAUD = 9600;
const bundle = await bundleCopy({ 'line-session': 'bench/harness/line-session.tsx' }, 'pbxmod-bench-line-');
try {
  const result = await runBundled(join(bundle.folder, 'dist/line-session.js'));
  const bytes = result.perKey.map((k) => k.bytes);
  const worst = result.perKey.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const seconds = (n) => ((n * 10) / BAUD).toFixed(1);
  printTable(`bytes written, scripted session of ${bytes.length} keys, 80x24`, [
    ['total', `${result.total} B = ${seconds(result.total)} s at ${BAUD} baud`],
    ['per key, median', `${median(bytes)} B = ${seconds(median(bytes))} s at ${BAUD} baud   target <= ${TARGET_MEDIAN} B  ${median(bytes) <= TARGET_MEDIAN ? 'ok' : 'OVER'}`],
    ['per key, max', `${worst.bytes} B = ${seconds(worst.bytes)} s at ${BAUD} baud (${worst.step}, key ${worst.key})`],
    ...result.steps.filter((s) => !s.ok).map((s) => [`  step not seen`, s.step]),
  ]);
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ total: result.total, medianBytes: median(bytes), maxBytes: worst.bytes }));
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
}
