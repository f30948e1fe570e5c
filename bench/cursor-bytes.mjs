// Bytes written to the terminal per cursor move in a 1,000-row table (target: at most 1 KB).
// The console's frame at 80x24 with the shared Table as the Dialplan tab's body, rendered by
// Ink with the console's own options (incremental rendering, maxFps) through the frame anchor,
// into a terminal that counts bytes; Down is pressed one key at a time, each waiting for its
// frame. Runs a production-style bundle of bench/harness/cursor-bytes.tsx.
//
//   node bench/cursor-bytes.mjs [rows] [moves]      default 1000 rows, 60 moves
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleCopy } from './bundle-copy.mjs';
import { median, printTable, runBundled } from './figures.mjs';

const [rows = '1000', moves = '60'] = process.argv.slice(2);
const bundle = await bundleCopy({ 'cursor-bytes': 'bench/harness/cursor-bytes.tsx' }, 'pbxmod-bench-cursor-');
try {
  const result = await runBundled(join(bundle.folder, 'dist/cursor-bytes.js'), [rows, moves]);
  const bytes = result.moves.map((m) => m.bytes);
  const within = result.moves.filter((m) => !m.scrolled);
  const scrolling = result.moves.filter((m) => m.scrolled);
  const describe = (list) =>
    list.length === 0 ? '-' : `median ${median(list.map((m) => m.bytes))} B, max ${Math.max(...list.map((m) => m.bytes))} B, ${median(list.map((m) => m.lines))} line(s) rewritten (${list.length} moves)`;
  printTable(`bytes per cursor move, ${result.rows}-row table, ${result.columns}x${result.lines}`, [
    ['all moves', `median ${median(bytes)} B, max ${Math.max(...bytes)} B   target <= 1024 B`],
    ['  cursor moves within the page', describe(within)],
    ['  cursor moves that scroll the table', describe(scrolling)],
  ]);
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ medianBytes: median(bytes), maxBytes: Math.max(...bytes) }));
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
}
