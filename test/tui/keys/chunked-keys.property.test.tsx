import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ReactNode } from 'react';
import { CodeEditor, useCodeEditorState } from '../../../src/tui/components/code-editor/index.js';
import { Form } from '../../../src/tui/components/form/index.js';
import { Table, type TableColumn } from '../../../src/tui/components/table/index.js';
import { keys, renderWidget, sendChunks, waitForFrame } from '../helpers.js';

/**
 * Over SSH or a serial line the keys a person presses arrive in reads cut anywhere: several
 * keys in one read, an escape sequence split across two. Whatever the cuts, the console must
 * end in the state it reaches with one key per read.
 */

const RUNS = 10;

/** The bytes of `keyList`, cut at `cuts` (positions in the byte string). */
function cutAt(keyList: readonly string[], cuts: readonly number[]): string[] {
  const bytes = keyList.join('');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.slice(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

/** Render `node`, send `chunks` as separate reads, and return the frame once it is `until` (or still). */
async function finalFrame(node: () => ReactNode, ready: (f: string) => boolean, chunks: readonly string[], until?: string): Promise<string> {
  // A long escape delay: a cut sequence is always completed by the next read in this test.
  const app = renderWidget(node(), { escapeDelayMs: 2000 });
  try {
    await waitForFrame(app, ready);
    const still = await sendChunks(app, chunks, until === undefined ? 300 : 20);
    if (until === undefined) return still;
    // On a loaded machine the last keys may still be on their way: wait for the expected frame.
    return await waitForFrame(app, (f) => f === until, 5000).catch(() => app.lastFrame() ?? '');
  } finally {
    app.unmount();
    app.cleanup();
  }
}

async function sameEndState(node: () => ReactNode, ready: (f: string) => boolean, alphabet: readonly string[]): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 24 }), fc.array(fc.nat(), { maxLength: 10 }), async (keyList, cuts) => {
      const oneByOne = await finalFrame(node, ready, keyList);
      const cut = await finalFrame(node, ready, cutAt(keyList, cuts), oneByOne);
      assert.equal(cut, oneByOne, `keys ${JSON.stringify(keyList)} cut as ${JSON.stringify(cutAt(keyList, cuts))}`);
    }),
    { numRuns: RUNS },
  );
}

const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 0x60);
const editing = [keys.backspace, '\u001b[3~', keys.left, keys.right, keys.home, keys.end, ctrl('a'), ctrl('e'), ctrl('u'), ctrl('w'), ctrl('k')];

describe('keys cut at random read boundaries end in the same state as one key per read', () => {
  test('a form', async () => {
    const fields = [
      { name: 'company', label: 'Company' },
      { name: 'key', label: 'Key', mask: true },
    ];
    const form = () => <Form fields={fields} onSubmit={() => undefined} submitLabel="Saving" width={60} />;
    await sameEndState(form, (f) => f.includes('Company'), ['a', 'B', ' ', 'é', '界', keys.tab, keys.shiftTab, ctrl('t'), ...editing]);
  });

  test('a table', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, name: `Row ${i}` }));
    const columns: TableColumn<(typeof rows)[number]>[] = [{ title: 'Name', value: (r) => r.name, flex: 1 }];
    const table = () => <Table columns={columns} rows={rows} rowKey={(r) => r.id} width={40} height={8} />;
    await sameEndState(table, (f) => f.includes('Row 0'), ['j', 'k', 'g', 'G', keys.up, keys.down, keys.pageUp, keys.pageDown, keys.home, keys.end]);
  });

  test('the code editor', async () => {
    function Editor() {
      const editor = useCodeEditorState('first line\nsecond');
      return <CodeEditor editor={editor} width={40} height={6} isActive />;
    }
    await sameEndState(() => <Editor />, (f) => f.includes('first line'), ['x', 'Y', ' ', keys.enter, keys.tab, keys.up, keys.down, ...editing.slice(0, 6)]);
  });
});
