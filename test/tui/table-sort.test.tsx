import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Box } from 'ink';
import { FilterLine, Table, nextSortOrder, sortRows, useFilter, useTableSort, type TableColumn } from '../../src/tui/components/table/index.js';
import { MessagesProvider } from '../../src/i18n/index.js';
import { ru } from '../../src/i18n/ru.js';
import { createTheme } from '../../src/tui/theme.js';
import { keys, press, renderWidget, sendChunks, stripAnsi, type, waitForFrame } from './helpers.js';

interface Release {
  id: string;
  name: string;
  version: string;
  size: number;
  date: string;
}

const releases: Release[] = [
  { id: 'a', name: 'alpha', version: '2024.1.9', size: 900, date: '2024-03-01' },
  { id: 'b', name: 'Bravo', version: '2024.1.114', size: 12_000, date: '2023-12-24' },
  { id: 'c', name: 'charlie', version: '2024.1.10', size: 50, date: '2024-11-05' },
  { id: 'd', name: 'delta', version: '2023.9.1', size: 3_000, date: '' },
  { id: 'e', name: 'echo', version: '2024.1.114', size: 7, date: '2024-01-15' },
];

const columns: TableColumn<Release>[] = [
  { title: 'Name', value: (r) => r.name, flex: 1 },
  { title: 'Version', value: (r) => r.version, width: 11, sort: 'version' },
  // Shown as text that does not sort as a number: sorted by the bytes.
  { title: 'Size', value: (r) => `${(r.size / 1000).toFixed(1)} kB`, width: 9, align: 'right', sort: 'number', sortValue: (r) => r.size },
  { title: 'Date', value: (r) => r.date, width: 10, sort: 'date' },
  { title: 'Act', value: () => 'drop', width: 4, sort: false },
];
const names = (rows: readonly Release[]) => rows.map((r) => r.name);

describe('sortRows', () => {
  test('versions sort as versions, not as text: 2024.1.9 < 2024.1.10 < 2024.1.114', () => {
    assert.deepEqual(names(sortRows(releases, columns, { column: 1, direction: 'ascending' })), ['delta', 'alpha', 'charlie', 'Bravo', 'echo']);
  });

  test('descending reverses, and equal rows keep their order (stable) either way', () => {
    // Bravo and echo have the same version: Bravo stays before echo in both directions.
    assert.deepEqual(names(sortRows(releases, columns, { column: 1, direction: 'descending' })), ['Bravo', 'echo', 'charlie', 'alpha', 'delta']);
  });

  test('numbers by their value, not by the text shown', () => {
    assert.deepEqual(names(sortRows(releases, columns, { column: 2, direction: 'ascending' })), ['echo', 'charlie', 'alpha', 'delta', 'Bravo']);
  });

  test('dates by time; an empty value goes last in both directions', () => {
    assert.deepEqual(names(sortRows(releases, columns, { column: 3, direction: 'ascending' })), ['Bravo', 'echo', 'alpha', 'charlie', 'delta']);
    assert.deepEqual(names(sortRows(releases, columns, { column: 3, direction: 'descending' })), ['charlie', 'alpha', 'echo', 'Bravo', 'delta']);
  });

  test('text ignores case and reads digits as numbers', () => {
    const rows = ['Module 10', 'module 9', 'Module 1'].map((name, i) => ({ ...releases[0]!, id: String(i), name }));
    assert.deepEqual(names(sortRows(rows, columns, { column: 0, direction: 'ascending' })), ['Module 1', 'module 9', 'Module 10']);
    assert.deepEqual(names(sortRows(releases, columns, { column: 0, direction: 'ascending' })), ['alpha', 'Bravo', 'charlie', 'delta', 'echo']);
  });

  test('no order, or a column that does not sort: the rows as given', () => {
    assert.equal(sortRows(releases, columns, undefined), releases);
    assert.equal(sortRows(releases, columns, { column: 4, direction: 'ascending' }), releases);
  });

  test('groups stay together, their head first; groups are ordered by their head row', () => {
    type Row = { group: string; head: boolean; name: string };
    const rows: Row[] = [
      { group: 'h2', head: true, name: 'zulu' },
      { group: 'h2', head: false, name: 'b' },
      { group: 'h2', head: false, name: 'a' },
      { group: 'h1', head: true, name: 'yankee' },
      { group: 'h1', head: false, name: 'd' },
      { group: 'h1', head: false, name: 'c' },
    ];
    const cols = [{ title: 'Name', value: (r: Row) => r.name }];
    const groups = { key: (r: Row) => r.group, head: (r: Row) => r.head };
    assert.deepEqual(
      sortRows(rows, cols, { column: 0, direction: 'ascending' }, groups).map((r) => r.name),
      ['yankee', 'c', 'd', 'zulu', 'a', 'b'],
    );
    assert.deepEqual(
      sortRows(rows, cols, { column: 0, direction: 'descending' }, groups).map((r) => r.name),
      ['zulu', 'b', 'a', 'yankee', 'd', 'c'],
    );
  });

  test('picking the sorted column again reverses it; another column starts ascending', () => {
    assert.deepEqual(nextSortOrder(undefined, 2), { column: 2, direction: 'ascending' });
    assert.deepEqual(nextSortOrder({ column: 2, direction: 'ascending' }, 2), { column: 2, direction: 'descending' });
    assert.deepEqual(nextSortOrder({ column: 2, direction: 'descending' }, 2), { column: 2, direction: 'ascending' });
    assert.deepEqual(nextSortOrder({ column: 2, direction: 'descending' }, 0), { column: 0, direction: 'ascending' });
  });
});

