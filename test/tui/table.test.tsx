import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Box, Text } from 'ink';
import { FilterLine, Table, layoutColumns, matchesQuery, tableItems, tableReducer, useFilter, type TableColumn, type TableState, type TableView } from '../../src/tui/components/table/index.js';
import { textWidth } from '../../src/tui/text-fit.js';
import { keys, press, renderWidget, stripAnsi, type, waitForFrame } from './helpers.js';

interface Binding {
  id: string;
  host: string;
  feature: string;
}

const rowsOf = (n: number): Binding[] => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, host: `host${Math.floor(i / 3)}`, feature: `Feature ${i}` }));
const columns: TableColumn<Binding>[] = [
  { title: 'Feature', value: (r) => r.feature, flex: 2 },
  { title: 'Id', value: (r) => r.id, width: 8, align: 'right' },
];
const rowKey = (r: Binding) => r.id;
const dataLines = (frame: string) => stripAnsi(frame).split('\n').filter((l) => /Feature \d/.test(l));
const cursorLine = (frame: string) => stripAnsi(frame).split('\n').find((l) => l.startsWith('›'));
/** The frame with the cursor on `Feature n`. */
const cursorOn = (n: number) => (frame: string) => new RegExp(`Feature ${n}\\b`).test(cursorLine(frame) ?? '');

function FilteredTable({ rows }: { rows: Binding[] }) {
  const filter = useFilter(rows, { text: (r) => `${r.feature} ${r.host}` });
  return (
    <Box flexDirection="column">
      <FilterLine filter={filter} width={60} />
      <Table columns={columns} rows={filter.rows} rowKey={rowKey} width={60} height={8} emptyText="no bindings" />
    </Box>
  );
}

