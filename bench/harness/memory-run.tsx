// The work of bench/harness/memory.tsx, loaded once the heap is set up as the console's.
import { stat } from 'node:fs/promises';
import { PbxContext } from '../../src/pbx-context.js';
import { formatDialplanUniqid } from '../../src/domain/dialplan.js';
import { openPbxStore, pbxStoreFile } from '../../src/store/pbx-store.js';
import type { DialplanApplication } from '../../src/store/schema.js';
import { plain, sleep, startConsole } from './console-harness.js';

const [mode, dir = '', count = '10000'] = process.argv.slice(2);
const DOWN = '\u001B[B';
const PAGE_DOWN = '\u001B[6~';
const END = '\u001B[F';

function sampleApplication(i: number): DialplanApplication {
  const php = i % 3 === 0;
  return {
    uniqid: formatDialplanUniqid(new Uint8Array([(i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff])),
    name: `Application ${i}`,
    extension: String(3_000_000 + i),
    hint: '',
    type: php ? 'php' : 'plaintext',
    code: php
      ? `<?php\nrequire_once 'phpagi.php';\n$agi = new AGI();\n$agi->answer();\n$agi->say_number(${i});\n$agi->hangup();\n`
      : `1,Answer()\nn,Playback(hello-world)\nn,SayNumber(${i})\nn,Hangup()\n`,
    description: `Sample application number ${i}, made by the benchmark.`,
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

if (mode === 'seed') {
  await openPbxStore(dir).update((state) => {
    for (let i = 0; i < Number(count); i++) state.dialplanApplications.push(sampleApplication(i));
  });
  process.stdout.write(`${JSON.stringify({ storeBytes: (await stat(pbxStoreFile(dir))).size })}\n`);
} else if (mode === 'console') {
  // The highest heap use seen, sampled every few milliseconds (maxRSS is the kernel's own peak).
  let peakHeapUsed = 0;
  const sampler = setInterval(() => {
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
  }, 2);
  const pbx = new PbxContext({ dataDir: dir });
  // runConsole reads the store once before its first frame too (the console's language).
  const { dialplanApplications } = await pbx.store.read();
  const applications = dialplanApplications.length;
  const firstName = (dialplanApplications[0]?.name ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // How often the console reads the whole store, and how many reads overlap at most.
  const store = pbx.store;
  const read = store.read.bind(store);
  const reads = { count: 0, running: 0, overlapping: 0 };
  store.read = async () => {
    reads.count++;
    reads.overlapping = Math.max(reads.overlapping, ++reads.running);
    try {
      return await read();
    } finally {
      reads.running--;
    }
  };
  const console_ = startConsole({ pbx, initialScreen: 'dialplan' });
  let shown = false;
  try {
    // The list is up when the table's position (a long list) or an application (a short one) shows.
    await console_.waitForOutput(new RegExp(`of ${applications}\\b|${firstName}`), 20_000);
    shown = true;
    for (const key of [...Array<string>(20).fill(DOWN), ...Array<string>(5).fill(PAGE_DOWN), END]) {
      console_.keyboard.press(key);
      await sleep(120);
    }
    await console_.settle(200);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  clearInterval(sampler);
  const screen = plain(console_.terminal.mark()).slice(-400);
  globalThis.gc?.();
  const heap = process.memoryUsage();
  const result = {
    applications,
    shown,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapUsedMb: mb(peakHeapUsed),
    storeReads: reads.count,
    overlappingReads: reads.overlapping,
    heapUsedMb: mb(heap.heapUsed),
    heapTotalMb: mb(heap.heapTotal),
    externalMb: mb(heap.external + heap.arrayBuffers),
    screen,
  };
  await console_.quit();
  await pbx.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

export {};
