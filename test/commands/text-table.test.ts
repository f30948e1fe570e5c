import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable, terminalColumns } from '../../src/commands/text-table.js';
import { textWidth } from '../../src/domain/text-cells.js';

const widest = (text: string) => Math.max(...text.split('\n').map(textWidth));

describe('the command line\'s text tables', () => {
  const table = {
    header: ['ID', 'VERSION', 'STATE', 'NAME'],
    rows: [
      ['ModuleBackup', '1.76', `disabled: license (${'the licensing service said no seat is free '.repeat(4)})`, 'Backup'],
      ['ModuleUsersUI', '1.81', 'enabled', 'Пользователи и роли — 用户界面 управление доступом'],
    ],
    keep: [0, 1],
  };

  test('fit the width, cutting the long values with an ellipsis and keeping the kept columns whole', () => {
    for (const width of [80, 60]) {
      const text = formatTable(table, { width });
      assert.ok(widest(text) <= width, `${widest(text)} > ${width}:\n${text}`);
      assert.match(text, /^ModuleBackup +1\.76 +disabled/m);
      assert.match(text, /^ModuleUsersUI +1\.81 +enabled/m);
      assert.match(text, /…/);
    }
  });

  test('wide characters count two cells', () => {
    const text = formatTable({ header: ['A', 'B'], rows: [['用户界面用户界面用户界面用户界面', 'x'.repeat(40)]] }, { width: 30 });
    assert.ok(widest(text) <= 30, text);
  });

  test('--wide shows every value whole', () => {
    const text = formatTable(table, { width: 80, wide: true });
    assert.ok(text.includes(table.rows[0]![2]!.trim()));
    assert.ok(text.includes(table.rows[1]![3]!));
    assert.doesNotMatch(text, /…/);
  });

  test('control characters from outside never reach the terminal raw', () => {
    const text = formatTable({ header: ['NAME'], rows: [['evil\x1b[2Jname\nnext']] }, { width: 80 });
    assert.doesNotMatch(text, /\x1b/);
    assert.match(text, /evil\\x1b\[2Jname next/);
  });

  test('the width: the terminal, else COLUMNS, else 80', () => {
    assert.equal(terminalColumns({ isTTY: true, columns: 132 }, {}), 132);
    assert.equal(terminalColumns({ isTTY: false }, { COLUMNS: '100' }), 100);
    assert.equal(terminalColumns({ isTTY: false }, {}), 80);
  });
});
