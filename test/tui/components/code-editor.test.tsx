import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Box, Text } from 'ink';
import {
  CodeEditor,
  codeEditorReducer,
  codeEditorText,
  initialCodeEditorState,
  useCodeEditorState,
  visiblePart,
  type CodeEditorAction,
  type CodeEditorState,
} from '../../../src/tui/components/code-editor/index.js';
import { createTheme } from '../../../src/tui/theme.js';
import { keys, press, pressThenProve, renderWidget, stripAnsi, type, waitForFrame, waitUntil } from '../helpers.js';

function run(text: string, actions: CodeEditorAction[], viewport = { rows: 5, columns: 20 }): CodeEditorState {
  return actions.reduce(codeEditorReducer, codeEditorReducer(initialCodeEditorState(text), { type: 'resize', viewport }));
}

const at = (state: CodeEditorState) => [state.row, state.column];

describe('code editor state (pure)', () => {
  test('typing inserts at the cursor; Enter splits the line; the text joins lines with \\n', () => {
    const state = run('', [{ type: 'insert-text', text: '1,Answer()' }, { type: 'newline' }, { type: 'insert-text', text: 'n,Hangup()' }]);
    assert.equal(codeEditorText(state), '1,Answer()\nn,Hangup()');
    assert.deepEqual(at(state), [1, 10]);
  });

  test('Enter in the middle of a line moves the rest to a new line', () => {
    const state = run('1,Answer()n,Hangup()', [{ type: 'end' }, ...Array<CodeEditorAction>(10).fill({ type: 'move-left' }), { type: 'newline' }]);
    assert.deepEqual(state.lines, ['1,Answer()', 'n,Hangup()']);
    assert.deepEqual(at(state), [1, 0]);
  });

  test('pasted text with line breaks becomes several lines, the cursor after it', () => {
    const state = run('ab', [{ type: 'move-right' }, { type: 'insert-text', text: 'X\r\nY\nZ' }]);
    assert.deepEqual(state.lines, ['aX', 'Y', 'Zb']);
    assert.deepEqual(at(state), [2, 1]);
  });

  test('Backspace deletes before the cursor and joins with the line above at column 0', () => {
    let state = run('ab\ncd', [{ type: 'move-down' }, { type: 'home' }, { type: 'move-right' }, { type: 'backspace' }]);
    assert.deepEqual(state.lines, ['ab', 'd']);
    state = codeEditorReducer(state, { type: 'backspace' });
    assert.deepEqual(state.lines, ['abd']);
    assert.deepEqual(at(state), [0, 2]);
    assert.equal(codeEditorReducer(run('x', []), { type: 'backspace' }).lines[0], 'x', 'nothing before the start');
  });

  test('Delete deletes under the cursor and joins the next line at the end of a line', () => {
    let state = run('ab\ncd', [{ type: 'delete' }]);
    assert.deepEqual(state.lines, ['b', 'cd']);
    state = codeEditorReducer(codeEditorReducer(state, { type: 'end' }), { type: 'delete' });
    assert.deepEqual(state.lines, ['bcd']);
  });

  test('left/right wrap to the neighbour lines; up/down keep the column through shorter lines', () => {
    let state = run('long line\nab\nanother line', [{ type: 'end' }]);
    state = codeEditorReducer(state, { type: 'move-down' });
    assert.deepEqual(at(state), [1, 2]);
    state = codeEditorReducer(state, { type: 'move-down' });
    assert.deepEqual(at(state), [2, 9], 'the goal column comes back');
    state = run('ab\ncd', [{ type: 'end' }, { type: 'move-right' }]);
    assert.deepEqual(at(state), [1, 0]);
    state = codeEditorReducer(state, { type: 'move-left' });
    assert.deepEqual(at(state), [0, 2]);
  });

  test('Home goes to the indentation first, then to column 0; End to the end of the line', () => {
    let state = run('    $agi->answer();', [{ type: 'end' }]);
    assert.deepEqual(at(state), [0, 19]);
    state = codeEditorReducer(state, { type: 'home' });
    assert.deepEqual(at(state), [0, 4]);
    state = codeEditorReducer(state, { type: 'home' });
    assert.deepEqual(at(state), [0, 0]);
  });

  test('PgUp/PgDn move the cursor and the view by a page; the cursor stays in view', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    let state = run(text, [{ type: 'page-down' }], { rows: 5, columns: 20 });
    assert.equal(state.row, 4);
    assert.equal(state.top, 4);
    state = run(text, Array<CodeEditorAction>(10).fill({ type: 'page-down' }));
    assert.equal(state.row, 29);
    assert.equal(state.top, 25, 'no empty space under the last line');
    state = codeEditorReducer(state, { type: 'page-up' });
    assert.equal(state.row, 25);
    assert.ok(state.row >= state.top && state.row < state.top + 5);
  });

  test('moving down past the view scrolls it one line at a time', () => {
    const text = Array.from({ length: 10 }, (_, i) => `l${i}`).join('\n');
    const state = run(text, Array<CodeEditorAction>(6).fill({ type: 'move-down' }), { rows: 5, columns: 20 });
    assert.equal(state.row, 6);
    assert.equal(state.top, 2);
  });

  test('insert line opens an empty line under the cursor; delete line removes the cursor line', () => {
    let state = run('1,Answer()\nn,Hangup()', [{ type: 'insert-line' }]);
    assert.deepEqual(state.lines, ['1,Answer()', '', 'n,Hangup()']);
    assert.deepEqual(at(state), [1, 0]);
    state = codeEditorReducer(state, { type: 'delete-line' });
    assert.deepEqual(state.lines, ['1,Answer()', 'n,Hangup()']);
    state = run('only', [{ type: 'delete-line' }]);
    assert.deepEqual(state.lines, ['']);
    state = run('a\nb', [{ type: 'move-down' }, { type: 'delete-line' }]);
    assert.deepEqual(state.lines, ['a']);
    assert.equal(state.row, 0, 'the cursor moves up when the last line goes');
  });

  test('a long line scrolls horizontally to keep the cursor in view, and back', () => {
    const state = run('x'.repeat(50), [{ type: 'end' }], { rows: 5, columns: 20 });
    assert.equal(state.left, 31, 'the cursor cell is the last one in view');
    const home = codeEditorReducer(state, { type: 'home' });
    assert.equal(home.left, 0);
  });

  test('set-text replaces the text and keeps the cursor inside it; the revision counts text changes only', () => {
    let state = run('a\nbbbb\nc', [{ type: 'move-down' }, { type: 'end' }]);
    const revision = state.revision;
    state = codeEditorReducer(state, { type: 'set-text', text: 'x\ny' });
    assert.deepEqual(state.lines, ['x', 'y']);
    assert.deepEqual(at(state), [1, 1]);
    assert.equal(state.revision, revision + 1);
    assert.equal(codeEditorReducer(state, { type: 'move-up' }).revision, state.revision);
  });

  test('a character outside the BMP is one column', () => {
    const state = run('a😀b', [{ type: 'move-right' }, { type: 'move-right' }, { type: 'backspace' }]);
    assert.deepEqual(state.lines, ['ab']);
    assert.deepEqual(at(state), [0, 1]);
  });

  test('the visible part clips long lines and expands tabs', () => {
    assert.deepEqual(visiblePart('\tab', 0, 10, 1), { text: '    ab', cells: 6, cursor: 4, cursorEnd: 5, clippedLeft: false, clippedRight: false });
    const clipped = visiblePart('0123456789', 2, 5, undefined);
    assert.equal(clipped.text, '23456');
    assert.equal(clipped.clippedLeft, true);
    assert.equal(clipped.clippedRight, true);
  });

  test('code with escape sequences, C1 controls or bidirectional overrides never reaches the terminal raw', () => {
    // A dialplan application's code comes from the store (another pbxmod, a restore) or a paste.
    const shown = visiblePart('a\u001b]0;PWNED\u0007b\u009bc\u202ed', 0, 40, undefined);
    assert.equal(shown.text, 'a?]0;PWNED?b?c?d');
    assert.equal(shown.cells, 16, 'one cell each: the columns stay aligned');
  });
});

