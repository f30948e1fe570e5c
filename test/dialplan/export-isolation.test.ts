// One application can never change another: hostile applications (put into the store by hand,
// past the save checks) sit between ordinary ones; the export leaves them out by name, and
// pbxmod's own reading of the written file (the config.c and pbx_config ports) finds every
// other application's lines exactly as written.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exportDialplan } from '../../src/dialplan/applications.js';
import { generateApplicationDialplan } from '../../src/dialplan/generate.js';
import { loadDialplan } from '../../src/dialplan/asterisk-extensions.js';
import type { DialplanApplication } from '../../src/store/schema.js';
import { tempPbx, type TempPbx } from './helpers.js';

let pbx: TempPbx;
beforeEach(async () => {
  pbx = await tempPbx();
});
afterEach(async () => {
  await pbx.cleanup();
});

const id = (n: number) => `DIALPLAN-${n.toString(16).toUpperCase().padStart(8, '0')}`;
function app(n: number, fields: Partial<DialplanApplication>): DialplanApplication {
  return { uniqid: id(n), name: `App ${n}`, extension: String(2200100 + n), hint: '', type: 'plaintext', code: '', description: '', ...fields };
}

/** Ordinary applications, and the lines Asterisk must load for each: [priority, label, application, data]. */
const ordinary: { app: DialplanApplication; entries: [number, string | null, string, string][] }[] = [
  { app: app(1, { code: '1,Answer()\nn,Playback(hello-world)\nn,Hangup()' }), entries: [[1, null, 'Answer', ''], [2, null, 'Playback', 'hello-world'], [3, null, 'Hangup', '']] },
  { app: app(3, { code: '; greet\n1(start),Answer()\nn,Set(A=a\\;b)\nn,Goto(start)', hint: 'Custom:2200103' }), entries: [[-1, null, 'Custom:2200103', ''], [1, 'start', 'Answer', ''], [2, null, 'Set', 'A=a;b'], [3, null, 'Goto', 'start']] },
  { app: app(5, { code: '1,Hangup()' }), entries: [[1, null, 'Hangup', '']] },
  { app: app(7, { type: 'php', code: '<?php\n$agi = 1;\n' }), entries: [[1, null, 'AGI', `${id(7)}.php`], [2, null, 'Hangup', '']] },
  { app: app(9, { code: ';--\na block comment, closed\n--;\n1,Answer()\nn,Echo()' }), entries: [[1, null, 'Answer', ''], [2, null, 'Echo', '']] },
  { app: app(11, { code: `1,NoOp(${'z'.repeat(8163)})` }), entries: [[1, null, 'NoOp', 'z'.repeat(8163)]] }, // 8,189 bytes written (8,190 with the newline): loads
];

const hostile: DialplanApplication[] = [
  app(2, { code: '1,Answer()\n;-- notes that never end' }),
  app(4, { code: `1,NoOp(${'x'.repeat(9000)})\nn,Dial(PJSIP/evil)` }),
  app(6, { code: '1,NoOp(a--;b)' }),
  app(8, { code: `1,NoOp(a\0${'p'.repeat(8170)}[evil]\nexten => _X.,1,Dial(PJSIP/evil))` }),
  app(10, { code: ';--\n--;[evil]\nexten => _X.,1,Dial(PJSIP/evil)' }),
  app(12, { type: 'php', code: '<?php\n', hint: 'Custom:1 ;-- desk' }),
  app(14, { code: `1,Answer()\nn,NoOp(${'y'.repeat(8200)})` }),
  app(18, { code: `1,NoOp(${'z'.repeat(8164)})` }), // 8,190 bytes written: skipped, and the line after it too
  app(16, { code: `1,NoOp(${'z'.repeat(8165)})\nn,Dial(PJSIP/evil)` }), // 8,191 bytes written: skipped, and n,Dial would join the app above
];

