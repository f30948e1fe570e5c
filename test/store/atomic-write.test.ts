import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { counterStateSchema, openCounterStore, bulkPayload } from './fixtures/counter-store.js';
import { tempDir } from './fixtures/temp-dir.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures', 'grow-past-limit.ts');

/** Run the fixture with its file size limited (`ulimit -f`, which binds root too). */
function growUnderLimit(file: string, items: number, blocks: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', `ulimit -f ${blocks} && exec "$0" --import tsx "$@"`, process.execPath, FIXTURE, file, String(items)], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

test('a write that cannot finish (file size limit) leaves the previous version whole', { timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  await openCounterStore(file).update((state) => {
    state.counter = 1;
    state.payload = bulkPayload(1, 20);
  });
  const before = await readFile(file, 'utf8');
  assert.ok(before.length < 20 * 1024, 'the first version fits the limit');

  // 2 MB of new version against a limit of 100-200 KB (sh counts 512- or 1024-byte blocks).
  const run = await growUnderLimit(file, 10_000, 200);
  assert.match(run.stdout, /^updating$/m, `the update started: ${run.stderr}`);
  assert.doesNotMatch(run.stdout, /committed/, 'the limit stopped the write');
  assert.ok(run.code !== 0 || run.signal !== null, 'the update failed');

  const after = await readFile(file, 'utf8');
  assert.equal(after, before, 'the store file is the previous version, byte for byte');
  assert.equal(counterStateSchema.parse(JSON.parse(after)).counter, 1);
  assert.equal((await openCounterStore(file).read()).counter, 1);
});
