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
    for (const name of ['..', '../x', 'a/../b', 'a/b/..', '../', 'a/../../etc/passwd']) assert.equal(why(name), 'dot_dot', name);
  });

  it('refuses absolute names', () => {
    for (const name of ['/etc/passwd', '/', '/a/']) assert.equal(why(name), 'absolute', name);
  });

  it('refuses drive letters, with or without a separator', () => {
    for (const name of ['C:/Windows/x', 'c:x', 'Z:', 'd:/']) assert.equal(why(name), 'drive_letter', name);
  });

  it('refuses backslashes, which other systems read as separators', () => {
    for (const name of ['a\\b', '..\\..\\x', '\\etc\\passwd', 'Lib\\Main.php']) assert.equal(why(name), 'backslash', name);
  });

  it('refuses empty and "." parts, control characters and over-long names', () => {
    for (const name of ['', 'a//b', './x', 'a/./b']) assert.equal(why(name), 'empty_part', JSON.stringify(name));
    for (const name of ['a\u0000b', 'x\ny', '\u001b[31mred']) assert.equal(why(name), 'control_characters', JSON.stringify(name));
    assert.equal(why('x'.repeat(MAX)), undefined);
    assert.equal(why('x'.repeat(MAX + 1)), 'name_too_long');
    assert.equal(why('я'.repeat(MAX / 2 + 1)), 'name_too_long', 'bytes, not characters');
  });
});