describe('the export of hostile applications between ordinary ones', () => {
  it('leaves the hostile ones out by name and line, and every other application loads exactly as written', async () => {
    await pbx.store.update((state) => {
      state.dialplanApplications.push(...ordinary.map((o) => o.app), ...hostile);
    });
    const out = join(pbx.dir, 'export');
    const result = await exportDialplan(pbx.store, out);

    assert.deepEqual(result.leftOut.map((a) => a.uniqid).sort(), hostile.map((a) => a.uniqid).sort());
    for (const left of result.leftOut) {
      assert.ok(left.problems.length > 0 && left.problems.every((p) => p.verdict === 'leaks'), left.uniqid);
      if (left.uniqid !== id(12)) assert.ok(left.problems.every((p) => typeof p.line === 'number'), `${left.uniqid} names the line`);
    }

    const conf = await readFile(result.conf, 'utf8');
    for (const h of hostile) assert.ok(!conf.includes(h.uniqid), `${h.uniqid} is not in the file`);
    const loaded = loadDialplan(conf);
    assert.equal(loaded.config.invalid, null);
    assert.equal(loaded.config.unterminatedFrom, null);
    assert.deepEqual(loaded.config.directives, []);
    assert.deepEqual(loaded.config.warnings, []);
    assert.deepEqual([...loaded.contexts.keys()], ['applications']);
    const context = loaded.contexts.get('applications')!;
    for (const { app: a, entries } of ordinary) {
      const own = [...(context.extensions.get(a.extension) ?? []), ...(context.extensions.get(`_${a.extension}`) ?? [])];
      assert.deepEqual(own.map((e) => [e.priority, e.label, e.application, e.data]), entries, `${a.extension} loads as written`);
    }
    // Nothing else: the built-ins and the ordinary applications, no extension of the hostile ones.
    const names = [...context.extensions.keys()].sort();
    assert.deepEqual(names, ['2200103', '_000063', '_000064', '_10003246', ...ordinary.map((o) => `_${o.app.extension}`)].sort());

    // The reading does see the harm: with a hostile application written in, the ones after it change.
    for (const h of hostile.filter((a) => [id(2), id(4), id(6), id(16)].includes(a.uniqid))) {
      const spliced = conf.replace('; 2200103 ', `${generateApplicationDialplan(h).dialplan}; 2200103 `);
      const harmed = loadDialplan(spliced).contexts.get('applications')!;
      const entries = (n: string) => (harmed.extensions.get(n) ?? []).map((e) => [e.priority, e.label, e.application, e.data]);
      const before = entries('_2200101');
      const after = ['_2200103', '_2200105', '_2200107'].map(entries);
      assert.ok(
        JSON.stringify(before) !== JSON.stringify(ordinary[0]!.entries) || JSON.stringify(after) !== JSON.stringify([ordinary[1]!.entries.slice(1), ordinary[2]!.entries, ordinary[3]!.entries]),
        `${h.uniqid} written in would change another application`,
      );
    }
  });
});

describe('the exported PHP-AGI scripts', () => {
  it('are executable and start with #!, after every export even when someone took the bit off', async () => {
    await pbx.store.update((state) => {
      state.dialplanApplications.push(app(7, { type: 'php', code: '<?php\n$agi = 1;\n' }), app(9, { type: 'php', code: '#!/usr/bin/env php\n<?php\n' }));
    });
    const out = join(pbx.dir, 'export');
    const first = await exportDialplan(pbx.store, out);
    assert.equal(first.scripts.length, 2);
    for (const script of first.scripts) {
      assert.equal((await stat(script)).mode & 0o777, 0o755);
      assert.match(await readFile(script, 'utf8'), /^#!/);
    }
    assert.equal(await readFile(join(out, 'agi-bin', `${id(7)}.php`), 'utf8'), '#!/usr/bin/php\n<?php\n$agi = 1;\n');
    assert.equal(await readFile(join(out, 'agi-bin', `${id(9)}.php`), 'utf8'), '#!/usr/bin/env php\n<?php\n');
    await chmod(first.scripts[0]!, 0o644);
    const umask = process.umask(0o077);
    try {
      await exportDialplan(pbx.store, out);
    } finally {
      process.umask(umask);
    }
    for (const script of first.scripts) assert.equal((await stat(script)).mode & 0o777, 0o755);
  });
});
