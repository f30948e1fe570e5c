import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ASTERISK_LINE_MAX_BYTES, readConfig, scanLine } from '../../src/dialplan/asterisk-config-reader.js';
import { loadDialplan } from '../../src/dialplan/asterisk-extensions.js';
import { checkText } from '../../src/dialplan/checks.js';

const values = (text: string) => readConfig(text).categories.flatMap((c) => c.variables.map((v) => `${v.name}=${v.value}`));

describe("Asterisk's reading of a .conf line (config_text_file_load)", () => {
  it('loads a line of 8,189 bytes (8,190 with its newline) and skips one of 8,190 (8,191), then reads on', () => {
    assert.equal(ASTERISK_LINE_MAX_BYTES, 8189);
    const value = (bytes: number) => 'v'.repeat(bytes - 'a='.length);
    assert.deepEqual(values(`[c]\na=${value(8189)}\nb=1\n`), [`a=${value(8189)}`, 'b=1']);
    const skipped = readConfig(`[c]\na=${value(8191)}\nb=1\n`);
    assert.deepEqual(skipped.categories[0]!.variables.map((v) => v.name), ['b']);
    assert.deepEqual(skipped.lines.map((l) => [l.physical, l.tooLong, l.bytes]), [[1, false, 3], [2, true, 8191], [3, false, 3]]);
    // Several fgets() rounds of one line are all skipped; Asterisk's own line count lags behind.
    const long = readConfig(`[c]\na=${'w'.repeat(20000)}\nb=1\n`);
    assert.deepEqual(long.categories[0]!.variables.map((v) => v.name), ['b']);
    assert.deepEqual(long.lines.map((l) => [l.physical, l.lineno]), [[1, 1], [2, 2], [3, 3]]);
    assert.match(checkText(long.warnings[0]!.check), /^Line 2 too long, skipping/);
  });

  it('skips the line after an 8,190-byte line too: the 8,191-byte read that held the newline counts as too long', () => {
    const read = readConfig(`[c]\na=${'v'.repeat(8188)}\nb=1\nc=2\n`);
    assert.deepEqual(read.categories[0]!.variables.map((v) => v.name), ['c']);
    assert.deepEqual(read.lines.map((l) => [l.physical, l.tooLong, l.swallowed]), [[1, false, false], [2, true, false], [3, false, true], [4, false, false]]);
  });

  it('strips ";" comments, keeps an escaped "\\;", and reads ";-- … --;" block comments, nested', () => {
    assert.deepEqual(scanLine('a=1 ; note', 0), { processed: 'a=1 ', depthAfter: 0, cutAt: 4, nestLimit: false });
    assert.equal(scanLine('a=x\\;y', 0).processed, 'a=x;y');
    assert.equal(scanLine('a=1 ;-- x ;-- y --; z --; b', 0).processed, 'a=1  b');
    assert.deepEqual(scanLine(';-- open', 0), { processed: '', depthAfter: 1, cutAt: null, nestLimit: false });
    assert.deepEqual(scanLine('still inside; --; after', 1), { processed: ' after', depthAfter: 0, cutAt: null, nestLimit: false });
    assert.equal(scanLine(';--- a rule ---', 0).processed, '', '";---" is a plain comment');
    assert.equal(scanLine('\\;-- not a comment', 0).processed, ';-- not a comment');
  });

  it('takes a "--;" outside any block comment as closing one: every later line becomes a comment', () => {
    const read = readConfig('[c]\na=x--;y\nb=2\nc=3\n');
    assert.deepEqual(read.categories[0]!.variables.map((v) => `${v.name}=${v.value}`), ['a=x--;y']);
    assert.equal(read.unterminatedFrom, 2);
    assert.deepEqual(read.lines.map((l) => l.depthAfter), [0, -1, -1, -1]);
  });

  it('an unclosed ";--" swallows the rest of the file, later categories included', () => {
    const read = readConfig('[a]\nx=1 ;-- note\ny=2\n[b]\nz=3\n');
    assert.deepEqual(read.categories.map((c) => [c.name, c.variables.map((v) => v.name)]), [['a', ['x']]]);
    assert.equal(read.unterminatedFrom, 2);
  });

  it('a NUL byte ends the C string: in a long line the rest is read as a line of its own', () => {
    const read = readConfig(`[c]\na=1\0${'p'.repeat(8200)}\n[evil]\n`);
    assert.deepEqual(read.categories.map((c) => c.name), ['c', 'evil']);
    // fgets() takes 8,191 bytes: "a=1", the NUL and 8,187 more; strlen() says 3, so the line is
    // kept, and "[other]" starts the next read.
    const sneaky = readConfig(`[c]\na=1\0${'p'.repeat(8187)}[other]\nq=1\n`);
    assert.deepEqual(sneaky.categories.map((c) => c.name), ['c', 'other']);
  });

  it('sorts lines into categories, directives and name => value variables, and refuses a file without a category', () => {
    const read = readConfig('[c]\n#include x.conf\nexten => 1,1,NoOp()\nnoequals\n');
    assert.deepEqual(read.directives.map((d) => d.text), ['#include x.conf']);
    assert.deepEqual(read.categories[0]!.variables, [{ name: 'exten', value: '1,1,NoOp()', object: true, physical: 3 }]);
    assert.match(checkText(read.warnings[0]!.check), /No '=' \(equal sign\) in line 4/);
    assert.match(checkText(readConfig('a=1\n').invalid!.check), /No category context/);
  });
});

describe("Asterisk's loading of exten/same lines (pbx_load_config, add_priority)", () => {
  it('numbers n, s and n+k from the last priority, refuses a priority in use, drops a repeated label', () => {
    const { contexts } = loadDialplan('[c]\nexten => 5,1(a),Answer()\nsame => n,Wait(1)\nsame => n+2,Wait(2)\nsame => s,NoOp(dup)\nsame => n(a),Hangup\n');
    assert.deepEqual(contexts.get('c')!.extensions.get('5')!.map((e) => [e.priority, e.label, e.application, e.data]), [
      [1, 'a', 'Answer', ''],
      [2, null, 'Wait', '1'],
      [5, null, 'Wait', '2'], // n is 3, +2
      [6, null, 'Hangup', ''], // s (5 again) was refused; the label "a" was taken
    ]);
  });

  it('starts the count again in each [category], and "same" continues the last exten', () => {
    const { contexts } = loadDialplan('[c]\nexten => 5,1,Answer()\n[c]\nsame => n,Wait(1)\nexten => 6,n,Wait(1)\nexten => 7,1,NoOp()\nsame => n,Hangup()\n');
    assert.deepEqual([...contexts.get('c')!.extensions].map(([name, entries]) => [name, entries.map((e) => e.priority)]), [
      ['5', [1]],
      ['7', [1, 2]],
    ]);
  });
});
