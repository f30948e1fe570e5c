// How long saving one edit of a dialplan application takes with 10,000 of them in the PBX
// store (target: < 50 ms), as the admin feels it: in the console, from Ctrl-S in the edit form
// to the list drawn again with the saved row (bench/dialplan-screen.ts --save-only, the whole
// console on the production bundle). Then its parts without the console: the operation
// (updateApplication) and the store's empty durable update under it.
// Run: node --import tsx bench/dialplan-save.ts [apps] [edits]
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApplication, updateApplication } from '../src/dialplan/applications.js';
import { dialplanProblems, draftOf, formatDialplanUniqid } from '../src/domain/dialplan.js';
import { openPbxStore, pbxStoreFile } from '../src/store/pbx-store.js';
import type { DialplanApplication } from '../src/store/schema.js';

const appCount = Number(process.argv[2] ?? 10_000);
const editCount = Number(process.argv[3] ?? 50);

console.log(`== in the console: Ctrl-S -> list redrawn (bench/dialplan-screen.ts --save-only)`);
const screen = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'dialplan-screen.ts'), String(appCount), '0', '--save-only'], { stdio: 'inherit' });
if (screen.status !== 0) process.exit(screen.status ?? 1);
console.log(`\n== its parts, without the console`);

const dir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-dialplan-'));
try {
  const store = openPbxStore(dir);
  await store.update((state) => {
    for (let i = 0; i < appCount; i++) state.dialplanApplications.push(sampleApp(i));
  });
  const size = (await stat(pbxStoreFile(dir))).size;

  const ids = (await store.read()).dialplanApplications.map((a) => a.uniqid);
  const edits: number[] = [];
  for (let i = 0; i < editCount; i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const started = performance.now();
    await updateApplication(store, id, { description: `edited ${i} at ${Date.now()}` });
    edits.push(performance.now() - started);
  }

  // The floor: the store's own locked read-validate-write of the whole file, changing nothing.
  const floor: number[] = [];
  for (let i = 0; i < editCount; i++) {
    const started = performance.now();
    await store.update(() => undefined);
    floor.push(performance.now() - started);
  }

  const creates: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await createApplication(store, { name: `Bench ${i}`, type: 'plaintext', code: '1,Answer()\nn,Hangup()' });
    creates.push(performance.now() - started);
  }

  // What a live form pays per key press: every rule, incl. number uniqueness over the whole PBX.
  const state = await store.read();
  const draft = draftOf(state.dialplanApplications[42]!);
  const checks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    dialplanProblems({ ...draft, name: `${draft.name}${i}` }, state, state.dialplanApplications[42]!.uniqid);
    checks.push(performance.now() - started);
  }

  console.log(`dialplan store: ${appCount.toLocaleString('en')} applications, ${(size / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`the save operation alone (updateApplication), ${editCount} runs: ${figures(edits)}`);
  console.log(`  the store's empty update (lock, read, parse, check, write, fsync), ${editCount} runs: ${figures(floor)}`);
  console.log(`add one (createApplication, next free number), 10 runs: ${figures(creates)}`);
  console.log(`validate a draft (dialplanProblems), 200 runs: ${figures(checks)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

function sampleApp(i: number): DialplanApplication {
  const bytes = new Uint8Array([(i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff]);
  const php = i % 3 === 0;
  return {
    uniqid: formatDialplanUniqid(bytes),
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

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}