function SortedTable({ rows, height = 10 }: { rows: readonly Release[]; height?: number }) {
  const filter = useFilter(rows, { text: (r) => r.name });
  const sort = useTableSort(filter.rows, columns);
  return (
    <Box flexDirection="column">
      <FilterLine filter={filter} width={60} />
      <Table columns={columns} rows={sort.rows} sort={sort} rowKey={(r) => r.id} width={60} height={height} />
    </Box>
  );
}

const plain = (frame: string) => stripAnsi(frame);
const bodyNames = (frame: string) =>
  plain(frame)
    .split('\n')
    .map((l) => /^(?:›|>)?\s+(\w+)\s+\d{4}\./.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
const cursorName = (frame: string) => /^[›>]\s+(\w+)/m.exec(plain(frame))?.[1];
const headerLine = (frame: string) => plain(frame).split('\n').find((l) => /Name/.test(l) && /Version/.test(l)) ?? '';
const order = (...expected: string[]) => (frame: string) => bodyNames(frame).join(',') === expected.join(',');

describe('sorting a table by column', () => {
  test('s opens a menu of the sortable columns; a digit sorts; the header shows column and direction', async () => {
    const app = renderWidget(<SortedTable rows={releases} />);
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    assert.doesNotMatch(headerLine(app.lastFrame()!), /[▲▼]/, 'unsorted: no arrow');
    const menu = plain(await press(app, 's', 'Sort by'));
    assert.match(menu, /1 Name/);
    assert.match(menu, /2 Version/);
    assert.match(menu, /3 Size/);
    assert.match(menu, /4 Date/);
    assert.doesNotMatch(menu, /Act/, 'a column that does not sort is not offered');
    const sorted = await press(app, '2', order('delta', 'alpha', 'charlie', 'Bravo', 'echo'));
    assert.match(headerLine(sorted), /Version ▲/);
    app.unmount();
  });

  test('the sorted column again reverses it; Esc closes the menu and changes nothing', async () => {
    const app = renderWidget(<SortedTable rows={releases} />);
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    await press(app, 's', 'Sort by');
    await press(app, '3', order('echo', 'charlie', 'alpha', 'delta', 'Bravo'));
    // The menu opens on the sorted column: Enter picks it again.
    const menu = plain(await press(app, 's', 'Sort by'));
    assert.match(menu, /› 3 Size\s+▲ ascending/);
    const reversed = await press(app, keys.enter, order('Bravo', 'delta', 'alpha', 'charlie', 'echo'));
    assert.match(headerLine(reversed), /▼ Size|Size ▼/);
    await press(app, 's', 'Sort by');
    await press(app, keys.down);
    await press(app, keys.escape, (f) => !plain(f).includes('Sort by'));
    assert.deepEqual(bodyNames(app.lastFrame()!), ['Bravo', 'delta', 'alpha', 'charlie', 'echo']);
    app.unmount();
  });

  test('the row under the cursor stays under the cursor when the order changes', async () => {
    const app = renderWidget(<SortedTable rows={releases} />);
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    await press(app, 'j', (f) => cursorName(f) === 'Bravo');
    await press(app, 'j', (f) => cursorName(f) === 'charlie');
    await press(app, 's', 'Sort by');
    const byDate = await press(app, '4', order('Bravo', 'echo', 'alpha', 'charlie', 'delta'));
    assert.equal(cursorName(byDate), 'charlie');
    await press(app, 's', 'Sort by');
    const reversed = await press(app, '4', order('charlie', 'alpha', 'echo', 'Bravo', 'delta'));
    assert.equal(cursorName(reversed), 'charlie');
    // And a move goes from there in the new order.
    await press(app, 'j', (f) => cursorName(f) === 'alpha');
    app.unmount();
  });

  test('many rows: the cursor row stays in view after sorting', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, name: `mod${String(i).padStart(3, '0')}`, version: `1.${i}`, size: 1000 - i, date: '2024-01-01' }));
    const app = renderWidget(<SortedTable rows={many} />);
    await waitForFrame(app, (f) => cursorName(f) === 'mod000');
    await press(app, keys.pageDown);
    await press(app, keys.pageDown, (f) => cursorName(f) === 'mod016');
    await press(app, 's', 'Sort by');
    // By size ascending: mod199 first; mod016 is now far down, and still the cursor row, on screen.
    const frame = await press(app, '3', (f) => plain(f).includes('Size ▲'));
    assert.equal(cursorName(frame), 'mod016');
    assert.doesNotMatch(plain(frame), /mod199/, 'scrolled to the cursor row');
    app.unmount();
  });

  test('sorts the filtered rows; clearing the filter keeps the order', async () => {
    const app = renderWidget(<SortedTable rows={releases} />);
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    await press(app, '/');
    await type(app, 'a', /\/a/); // alpha, Bravo, charlie, delta
    await press(app, keys.enter);
    await press(app, 's', 'Sort by');
    await press(app, '1', order('alpha', 'Bravo', 'charlie', 'delta'));
    await press(app, 's', 'Sort by');
    await press(app, '1', order('delta', 'charlie', 'Bravo', 'alpha'));
    // While the filter is typed, s is text, not the menu.
    await press(app, '/');
    await type(app, 's', /\/as/);
    assert.doesNotMatch(plain(app.lastFrame()!), /Sort by/);
    await press(app, keys.backspace, /\/a\s/);
    await press(app, keys.escape, order('echo', 'delta', 'charlie', 'Bravo', 'alpha'));
    app.unmount();
  });

  test('keys arriving many per read: menu, pick, reverse and moves in one chunk', async () => {
    const app = renderWidget(<SortedTable rows={releases} />);
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    // Version ascending, then reversed, then two rows up from alpha (now fourth): one read.
    await sendChunks(app, ['s2s2kk']);
    // The keys' end state (a loaded machine may take longer than sendChunks' quiet time).
    const frame = await waitForFrame(app, (f) => /Version ▼/.test(headerLine(f)) && cursorName(f) === 'echo');
    assert.deepEqual(bodyNames(frame), ['Bravo', 'echo', 'charlie', 'alpha', 'delta']);
    assert.match(headerLine(frame), /Version ▼/);
    assert.equal(cursorName(frame), 'echo');
    // The menu (opening on Version) driven by an arrow and Enter, split over reads: Size.
    await sendChunks(app, ['s\u001B', '[B', '\r']);
    const bySize = await waitForFrame(app, (f) => /Size ▲/.test(headerLine(f)));
    assert.deepEqual(bodyNames(bySize), ['echo', 'charlie', 'alpha', 'delta', 'Bravo']);
    assert.equal(cursorName(bySize), 'echo');
    app.unmount();
  });

  test('--ascii: the header shows ^ and v', async () => {
    const app = renderWidget(<SortedTable rows={releases} />, { theme: createTheme({ unicode: false }) });
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    await press(app, 's', 'Sort by');
    assert.match(headerLine(await press(app, '1', (f) => /Name \^/.test(headerLine(f)))), /Name \^/);
    await press(app, 's', 'Sort by');
    assert.match(headerLine(await press(app, '1', (f) => /Name v/.test(headerLine(f)))), /Name v/);
    assert.doesNotMatch(plain(app.lastFrame()!), /[▲▼›]/);
    app.unmount();
  });

  test('a short table: the menu scrolls to the highlighted column', async () => {
    const app = renderWidget(<SortedTable rows={releases} height={3} />);
    await waitForFrame(app, (f) => cursorName(f) === 'alpha');
    await press(app, 's', 'Sort by');
    await press(app, keys.end, (f) => /› 4 Date/.test(plain(f)));
    await press(app, keys.enter, (f) => /Date ▲/.test(headerLine(f)));
    app.unmount();
  });

  test('in Russian the menu says all of its hint, wrapped rather than cut', async () => {
    const app = renderWidget(
      <MessagesProvider messages={ru}>
        <SortedTable rows={releases} />
      </MessagesProvider>,
    );
    await waitForFrame(app, order('alpha', 'Bravo', 'charlie', 'delta', 'echo'));
    const menu = plain(await press(app, 's', 'Сортировать по'));
    const text = menu.replace(/\s+/g, ' ');
    assert.match(text, /Enter или 1-4 — выбрать, повторно — обратный порядок, Esc — закрыть/);
    assert.doesNotMatch(menu, /…/);
    assert.match(menu, /4 Date/);
    await press(app, '1', (f) => /Name ▲/.test(headerLine(f)));
    await press(app, 's', 'Сортировать по');
    assert.match(plain(app.lastFrame()!), /1 Name\s+▲ по возрастанию/);
    app.unmount();
  });
});
