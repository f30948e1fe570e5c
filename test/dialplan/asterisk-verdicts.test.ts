// The validator against Asterisk 22's own verdicts (fixtures/asterisk22-verdicts.ts): for every
// case, each line gets the verdict Asterisk gives it, and what Asterisk registers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateApplicationDialplan } from '../../src/dialplan/generate.js';
import { checksText } from '../../src/dialplan/checks.js';
import { verdictCases } from './fixtures/asterisk22-verdicts.js';

describe("the validator's verdict is Asterisk 22's for every case of the table", () => {
  for (const c of verdictCases) {
    it(`${c.name} (${c.from === 'run' ? 'seen in the Asterisk 22.10.1 run' : "read from Asterisk's source"})`, () => {
      const generated = generateApplicationDialplan({ uniqid: 'DIALPLAN-AB12CD34', extension: c.extension ?? '2200101', hint: c.hint ?? '', type: 'plaintext', code: c.code });
      assert.deepEqual(generated.lines.map((l) => l.verdict), c.lines, JSON.stringify(generated.lines.map((l) => [l.verdict, l.checks && checksText(l.checks)]), null, 1).slice(0, 2000));
      for (const [index, loaded] of Object.entries(c.loaded ?? {})) assert.deepEqual(generated.lines[Number(index)]!.loaded, loaded, `line ${index}`);
      if (c.hint_verdict) assert.equal(generated.hint?.verdict, c.hint_verdict);
      const leaks = c.lines.includes('leaks') || c.hint_verdict === 'leaks';
      assert.equal(generated.exportable, !leaks, 'an application is exportable unless a line of it leaks');
      // Every line Asterisk does not load as written is flagged, with its number; no other is.
      const flagged = generated.problems.filter((p) => p.line !== null).map((p) => p.line);
      const expected = generated.lines.filter((l) => l.verdict !== 'loads' && l.verdict !== 'comment').map((l) => l.line);
      assert.deepEqual(flagged, expected);
    });
  }
});
