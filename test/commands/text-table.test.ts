import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable, terminalColumns } from '../../src/commands/text-table.js';
import { textWidth } from '../../src/domain/text-cells.js';
import { openPbxStore } from '../../src/store/pbx-store.js';
import { runCli, tempDir } from '../support/cli.js';

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

describe('pbxmod modules list, in a real process', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const reasonText = `the licensing service refused the seat: ${'no free seat of feature 7041 on key MIKO-*****-*****-*****-PQRST; '.repeat(3)}drop one in the session monitor`;
  before(async () => {
    dir = await tempDir('pbxmod-table-');
    const installed = await runCli(['--data-dir', dir.path, 'modules', 'install', 'ModuleBackup']);
    assert.equal(installed.code, 0, installed.stderr);
    // What a license check leaves on a paid module it disabled: a long reason from the service.
    await openPbxStore(dir.path).update((s) => {
      const module = s.modules.find((m) => m.id === 'ModuleBackup')!;
      module.disabledReason = 'DisabledByLicense';
      module.disabledReasonText = reasonText;
    });
  });
  after(() => dir.remove());

  test('the text fits 80 columns with no terminal, and the id and version stay whole', async () => {
    const r = await runCli(['--data-dir', dir.path, 'modules', 'list'], { env: { COLUMNS: '' } });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.ok(textWidth(line) <= 80, `${textWidth(line)} columns: ${line}`);
    assert.match(lines[1]!, /^ModuleBackup +1\.76 +disabled: license \(the licensing.*…/);
  });

  test('--wide cuts nothing', async () => {
    const r = await runCli(['--data-dir', dir.path, '--wide', 'modules', 'list']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes(`disabled: license (${reasonText})`), r.stdout);
    assert.doesNotMatch(r.stdout, /…/);
  });
});
