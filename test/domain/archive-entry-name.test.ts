import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unsafeEntryName } from '../../src/domain/archive-entry-name.js';

// pbxmod's own path rules, checked on entry names alone: the zip library refuses ".." and
// absolute names by itself, so a zip-based test stays green when one of these rules goes.
const MAX = 1024;
const why = (name: string) => unsafeEntryName(name, MAX);

describe('archive entry names', () => {
  it('accepts names inside the module directory', () => {
    for (const name of ['module.json', 'Lib/Main.php', 'App/Views/', 'a/b/c.txt', 'a..b/c', '..hidden', 'dots../x', 'x/y..']) assert.equal(why(name), undefined, name);
  });

  it('refuses ".." as a path part, wherever it is', () => {
    for (const name of ['..', '../x', 'a/../b', 'a/b/..', '../', 'a/../../etc/passwd']) assert.equal(why(name), 'would be written outside the module directory ("..")', name);
  });

  it('refuses absolute names', () => {
    for (const name of ['/etc/passwd', '/', '/a/']) assert.equal(why(name), 'has an absolute path', name);
  });

  it('refuses drive letters, with or without a separator', () => {
    for (const name of ['C:/Windows/x', 'c:x', 'Z:', 'd:/']) assert.equal(why(name), 'starts with a drive letter (an absolute path)', name);
  });

  it('refuses backslashes, which other systems read as separators', () => {
    for (const name of ['a\\b', '..\\..\\x', '\\etc\\passwd', 'Lib\\Main.php']) assert.match(why(name) ?? '', /^uses backslashes/, name);
  });

  it('refuses empty and "." parts, control characters and over-long names', () => {
    for (const name of ['', 'a//b', './x', 'a/./b']) assert.equal(why(name), 'has an empty or "." part in its path', JSON.stringify(name));
    for (const name of ['a\u0000b', 'x\ny', '\u001b[31mred']) assert.equal(why(name), 'has control characters in its name', JSON.stringify(name));
    assert.equal(why('x'.repeat(MAX)), undefined);
    assert.equal(why('x'.repeat(MAX + 1)), `has a name longer than ${MAX} bytes`);
    assert.equal(why('я'.repeat(MAX / 2 + 1)), `has a name longer than ${MAX} bytes`, 'bytes, not characters');
  });
});
