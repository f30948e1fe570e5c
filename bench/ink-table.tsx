// Should the console draw its tables with @alcalzone/ink-table? Renders 10,000 rows once with
// it and once with the console's own Table (at 120x40), into a stream that counts bytes, and
// prints time and bytes side by side. It decided to drop ink-table (README, "Dependencies"), so
// the package is no longer installed: `npm install --no-save @alcalzone/ink-table` to run it again.
// Run: node --import tsx bench/ink-table.tsx
import { Writable } from 'node:stream';
import { render } from 'ink';
import { Table, type TableColumn } from '../src/tui/components/table/index.js';
import { ThemeProvider, createTheme } from '../src/tui/theme.js';
import { MessagesProvider, t } from '../src/i18n/index.js';

const ROWS = 10_000;
interface Row { id: string; number: string; name: string; type: string }
const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({ id: `app-${i}`, number: String(2_200_100 + i), name: `Application ${i}`, type: i % 3 === 0 ? 'php' : 'plaintext' }));
const columns: TableColumn<Row>[] = [
  { title: 'Number', value: (r) => r.number, width: 8 },
  { title: 'Name', value: (r) => r.name, flex: 2 },
  { title: 'Type', value: (r) => r.type, width: 9 },
];

function sink(): { stream: NodeJS.WriteStream; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({ write(chunk, _e, done) { bytes += chunk.length; done(); } }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { columns: 120, rows: 40, isTTY: true });
  return { stream, bytes: () => bytes };
}

async function measure(name: string, element: React.ReactElement): Promise<void> {
  const out = sink();
  const started = performance.now();
  const app = render(element, { stdout: out.stream, patchConsole: false, exitOnCtrlC: false, debug: true });
  await new Promise((r) => setTimeout(r, 50));
  const ms = performance.now() - started - 50;
  app.unmount();
  console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${(out.bytes() / 1024).toFixed(1).padStart(9)} KiB written`);
}

console.log(`first frame of ${ROWS.toLocaleString('en')} rows, 120x40:`);
const inkTable = await import('@alcalzone/ink-table' as string).catch(() => null) as { Table: React.ComponentType<{ data: Array<Record<string, string>> }> } | null;
if (inkTable) await measure('@alcalzone/ink-table', <inkTable.Table data={rows.map(({ number, name, type }) => ({ number, name, type }))} />);
else console.log('@alcalzone/ink-table          not installed (npm install --no-save @alcalzone/ink-table)');
await measure('console Table (src/tui)', (
  <ThemeProvider theme={createTheme()}>
    <MessagesProvider messages={t}>
      <Table columns={columns} rows={rows} rowKey={(r) => r.id} width={120} height={38} isActive={false} />
    </MessagesProvider>
  </ThemeProvider>
));
process.exit(0);
