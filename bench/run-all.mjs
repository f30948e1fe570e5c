// Every benchmark of the console, one after the other, then a summary against the targets.
// Each bundles its own copy of the production build (bench/bundle-copy.mjs), so no
// `npm run build` is needed first. The other benchmarks (dialplan-save.ts, module-install.ts)
// run with `node --import tsx bench/<name>.ts`.
//
//   node bench/run-all.mjs
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const benches = [
  { file: 'startup.mjs', args: ['21'] },
  { file: 'cursor-bytes.mjs', args: [] },
  { file: 'memory.mjs', args: [] },
  { file: 'first-visit.mjs', args: ['3'] },
  { file: 'line-bytes.mjs', args: [] },
];

function run(file, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_JSON: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // Show the figures as they come, without the machine-readable last line.
      for (const line of chunk.toString().split('\n')) if (line && !line.startsWith('{')) console.log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench/${file} failed with exit code ${code}`));
      resolvePromise(JSON.parse(output.trim().split('\n').at(-1)));
    });
  });
}

const results = {};
for (const { file, args } of benches) {
  console.log(`\n== bench/${file}`);
  results[file] = await run(file, args);
}

const { 'startup.mjs': startup, 'cursor-bytes.mjs': cursor, 'memory.mjs': memory, 'first-visit.mjs': visits, 'line-bytes.mjs': line } = results;
const verdict = (ok) => (ok ? 'ok' : 'OVER');
const rows = [
  ['first useful frame vs node -e 0', `${startup.usefulFrameMs.toFixed(0)} ms vs ${startup.nodeMs.toFixed(0)} ms = ${startup.ratio.toFixed(2)}x`, '<= 2.5x', verdict(startup.ratio <= 2.5)],
  ['  (Ink\'s first frame, placeholders and all)', `${startup.frameMs.toFixed(0)} ms = ${(startup.frameMs / startup.nodeMs).toFixed(2)}x`, '', ''],
  ['bytes per cursor move, 1,000 rows', `median ${cursor.medianBytes} B, max ${cursor.maxBytes} B`, '<= 1024 B', verdict(cursor.maxBytes <= 1024)],
  ...Object.entries(visits).map(([screen, v]) => [`first visit: ${screen}`, `median ${v.median.toFixed(0)} ms, worst ${v.worst.toFixed(0)} ms`, '<= 150 ms', verdict(v.median <= 150)]),
  ['bytes per key, scripted session', `median ${line.medianBytes} B, max ${line.maxBytes} B, total ${line.total} B = ${((line.total * 10) / 9600).toFixed(1)} s at 9600 baud`, '<= 512 B median', verdict(line.medianBytes <= 512)],
  ['peak memory, 10,000 applications', `${memory.peakRssMb} MB RSS, worst run ${memory.worstRssMb} MB (new PBX: ${memory.baselineRssMb} MB)`, '<= 100 MB', verdict(memory.peakRssMb <= 100)],
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log('\n== summary');
for (const row of rows) console.log(`  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padEnd(widths[2])}  ${row[3]}`);
