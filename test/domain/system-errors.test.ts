import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeSystemError } from '../../src/domain/system-errors.js';

const errno = (code: string, path = '/var/lib/pbxmod/pbx.json') => Object.assign(new Error(`${code}: raw message`), { code, path });

test('each system error says what happened and what to do, never the raw errno text', () => {
  const cases: Array<[string, RegExp, RegExp]> = [
    ['ENAMETOOLONG', /too long for the file system \(at most 255 bytes per name/, /shorter/],
    ['ENOSPC', /The disk holding \/var\/lib\/pbxmod\/pbx\.json is full\./, /df -h/],
    ['EACCES', /Permission denied for/, /run pbxmod as the user who owns/],
    ['EPERM', /Permission denied for/, /permissions/],
    ['EROFS', /is read-only/, /--data-dir/],
    ['EMFILE', /Too many files are open in this process/, /ulimit -n/],
    ['ENFILE', /Too many files are open on this system/, /ulimit -n/],
    ['EDQUOT', /quota/, /quota/],
    ['ENOTDIR', /is a file where a directory should be/, /not a directory/],
    ['EIO', /input\/output error/, /dmesg/],
  ];
  for (const [code, what, todo] of cases) {
    const text = describeSystemError(errno(code));
    assert.equal(text.code, code);
    assert.match(text.what, what, code);
    assert.match(text.todo, todo, code);
    assert.doesNotMatch(text.what, /raw message/, code);
  }
});

test('ENOSPC with no free inodes is "too many files", not "disk full"', () => {
  const text = describeSystemError(errno('ENOSPC'), undefined, { inodesExhausted: true });
  assert.match(text.what, /no free inodes: it cannot hold more files, even if space is left/);
  assert.doesNotMatch(text.what, /full/);
  assert.match(text.todo, /df -i/);
});

test('a real ENAMETOOLONG from the file system reads as words', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pbxmod-long-'));
  const error = await writeFile(join(dir, 'x'.repeat(300)), '').catch((e: unknown) => e);
  await rm(dir, { recursive: true, force: true });
  const text = describeSystemError(error);
  assert.equal(text.code, 'ENAMETOOLONG');
  assert.match(text.what, /^The name .* is too long for the file system/);
});

test('a system error keeps its errno and path as values, and reads in the language in use', async () => {
  const { systemCause } = await import('../../src/domain/system-errors.js');
  const { setActiveMessages } = await import('../../src/i18n/active.js');
  const { en } = await import('../../src/i18n/en.js');
  const { ru } = await import('../../src/i18n/ru.js');
  assert.deepEqual(systemCause(errno('EROFS')), { errno: 'EROFS', path: '/var/lib/pbxmod/pbx.json' });
  assert.deepEqual(systemCause(errno('ENOSPC'), '/data', { inodesExhausted: true }), { errno: 'ENOSPC', path: '/data', inodes: true });
  assert.deepEqual(systemCause(new Error('socket hang up')), { errno: null, detail: 'socket hang up' });
  setActiveMessages(ru);
  try {
    const text = describeSystemError(errno('EROFS'));
    assert.equal(text.what, 'Файловая система, где находится /var/lib/pbxmod/pbx.json, доступна только для чтения.');
    assert.match(text.todo, /--data-dir/);
  } finally {
    setActiveMessages(en);
  }
  assert.equal(describeSystemError(errno('EROFS')).what, 'The file system holding /var/lib/pbxmod/pbx.json is read-only.');
});
