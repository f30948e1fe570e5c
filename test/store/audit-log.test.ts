import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAudit, openPbxStore } from '../../src/store/pbx-store.js';
import { AUDIT_LIMIT, ROTATED_LIMIT, readAuditLog } from '../../src/store/audit-log.js';
import { tempDir } from './fixtures/temp-dir.js';

const lines = async (file: string) => (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { target: string });

test('rotation keeps two bounded generations: audit.1.jsonl, then audit.2.jsonl, and the oldest beyond them go', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);
  let n = 0;
  // Enough entries to fill the store and both rotated files, and overflow them.
  for (let round = 0; round < 12; round++) {
    await store.update((s) => {
      for (let i = 0; i < 600; i++) appendAudit(s, { action: 'test', target: String(n++), outcome: 'ok', who: 'tester' });
    });
    const { audit } = await store.read();
    assert.ok(audit.length <= AUDIT_LIMIT, `the store holds ${audit.length}`);
  }
  assert.deepEqual((await readdir(dataDir)).filter((f) => f.startsWith('audit')).sort(), ['audit.1.jsonl', 'audit.2.jsonl']);
  const first = await lines(join(dataDir, 'audit.1.jsonl'));
  const second = await lines(join(dataDir, 'audit.2.jsonl'));
  assert.ok(first.length <= ROTATED_LIMIT && second.length <= ROTATED_LIMIT);
  // One unbroken, ordered run from the oldest kept to the newest.
  const all = await readAuditLog(dataDir, await store.read());
  const targets = all.map((e) => Number(e.target));
  assert.equal(targets.at(-1), n - 1);
  assert.deepEqual(targets, targets.map((_, i) => targets[0]! + i));
  assert.ok(targets[0]! > 0, 'the oldest generation was let go');
});

test('the reader skips a line cut by a crash and shows an entry in both the file and the store once', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);
  await store.update((s) => appendAudit(s, { action: 'test', target: 'both', outcome: 'ok', who: 'tester', at: '2026-01-01T00:00:00.000Z' }));
  const [entry] = (await store.read()).audit;
  await writeFile(join(dataDir, 'audit.1.jsonl'), `${JSON.stringify({ ...entry, target: 'older' })}\n${JSON.stringify(entry)}\n{"at":"2026-01-0`);
  const all = await readAuditLog(dataDir, await store.read());
  assert.deepEqual(all.map((e) => e.target), ['older', 'both']);
});

test('a license key in a target or detail is stored masked', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);
  await store.update((s) => appendAudit(s, { action: 'license.set-key', target: 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST', outcome: 'failed', detail: 'key MIKO-ABCDE-FGHIJ-KLMNO-PQRST unknown; coupon MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD' }));
  const [entry] = (await store.read()).audit;
  assert.equal(entry?.target, 'MIKO-*****-*****-*****-PQRST');
  assert.equal(entry?.detail, 'key MIKO-*****-*****-*****-PQRST unknown; coupon MIKOUPD-AAAAA-BBBBB-CCCCC-DDDDD');
});
