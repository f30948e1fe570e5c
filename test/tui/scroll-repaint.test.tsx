// Before Ink loads: see ink-outside-ci.ts.
import './ink-outside-ci.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App } from '../../src/tui/app.js';
import { Table, type TableColumn } from '../../src/tui/components/table/index.js';
import { CONSOLE_RENDER_OPTIONS, consoleOutput } from '../../src/tui/main.js';
import type { ScreenDefinition, ScreenProps } from '../../src/tui/screens/index.js';
import { anchoredStdout } from '../../src/tui/terminal/frame-anchor.js';
import { bestScroll, frameAfterRepaint, repaint } from '../../src/tui/terminal/scroll-repaint.js';
import { keys, sleep, tempPbx } from './helpers.js';

const ESC = '\u001B';

/**
 * A VT100 screen, enough to check a scrolled repaint: text, CR/LF, cursor moves (CUP, CUU,
 * CNL, CHA), erase line/below, scroll region (DECSTBM) with index / reverse index. Styles are
 * dropped: they do not move anything.
 */
class Vt100 {
  lines: string[][];
  row = 0;
  col = 0;
  top = 0;
  bottom: number;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => this.blank());
    this.bottom = rows - 1;
  }
  private blank = () => Array<string>(this.columns).fill(' ');
  private scrollUp() {
    this.lines.splice(this.top, 1);
    this.lines.splice(this.bottom, 0, this.blank());
  }
  private scrollDown() {
    this.lines.splice(this.bottom, 1);
    this.lines.splice(this.top, 0, this.blank());
  }
  private index() {
    if (this.row === this.bottom) this.scrollUp();
    else this.row = Math.min(this.rows - 1, this.row + 1);
  }
  write(data: string) {
    for (let i = 0; i < data.length; i++) {
      const char = data[i]!;
      if (char === ESC) {
        const next = data[i + 1];
        if (next === 'D' || next === 'M') {
          if (next === 'D') this.index();
          else if (this.row === this.top) this.scrollDown();
          else this.row = Math.max(0, this.row - 1);
          i++;
          continue;
        }
        const csi = /^\u001B\[([?0-9;:]*)([A-Za-z])/.exec(data.slice(i));
        assert.ok(csi, `unknown escape ${JSON.stringify(data.slice(i, i + 8))}`);
        i += csi[0].length - 1;
        const [, params = '', final] = csi;
        const [a = 0, b = 0] = params.split(';').map((p) => Number(p) || 0);
        if (params.startsWith('?') || final === 'm') continue;
        if (final === 'A') this.row = Math.max(0, this.row - Math.max(1, a));
        else if (final === 'E') [this.row, this.col] = [Math.min(this.rows - 1, this.row + Math.max(1, a)), 0];
        else if (final === 'G') this.col = Math.max(0, (a || 1) - 1);
        else if (final === 'H') [this.row, this.col] = [Math.max(0, (a || 1) - 1), Math.max(0, (b || 1) - 1)];
        else if (final === 'K') for (let c = this.col; c < this.columns; c++) this.lines[this.row]![c] = ' ';
        else if (final === 'J') {
          for (let c = this.col; c < this.columns; c++) this.lines[this.row]![c] = ' ';
          for (let r = this.row + 1; r < this.rows; r++) this.lines[r] = this.blank();
        } else if (final === 'r') {
          this.top = a ? a - 1 : 0;
          this.bottom = b ? b - 1 : this.rows - 1;
          [this.row, this.col] = [0, 0];
        } else assert.fail(`unexpected CSI ${final}`);
        continue;
      }
      // The terminal driver turns LF into CR LF (onlcr), as Ink expects.
      if (char === '\n') [this.col] = [0, this.index()];
      else if (char === '\r') this.col = 0;
      else if (this.col < this.columns) this.lines[this.row]![this.col++] = char;
    }
  }
  screen(): string {
    return this.lines.map((l) => l.join('').trimEnd()).join('\n');
  }
}

class Tty extends EventEmitter {
  readonly isTTY = true;
  bytes = 0;
  constructor(
    readonly vt: Vt100,
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (data: string) => {
    this.bytes += Buffer.byteLength(data);
    this.vt.write(data);
    return true;
  };
}

class Keyboard extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    return this.pending.shift() ?? null;
  }
  press(key: string) {
    this.pending.push(key);
    this.emit('readable');
  }
}

interface Row {
  id: string;
  text: string;
}
const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, text: `row ${i} ${'x'.repeat(i % 23)}` }));
const columns: TableColumn<Row>[] = [
  { title: 'Id', value: (r) => r.id, width: 6 },
  { title: 'Text', value: (r) => r.text },
];
function TableScreen({ width, height }: ScreenProps) {
  return <Table columns={columns} rows={rows} rowKey={(r) => r.id} width={width} height={height} />;
}
const screens: ScreenDefinition[] = [{ id: 'table', title: () => 'Table', shortTitle: () => 'Table', component: TableScreen, keys: () => [] }];

/** The console frame with a 300-row table, written through `output` into a 60x16 VT100. */
function startConsole(pbx: Parameters<typeof App>[0]['pbx'], output: (s: NodeJS.WriteStream) => NodeJS.WriteStream) {
  const tty = new Tty(new Vt100(60, 16), 60, 16);
  const keyboard = new Keyboard();
  const instance = render(<App pbx={pbx} screens={screens} env={{}} onQuit={() => undefined} />, {
    ...CONSOLE_RENDER_OPTIONS,
    maxFps: 1000,
    stdout: output(tty as unknown as NodeJS.WriteStream),
    stdin: keyboard as unknown as NodeJS.ReadStream,
    patchConsole: false,
  });
  return { tty, keyboard, instance };
}

