import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, pbxmod, runTs, tempPbx, type TempPbx } from './helpers.js';

let pbx: TempPbx;
beforeEach(async () => {
  pbx = await tempPbx();
  await pbx.store.read(); // the store file exists before the race starts
});
afterEach(async () => {
  await pbx.cleanup();
});

describe('two consoles saving at once', () => {
  it('three processes adding applications at once lose none, and no two share a number', async () => {
    const children = ['A', 'B', 'C'].map((prefix) => runTs(join(repoRoot, 'test/dialplan/fixtures/create-many.ts'), [pbx.dir, prefix, '12']));
    const results = await Promise.all(children);
    for (const r of results) assert.equal(r.code, 0, r.stderr);

    const { dialplanApplications: apps, audit } = await pbx.store.read();
    const added = apps.filter((a) => /^[ABC]-\d+$/.test(a.name));
    assert.equal(added.length, 36);
    for (const prefix of ['A', 'B', 'C']) {
      for (let i = 1; i <= 12; i++) assert.ok(added.some((a) => a.name === `${prefix}-${i}`), `${prefix}-${i} is there`);
    }
    assert.equal(new Set(apps.map((a) => a.extension)).size, apps.length, 'numbers are distinct');
    assert.equal(new Set(apps.map((a) => a.uniqid)).size, apps.length, 'ids are distinct');
    // Next-free numbering stays dense: 2200101 … 2200136, nothing skipped, nothing doubled.
    assert.deepEqual(added.map((a) => Number(a.extension)).sort((x, y) => x - y), Array.from({ length: 36 }, (_, i) => 2200101 + i));
    assert.equal(audit.filter((e) => e.action === 'dialplan.create' && e.outcome === 'ok').length, 36);
  });

  it('concurrent `pbxmod dialplan add` commands for the same number: exactly one wins, the others are told it is busy', async () => {
    const runs = await Promise.all([1, 2, 3].map((i) => pbxmod(pbx.dir, ['--json', 'dialplan', 'add', '--name', `Racer ${i}`, '--ext', '5000'])));
    const winners = runs.filter((r) => r.code === 0);
    const losers = runs.filter((r) => r.code !== 0);
    assert.equal(winners.length, 1, runs.map((r) => r.stdout + r.stderr).join('\n'));
    for (const r of losers) {
      assert.equal(r.code, 2);
      const out = JSON.parse(r.stdout) as { ok: boolean; error: { message: string; field: string } };
      assert.equal(out.ok, false);
      assert.equal(out.error.field, 'extension');
      assert.match(out.error.message, /^Number 5000 is busy: dialplan application Racer \d \(DIALPLAN-[0-9A-F]{8}\) uses it\./);
    }
    const { dialplanApplications } = await pbx.store.read();
    assert.equal(dialplanApplications.filter((a) => a.extension === '5000').length, 1);
  });

  it('edits of different fields from two processes both stay', async () => {
    const [a, b] = await Promise.all([
      pbxmod(pbx.dir, ['dialplan', 'edit', '000064', '--description', 'from console A']),
      pbxmod(pbx.dir, ['dialplan', 'edit', '000064', '--hint', 'Custom:000064']),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const app = (await pbx.store.read()).dialplanApplications.find((x) => x.extension === '000064')!;
    assert.equal(app.description, 'from console A');
    assert.equal(app.hint, 'Custom:000064');
  });
});
