import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors.js';
import { isTooSmall, MIN_TERMINAL_SIZE, parseSizeFlag, resolveTerminalSize } from '../../src/tui/hooks/use-terminal-size.js';

describe('terminal size', () => {
  test('the terminal says: that is the size', () => {
    const size = resolveTerminalSize({ columns: 120, rows: 40 }, { COLUMNS: '80', LINES: '24' }, '100x30');
    assert.deepEqual([size.columns, size.rows], [120, 40]);
  });

  test('0x0 from the terminal: COLUMNS/LINES', () => {
    const size = resolveTerminalSize({ columns: 0, rows: 0 }, { COLUMNS: '132', LINES: '43' }, '100x30');
    assert.deepEqual([size.columns, size.rows], [132, 43]);
    assert.deepEqual(size.source, { columns: 'env', rows: 'env' });
  });

  test('nothing from the terminal or the environment: --size', () => {
    const size = resolveTerminalSize({}, {}, '100x30');
    assert.deepEqual([size.columns, size.rows], [100, 30]);
    assert.deepEqual(size.source, { columns: 'flag', rows: 'flag' });
  });

  test('nothing at all: 80x24', () => {
    const size = resolveTerminalSize({ columns: 0, rows: undefined }, { COLUMNS: '', LINES: 'abc' });
    assert.deepEqual([size.columns, size.rows], [80, 24]);
    assert.deepEqual(size.source, { columns: 'default', rows: 'default' });
  });

  test('each dimension falls back on its own', () => {
    const size = resolveTerminalSize({ columns: 90, rows: 0 }, { LINES: '20' });
    assert.deepEqual([size.columns, size.rows], [90, 20]);
  });

  test('--size accepts 80x24, 80X24, 80×24 and spaces', () => {
    for (const value of ['80x24', '80X24', '80×24', ' 80 x 24 ']) assert.deepEqual(parseSizeFlag(value), { columns: 80, rows: 24 });
  });

  test('a bad --size is refused with a message that shows the expected form', () => {
    for (const value of ['80', 'abc', '80x', 'x24', '0x24', '80x0', '-80x24', '80,24']) {
      assert.throws(
        () => resolveTerminalSize({ columns: 80, rows: 24 }, {}, value),
        (error: unknown) => error instanceof ValidationError && error.message.includes('80x24') && error.message.includes(value),
        value,
      );
    }
  });

  test('the minimum is 60x16', () => {
    assert.deepEqual(MIN_TERMINAL_SIZE, { columns: 60, rows: 16 });
    assert.equal(isTooSmall({ columns: 80, rows: 24 }), false);
    assert.equal(isTooSmall({ columns: 60, rows: 16 }), false);
    assert.equal(isTooSmall({ columns: 59, rows: 24 }), true);
    assert.equal(isTooSmall({ columns: 80, rows: 15 }), true);
  });
});