/**
 * Wait until both terminals have drawn the key's frame: each has written since `since` (its
 * byte count before the key), both show the same screen, and nothing more came for a moment.
 * Fails after a generous timeout rather than comparing screens that are not there yet.
 */
async function settle(ttys: Tty[], since: number[] = ttys.map(() => -1)) {
  const deadline = Date.now() + 15_000;
  let last = '';
  for (;;) {
    await sleep(15);
    const now = ttys.map((t) => `${t.bytes}:${t.vt.screen()}`).join('|');
    const wrote = ttys.every((t, i) => t.bytes > since[i]!);
    const same = new Set(ttys.map((t) => t.vt.screen())).size === 1;
    if (wrote && same && now === last) return;
    if (Date.now() > deadline) throw new Error(`the terminals did not settle on the same frame:\n${ttys.map((t) => t.vt.screen()).join('\n-----\n')}`);
    last = now;
  }
}

describe('scrolling repaints', () => {
  test('the screen ends up the same as with Ink redrawing every changed line, for fewer bytes', async () => {
    const { pbx, remove } = await tempPbx();
    const plain = startConsole(pbx, (s) => anchoredStdout(s));
    const scrolling = startConsole(pbx, consoleOutput);
    try {
      for (let waited = 0; !(/License: \w/.test(scrolling.tty.vt.screen()) && /License: \w/.test(plain.tty.vt.screen())); waited += 20) {
        if (waited > 15_000) throw new Error(`no header with the license state:\n${scrolling.tty.vt.screen()}`);
        await sleep(20);
      }
      await settle([plain.tty, scrolling.tty]);
      assert.equal(scrolling.tty.vt.screen(), plain.tty.vt.screen());
      assert.match(scrolling.tty.vt.screen(), /1-\d+ of 300/);
      const sequence = [...Array<string>(25).fill(keys.down), ...Array<string>(12).fill(keys.up), keys.pageDown, keys.pageDown, keys.end, keys.up, keys.up, keys.home, keys.down];
      const written: { plain: number; scrolling: number }[] = [];
      for (const [i, key] of sequence.entries()) {
        const [before, beforeScrolling] = [plain.tty.bytes, scrolling.tty.bytes];
        plain.keyboard.press(key);
        scrolling.keyboard.press(key);
        await settle([plain.tty, scrolling.tty], [before, beforeScrolling]);
        assert.equal(scrolling.tty.vt.screen(), plain.tty.vt.screen(), `after key ${i + 1} of ${sequence.length}`);
        written.push({ plain: plain.tty.bytes - before, scrolling: scrolling.tty.bytes - beforeScrolling });
      }
      assert.match(scrolling.tty.vt.screen(), /› r1 /);
      // Down past the last visible row (keys 15-25) scrolls the table by a row each time.
      for (const [i, bytes] of written.slice(15, 25).entries()) {
        assert.ok(bytes.scrolling < bytes.plain / 2, `key ${i + 16}: ${bytes.scrolling} bytes scrolling, ${bytes.plain} redrawing`);
      }
    } finally {
      plain.instance.unmount();
      scrolling.instance.unmount();
      await remove();
    }
  });
});

describe('repaint planning', () => {
  const previous = ['head', 'a', 'b', 'c', 'd', 'foot'];

  test('an incremental repaint of Ink, anchored, gives the new frame', () => {
    const chunk = `${ESC}[H${ESC}[E${ESC}[1Gx${ESC}[K\n${ESC}[E${ESC}[E${ESC}[E${ESC}[E${ESC}[J`;
    assert.deepEqual(frameAfterRepaint(previous, chunk), ['head', 'x', 'b', 'c', 'd', 'foot']);
    // Unknown lines, cursor moves inside a line, or no anchor: not understood.
    assert.equal(frameAfterRepaint(undefined, chunk), undefined);
    assert.equal(frameAfterRepaint(previous, `${ESC}[H${ESC}[1Gx${ESC}[3C${ESC}[K\n${ESC}[J`), undefined);
    assert.equal(frameAfterRepaint(previous, `${ESC}[1Gx${ESC}[K\n`), undefined);
  });

  test('rows that moved up by one are scrolled, not rewritten', () => {
    const next = ['head', 'b', 'c', 'd', 'e', 'foot'];
    assert.deepEqual(bestScroll(previous, next), { top: 1, bottom: 4, by: 1 });
    const out = repaint(previous, next, bestScroll(previous, next));
    const vt = new Vt100(10, 7);
    vt.write(previous.join('\r\n'));
    vt.write(out);
    assert.deepEqual(vt.screen().split('\n').slice(0, 6), next);
    assert.ok(!out.includes('b') && !out.includes('c'), 'moved rows are not written again');
  });

  test('rows that moved down are scrolled the other way', () => {
    const next = ['head', 'z', 'a', 'b', 'c', 'foot'];
    assert.deepEqual(bestScroll(previous, next), { top: 1, bottom: 4, by: -1 });
    const vt = new Vt100(10, 7);
    vt.write(previous.join('\r\n'));
    vt.write(repaint(previous, next, bestScroll(previous, next)));
    assert.deepEqual(vt.screen().split('\n').slice(0, 6), next);
  });

  test('a shorter frame erases what is below it', () => {
    const vt = new Vt100(10, 7);
    vt.write(previous.join('\r\n'));
    vt.write(repaint(previous, ['head', 'a']));
    assert.deepEqual(vt.screen().split('\n'), ['head', 'a', '', '', '', '', '']);
  });
});