function Harness({ initial, height = 6, onLeave }: { initial: string; height?: number; onLeave?: () => void }) {
  const editor = useCodeEditorState(initial);
  const [left, setLeft] = useState(0);
  return (
    <Box flexDirection="column">
      <Text>{`text=${JSON.stringify(editor.text)} left=${left}`}</Text>
      <CodeEditor
        editor={editor}
        width={40}
        height={height}
        markedLines={new Set([2])}
        onLeave={() => {
          setLeft((n) => n + 1);
          onLeave?.();
        }}
      />
    </Box>
  );
}

let app: ReturnType<typeof renderWidget> | undefined;
afterEach(() => {
  app?.unmount();
  app?.cleanup();
  app = undefined;
});

describe('code editor in the terminal', () => {
  test('shows line numbers and marks flagged lines', async () => {
    app = renderWidget(<Harness initial={'1,Answer()\nbad line\nn,Hangup()'} />);
    const plain = stripAnsi(await waitForFrame(app, 'Hangup'));
    assert.match(plain, / {3}1 │ 1,Answer\(\)/);
    assert.match(plain, /✗ {2}2 │ bad line/);
    assert.match(plain, / {3}3 │ n,Hangup\(\)/);
  });

  test('typing lines, moving, deleting a line; keys like q, ? and digits are text here', async () => {
    app = renderWidget(<Harness initial="" />);
    await type(app, '1,Answer()', 'text="1,Answer()"');
    await press(app, keys.enter, 'text="1,Answer()\\n"');
    await type(app, 'n,Playback(q?1)', 'n,Playback(q?1)"');
    await press(app, keys.enter);
    await type(app, 'n,Hangup()', /text="1,Answer\(\)\\nn,Playback\(q\?1\)\\nn,Hangup\(\)"/);
    await press(app, keys.up);
    await press(app, '\u000B', /text="1,Answer\(\)\\nn,Hangup\(\)"/); // Ctrl-K: delete the line
    await press(app, keys.up);
    await press(app, '\u000F', /text="1,Answer\(\)\\n\\nn,Hangup\(\)"/); // Ctrl-O: a new line under it
    await type(app, 'n,Wait(1)', /text="1,Answer\(\)\\nn,Wait\(1\)\\nn,Hangup\(\)"/);
  });

  test('a pasted block, or keys that arrive together over a slow line, edit as if typed one by one', async () => {
    app = renderWidget(<Harness initial="" />);
    await press(app, '1,Answer()\r\nn,Hangup()', /text="1,Answer\(\)\\nn,Hangup\(\)"/);
    await press(app, '\u007F\u007F\u007F\u007F\u007F\u007F\u007F\u007F\u007F\u007F\u007F', /text="1,Answer\(\)"/);
  });

  test('Backspace deletes backward, Delete forward; Home/End; Tab indents', async () => {
    app = renderWidget(<Harness initial="abc" />);
    await press(app, keys.end);
    await press(app, keys.backspace, /text="ab"/);
    await press(app, keys.home);
    await press(app, '\u001B[3~', /text="b"/);
    await press(app, keys.tab, /text=" {4}b"/);
  });

  test('PgDn scrolls a long text; only the lines in view are drawn', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `n,NoOp(${i + 1})`).join('\n');
    app = renderWidget(<Harness initial={text} height={5} />);
    const editorLines = (frame: string) => stripAnsi(frame).split('\n').slice(1).join('\n');
    const first = editorLines(await waitForFrame(app, 'NoOp(5)'));
    assert.doesNotMatch(first, /NoOp\(6\)/);
    await press(app, keys.pageDown);
    const scrolled = editorLines(await press(app, keys.pageDown, (f) => /^ {3}9 │ n,NoOp\(9\)$/m.test(editorLines(f))));
    assert.doesNotMatch(scrolled, /NoOp\(1\)$/m);
  });

  test('a long line is clipped with a marker and scrolls sideways with the cursor', async () => {
    app = renderWidget(<Harness initial={`n,Playback(${'x'.repeat(60)})`} />);
    await waitForFrame(app, /x+»/);
    await press(app, keys.end, /│«x+\)$/m);
  });

  test('Esc leaves the editor; Ctrl keys it does not know fall through', async () => {
    let left = 0;
    app = renderWidget(<Harness initial="x" onLeave={() => left++} />);
    await waitForFrame(app, 'text="x"');
    await press(app, keys.escape);
    await waitUntil(() => left === 1, 'Esc to leave the editor');
    // Ctrl-S is not text: the 'y' typed after it makes two characters, not three.
    await pressThenProve(app, '\u0013', 'y', /text="(xy|yx)"/);
  });

  test('ASCII theme: plain gutter and markers', async () => {
    app = renderWidget(<Harness initial={`${'y'.repeat(80)}\nbad`} />, { theme: createTheme({ unicode: false, color: false }) });
    const frame = await waitForFrame(app, 'bad');
    assert.match(stripAnsi(frame), / {3}1 \| y+>/);
    assert.match(stripAnsi(frame), /x {2}2 \| bad/);
  });
});
