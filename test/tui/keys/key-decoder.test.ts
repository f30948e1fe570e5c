import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyDecoder, type DecodedKey } from '../../../src/tui/keys/key-decoder.js';

/** A short name per decoded key, to compare sequences. */
function names(keys: DecodedKey[]): string[] {
  return keys.map((k) => {
    if (k.kind === 'paste') return `paste:${JSON.stringify(k.text)}`;
    const flags = Object.entries(k.key)
      .filter(([name, on]) => on === true && name !== 'shift' && !(name === 'meta' && k.key.escape))
      .map(([name]) => name);
    return [...flags, k.input].filter(Boolean).join('+');
  });
}

function decode(...chunks: string[]): string[] {
  const decoder = new KeyDecoder();
  const keys = chunks.flatMap((c) => decoder.push(c));
  return names([...keys, ...decoder.flush()]);
}

test('several Backspaces in one read are several Backspaces, never text', () => {
  assert.deepEqual(decode('Acme Ltd\u007f\u007f\u007f'), ['A', 'c', 'm', 'e', ' ', 'L', 't', 'd', 'backspace', 'backspace', 'backspace']);
  assert.deepEqual(decode('\b\b'), ['backspace', 'backspace']);
});

test('letters read together are one key each', () => {
  assert.deepEqual(decode('jjj'), ['j', 'j', 'j']);
});

test('an emoji with joiners and a letter with a combining mark stay one key each', () => {
  assert.deepEqual(decode('👩‍💻e\u0301x'), ['👩‍💻', 'e\u0301', 'x']);
});

test('Ctrl keys, Enter, CR LF and Tab', () => {
  assert.deepEqual(decode('\u0001\u0005\u0015\u000b\u0017'), ['ctrl+a', 'ctrl+e', 'ctrl+u', 'ctrl+k', 'ctrl+w']);
  assert.deepEqual(decode('a\r\nb\rc\t'), ['a', 'return', 'b', 'return', 'c', 'tab']);
});

test('several escape sequences in one read, and one cut across reads, are whole keys', () => {
  assert.deepEqual(decode('\u001b[A\u001b[B\u001b[3~\u001bOH'), ['upArrow', 'downArrow', 'delete', 'home']);
  assert.deepEqual(decode('\u001b', '[', '1;5', 'C', 'x'), ['rightArrow+ctrl', 'x']);
  assert.deepEqual(decode('\u001b[1;5Cx'), ['rightArrow+ctrl', 'x']);
});

test('a lone Esc is Esc only once nothing more came; Esc then a letter in one read is Alt+letter', () => {
  const decoder = new KeyDecoder();
  assert.deepEqual(decoder.push('\u001b'), []);
  assert.equal(decoder.waiting, true);
  assert.deepEqual(names(decoder.flush()), ['escape']);
  assert.deepEqual(decode('\u001bb'), ['meta+b']);
  assert.deepEqual(decode('\u001b', 'b'), ['escape', 'b']);
});

test('a bracketed paste is one paste, even with line breaks, escapes and a marker cut across reads', () => {
  assert.deepEqual(decode('\u001b[200~q?jj\r\nx\u001b[201~k'), ['paste:"q?jj\\nx"', 'k']);
  assert.deepEqual(decode('\u001b[20', '0~ab', 'c\u001b[20', '1~'), ['paste:"abc"']);
});

test('C1 controls and unknown sequences are dropped, never typed', () => {
  assert.deepEqual(decode('a\u009bb\u001b[?1004hc\u001b[I'), ['a', 'b', 'c']);
});
