// Before Ink loads: see ink-outside-ci.ts.
import './ink-outside-ci.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Box, Text, render } from 'ink';
import { anchorRepaint, anchoredStdout } from '../../src/tui/terminal/frame-anchor.js';
import { sleep } from './helpers.js';
import { VirtualTerminal } from './virtual-terminal.js';


class FakeTty extends EventEmitter {
  isTTY = true;
  constructor(
    readonly terminal: VirtualTerminal,
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (data: string) => {
    this.terminal.write(data);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = false;
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

/** A frame like the console's: one row shorter than the terminal, a counter in lines 1 and 5. */
function Frame({ n, rows }: { n: number; rows: number }) {
  return (
    <Box flexDirection="column" height={rows - 1}>
      <Text>{`header ${n}`}</Text>
      <Text>tabs</Text>
      <Text>rule</Text>
      <Text>body</Text>
      <Text>{`count ${n}`}</Text>
    </Box>
  );
}

/** Wait until frame `n` is on the terminal (wherever Ink put it). */
async function drawn(terminal: VirtualTerminal, n: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!terminal.screen().includes(`count ${n}`)) {
    if (Date.now() > deadline) throw new Error(`frame ${n} was not drawn:\n${terminal.screen().join('\n')}`);
    await sleep(2);
  }
}

async function paint(anchored: boolean): Promise<string[]> {
  const terminal = new VirtualTerminal(40, 10);
  const tty = new FakeTty(terminal, 40, 10);
  terminal.write('\u001B[2J\u001B[H');
  const stdout = (anchored ? anchoredStdout(tty as unknown as NodeJS.WriteStream) : tty) as unknown as NodeJS.WriteStream;
  const instance = render(<Frame n={0} rows={10} />, { stdout, stdin: new FakeStdin() as unknown as NodeJS.ReadStream, incrementalRendering: true, maxFps: 1000, patchConsole: false, exitOnCtrlC: false });
  // Each frame drawn before the next, so that every one after the first is an incremental repaint.
  for (let n = 1; n <= 3; n++) {
    await drawn(terminal, n - 1);
    instance.rerender(<Frame n={n} rows={10} />);
  }
  await drawn(terminal, 3);
  const screen = terminal.screen();
  instance.unmount();
  return screen;
}

describe('frame anchor', () => {
  test('with the anchor, incremental repaints land where the frame is', async () => {
    const screen = await paint(true);
    assert.deepEqual(screen.slice(0, 6), ['header 3', 'tabs', 'rule', 'body', 'count 3', '']);
  });

  test('without it Ink 6.8 paints a row too low (when this fails, Ink is fixed and the anchor can go)', async () => {
    const screen = await paint(false);
    // The first frame stays on row 1; each repaint lands one row lower.
    assert.equal(screen[0], 'header 0');
    assert.equal(screen[1], 'header 3');
  });

  test('only the start of a repaint is re-anchored', () => {
    assert.equal(anchorRepaint('\u001B[8A\u001B[1Gheader\u001B[K\n'), '\u001B[H\u001B[1Gheader\u001B[K\n\u001B[J');
    assert.equal(anchorRepaint('\u001B[2K\u001B[1A\u001B[2K\u001B[G'), '\u001B[H\u001B[J');
    assert.equal(anchorRepaint('plain text'), 'plain text');
    assert.equal(anchorRepaint('\u001B[?2026h'), '\u001B[?2026h');
  });
});