describe('table', () => {
  test('renders only the rows that fit, with the cursor on the first', async () => {
    const app = renderWidget(<Table columns={columns} rows={rowsOf(100)} rowKey={rowKey} width={60} height={10} />);
    const frame = await waitForFrame(app, (f) => f.includes('Feature 0'));
    // 10 lines: header, 8 rows, position line.
    assert.match(stripAnsi(frame).split('\n')[0]!, /^\s+Feature\s+Id$/);
    assert.equal(dataLines(frame).length, 8);
    assert.match(cursorLine(frame)!, /Feature 0\b/);
    assert.match(frame, /1-8 of 100/);
    app.unmount();
  });

  test('arrows and j/k move the cursor; moving past the bottom scrolls', async () => {
    const app = renderWidget(<Table columns={columns} rows={rowsOf(100)} rowKey={rowKey} width={60} height={10} />);
    await waitForFrame(app, (f) => f.includes('Feature 0'));
    await press(app, keys.down, cursorOn(1));
    await press(app, 'j', cursorOn(2));
    await press(app, 'k', cursorOn(1));
    for (let i = 0; i < 8; i++) await press(app, keys.down, cursorOn(2 + i));
    const frame = app.lastFrame()!;
    assert.match(cursorLine(frame)!, /Feature 9\b/);
    assert.doesNotMatch(frame, /Feature 0\b/, 'scrolled: the first row is gone');
    assert.match(frame, /3-10 of 100/);
    app.unmount();
  });

  test('PgDn, End, Home and Enter', async () => {
    const selected: string[] = [];
    const app = renderWidget(<Table columns={columns} rows={rowsOf(100)} rowKey={rowKey} width={60} height={10} onSelect={(r) => selected.push(r.id)} />);
    await waitForFrame(app, (f) => f.includes('Feature 0'));
    await press(app, keys.pageDown, cursorOn(8));
    const end = await press(app, keys.end, cursorOn(99));
    assert.match(end, /93-100 of 100/);
    await press(app, keys.enter);
    await press(app, 'g', cursorOn(0));
    assert.deepEqual(selected, ['b99']);
    app.unmount();
  });

  // How fast is bench/dialplan-screen.ts's business (key → frame on 10,000 rows, ≤ 16 ms): a
  // test only checks what is drawn.
  test('wide characters and emoji in the data keep the columns aligned', async () => {
    const rows: Binding[] = [
      { id: 'b1', host: 'h', feature: 'Feature 1 plain' },
      { id: 'b2', host: 'h', feature: 'Feature 2 名前 ☎' },
      { id: 'b3', host: 'h', feature: 'Feature 3 📞 Телефон 👩‍💻' },
      { id: 'b4', host: 'h', feature: 'Feature 4 オペレーター待ち行列のとても長い名前です' },
    ];
    const app = renderWidget(<Table columns={columns} rows={rows} rowKey={rowKey} width={60} height={8} />);
    const frame = await waitForFrame(app, (f) => f.includes('Feature 4'));
    const lines = dataLines(frame);
    assert.equal(lines.length, 4);
    // The Id column is right-aligned at the table's edge: every row ends in the same terminal column.
    const ends = lines.map((l) => textWidth(l.trimEnd()));
    assert.deepEqual(ends, [ends[0], ends[0], ends[0], ends[0]], lines.join('\n'));
    for (const [i, line] of lines.entries()) assert.match(line, new RegExp(`b${i + 1}\\s*$`));
    app.unmount();
  });

  test('10,000 rows: renders a screenful and moves through them', async () => {
    const rows = rowsOf(10_000);
    const app = renderWidget(<Table columns={columns} rows={rows} rowKey={rowKey} width={80} height={20} />);
    await waitForFrame(app, (f) => f.includes('Feature 0'));
    for (let i = 0; i < 30; i++) await press(app, keys.down, cursorOn(i + 1));
    const frame = await press(app, keys.end, cursorOn(9999));
    assert.equal(dataLines(frame).length, 18);
    app.unmount();
  });

  test('group header lines come before each group and the cursor skips them', async () => {
    const app = renderWidget(<Table columns={columns} rows={rowsOf(9)} rowKey={rowKey} groupBy={(r) => r.host} width={60} height={14} />);
    const frame = await waitForFrame(app, (f) => f.includes('host0'));
    const lines = stripAnsi(frame).split('\n');
    assert.match(lines[1]!, /host0/);
    assert.match(lines[2]!, /^› Feature 0/);
    assert.match(lines[5]!, /host1/);
    await press(app, keys.down, cursorOn(1));
    await press(app, keys.down, cursorOn(2));
    await press(app, keys.down, cursorOn(3));
    app.unmount();
  });

  test('long cells are cut with an ellipsis to the column width', async () => {
    const rows = [{ id: 'x', host: 'h', feature: 'A very long feature name that does not fit at all' }];
    const app = renderWidget(<Table columns={columns} rows={rows} rowKey={rowKey} width={30} height={4} />);
    const frame = await waitForFrame(app, (f) => f.includes('A very'));
    const line = cursorLine(frame)!;
    assert.match(line, /…/);
    assert.ok([...line].length <= 30, line);
    app.unmount();
  });

  test('/ filters as you type; Esc clears; the empty state says so', async () => {
    const app = renderWidget(<FilteredTable rows={rowsOf(40)} />);
    await waitForFrame(app, (f) => f.includes('Feature 0'));
    await press(app, '/', /^\//m);
    let frame = await type(app, 'host1', /13 of 40/);
    // host1 (rows 3-5) and host10-host13 (rows 30-39).
    assert.deepEqual(
      dataLines(frame).map((l) => l.replace(/^› /, '').trim().split(/\s+/).slice(0, 2).join(' ')),
      ['Feature 3', 'Feature 4', 'Feature 5', 'Feature 30', 'Feature 31', 'Feature 32'],
    );
    assert.match(frame, /\/host1/);
    assert.match(frame, /13 of 40/);
    assert.match(frame, /1-6 of 13/);
    await press(app, keys.enter); // keep the filter, keys go back to the table
    await press(app, 'j', cursorOn(4));
    await press(app, '/');
    await type(app, 'zzz', 'no bindings');
    frame = await press(app, keys.escape, 'Feature 0');
    assert.doesNotMatch(frame, /\/zzz/);
    app.unmount();
  });

  test('typing j and k into the filter does not move the cursor', async () => {
    const app = renderWidget(<FilteredTable rows={rowsOf(40)} />);
    await waitForFrame(app, (f) => f.includes('Feature 0'));
    await press(app, '/');
    await type(app, 'jk', /\/jk/);
    app.unmount();
  });

  test('matchesQuery needs every word, ignoring case', () => {
    assert.ok(matchesQuery('ModuleUsersUI Users and groups', 'users GROUPS'));
    assert.ok(!matchesQuery('ModuleUsersUI', 'users backup'));
  });
});

describe('column layout', () => {
  test('fixed columns keep their width; flexible ones share the rest by weight', () => {
    assert.deepEqual(layoutColumns([{ width: 10 }, { flex: 1 }, { flex: 3 }], 53), [10, 11, 30]);
  });
  test('too narrow: columns on the right are cut first', () => {
    assert.deepEqual(layoutColumns([{ width: 10 }, { width: 10 }, { width: 10 }], 25), [10, 10, 3]);
    assert.deepEqual(layoutColumns([{ width: 10 }, { width: 10 }], 5), [5, 0]);
  });
});

describe('table reducer', () => {
  const view = (count: number, visible: number, headers: number[] = []): TableView => ({
    count,
    visible,
    isRow: (i) => !headers.includes(i),
    keyAt: (i) => `k${i}`,
    indexOf: (key) => Number(key.slice(1)),
  });
  test('keeps the cursor inside the visible window', () => {
    let state: TableState = { cursor: 0, offset: 0, key: 'k0' };
    state = tableReducer(state, { type: 'move', by: 12, view: view(100, 5) });
    assert.deepEqual(state, { cursor: 12, offset: 8, key: 'k12' });
    state = tableReducer(state, { type: 'move', by: -10, view: view(100, 5) });
    assert.deepEqual(state, { cursor: 2, offset: 2, key: 'k2' });
    state = tableReducer(state, { type: 'move', by: 1000, view: view(100, 5) });
    assert.deepEqual(state, { cursor: 99, offset: 95, key: 'k99' });
  });
  test('moving up onto the first row of a group also shows its header', () => {
    const state = tableReducer({ cursor: 5, offset: 5, key: 'k5' }, { type: 'move', by: -1, view: view(20, 4, [0, 3]) });
    assert.deepEqual(state, { cursor: 4, offset: 3, key: 'k4' });
  });
  test('tableItems puts a header before each run of a group', () => {
    const items = tableItems(rowsOf(4), rowKey, (r) => r.host);
    assert.deepEqual(
      items.map((i) => (i.kind === 'group' ? `#${i.label}` : i.key)),
      ['#host0', 'b0', 'b1', 'b2', '#host1', 'b3'],
    );
  });
});

describe('the empty table', () => {
  test('shows the empty text', async () => {
    const app = renderWidget(<Table columns={columns} rows={[]} rowKey={rowKey} width={40} height={5} emptyText="No modules installed." />);
    await waitForFrame(app, (f) => f.includes('No modules installed.'));
    app.unmount();
  });
  test('and defaults to the catalog text', async () => {
    const app = renderWidget(
      <Box>
        <Text>x</Text>
        <Table columns={columns} rows={[]} rowKey={rowKey} width={40} height={5} />
      </Box>,
    );
    await waitForFrame(app, (f) => f.includes('Nothing to show.'));
    app.unmount();
  });
});
