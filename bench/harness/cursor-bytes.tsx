// Run by bench/cursor-bytes.mjs (bundled first): the console at 80x24 on the Dialplan tab,
// whose body is the shared Table with 1,000 rows; presses Down one key at a time and reports
// the bytes each move wrote to the terminal.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../src/pbx-context.js';
import { Table, type TableColumn } from '../../src/tui/components/table/index.js';
import { screens as registry, type ScreenDefinition, type ScreenProps } from '../../src/tui/screens/index.js';
import { plain, sleep, startConsole } from './console-harness.js';

const ROWS = Number(process.argv[2] ?? 1000);
const MOVES = Number(process.argv[3] ?? 60);
const DOWN = '\u001B[B';
/** Longer than a frame interval (maxFps 20: 50 ms), so each key gets its own frame. */
const QUIET_MS = 150;

interface Row {
  id: string;
  number: string;
  name: string;
  type: string;
  description: string;
}

const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({
  id: `app-${i}`,
  number: String(2_000_100 + i),
  name: `Application ${i} for the night queue`,
  type: i % 3 === 0 ? 'php' : 'plaintext',
  description: `Routes calls of branch ${i % 40} to the operator on duty, then voicemail`,
}));
const columns: TableColumn<Row>[] = [
  { title: 'Number', value: (r) => r.number, width: 8 },
  { title: 'Name', value: (r) => r.name, flex: 2 },
  { title: 'Type', value: (r) => r.type, width: 9 },
  { title: 'Description', value: (r) => r.description, flex: 3 },
];
const rowKey = (r: Row) => r.id;

function TableScreen({ width, height }: ScreenProps) {
  return <Table columns={columns} rows={rows} rowKey={rowKey} width={width} height={height} />;
}

const screens: ScreenDefinition[] = registry.map((s) => (s.id === 'dialplan' ? { ...s, component: TableScreen } : s));

const dir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-cursor-'));
const pbx = new PbxContext({ dataDir: dir, api: 'http://127.0.0.1:9' });
const console_ = startConsole({ pbx, screens, initialScreen: 'dialplan' });
try {
  await console_.waitForOutput(new RegExp(`of ${ROWS}`));
  await console_.settle(QUIET_MS * 2);
  const moves: { bytes: number; lines: number; scrolled: boolean }[] = [];
  for (let i = 0; i < MOVES; i++) {
    console_.terminal.mark();
    console_.keyboard.press(DOWN);
    await console_.waitForOutput(/./s, 5000).catch(() => undefined);
    await console_.settle(QUIET_MS);
    const written = console_.terminal.collected;
    moves.push({
      bytes: Buffer.byteLength(written),
      // Lines Ink rewrote: each ends with "erase to end of line".
      lines: written.split('\u001B[K').length - 1,
      scrolled: /\d+-\d+ of/.test(plain(written)),
    });
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
  process.stdout.write(`${JSON.stringify({ rows: ROWS, columns: 80, lines: 24, moves, peakRssMb })}\n`);
} finally {
  await console_.quit();
  await sleep(10);
  await pbx.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
