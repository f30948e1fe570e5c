import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DialplanApplication } from '../../../src/store/schema.js';
import { formLayout, SIDE_BY_SIDE_WIDTH } from '../../../src/tui/screens/dialplan/form-layout.js';
import { fitPreview, previewText, type PreviewLine } from '../../../src/tui/screens/dialplan/preview-lines.js';
import { generateApplicationDialplan } from '../../../src/dialplan/generate.js';
import { applicationFormReducer, editLine, initialFormState } from '../../../src/tui/screens/dialplan/use-application-form-state.js';
import { withApplication } from '../../../src/tui/screens/dialplan/use-application-list.js';
import { wrapLines } from '../../../src/tui/screens/dialplan/wrap-lines.js';

const texts = { more: (n: number) => `+${n} lines`, moreProblems: (n: number) => `+${n} problems` };
const lines = (prefix: string, n: number): PreviewLine[] => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i + 1}` }));
/** Problems of one line each, or of the lines given. */
const problems = (prefix: string, n: number, each = 1): PreviewLine[][] => Array.from({ length: n }, (_, i) => lines(`${prefix}${i + 1}.`, each));

describe('dialplan screen parts (pure)', () => {
  test('the preview keeps problems in view when the dialplan does not fit, and counts what it leaves out', () => {
    const fit = (content: number, problemCount: number, rows: number, each = 1) => fitPreview({ content: lines('c', content), problems: problems('p', problemCount, each) }, rows, texts).map((l) => l.text);
    assert.deepEqual(fit(2, 1, 5), ['c1', 'c2', 'p1.1']);
    assert.deepEqual(fit(10, 1, 4), ['c1', 'c2', '+8 lines', 'p1.1']);
    assert.deepEqual(fit(10, 5, 4), ['c1', '+9 lines', 'p1.1', '+4 problems']);
    assert.deepEqual(fit(1, 5, 4), ['c1', 'p1.1', 'p2.1', '+3 problems']);
    assert.deepEqual(fit(3, 0, 0), []);
  });

  test('the preview of a php application shows the script as written (with #!) and what php -l said, unless it is an error listed below', () => {
    const generated = generateApplicationDialplan({ uniqid: 'DIALPLAN-AB12CD34', extension: '2200101', hint: '', type: 'php', code: '<?php\n' });
    const t = { script: (f: string) => `agi-bin/${f}:`, phpCheck: (m: string) => `PHP syntax: ${m}`, empty: '-' };
    const shown = (php: Parameters<typeof previewText>[0]['php']) => previewText({ ...generated, php }, t, 'x').content.map((l) => l.text);
    assert.deepEqual(shown({ checked: false, message: 'not checked: php not found' }).slice(2), ['agi-bin/DIALPLAN-AB12CD34.php:', '#!/usr/bin/php', '<?php', 'PHP syntax: not checked: php not found']);
    assert.equal(shown({ checked: true, ok: false, message: 'php -l: Parse error', line: 2 }).at(-1), '<?php');
  });

  test('a problem wrapped over two lines is shown whole, or begun, never counted as two', () => {
    const fit = (content: number, problemCount: number, rows: number, each = 1) => fitPreview({ content: lines('c', content), problems: problems('p', problemCount, each) }, rows, texts).map((l) => l.text);
    assert.deepEqual(fit(12, 1, 3, 2), ['+12 lines', 'p1.1', 'p1.2']);
    assert.deepEqual(fit(12, 1, 2, 2), ['+12 lines', 'p1.1'], 'not room for all of it: its first line');
    assert.deepEqual(fit(12, 3, 4, 2), ['c1', '+11 lines', 'p1.1', '+2 problems']);
  });

  test('the code takes a little more than half of the room left; wide terminals put the preview beside it', () => {
    assert.deepEqual(formLayout({ width: 80, height: 18, fieldLines: 6, statusLines: 0 }), { sideBySide: false, codeWidth: 80, codeHeight: 7, previewWidth: 80, previewHeight: 4 });
    assert.equal(formLayout({ width: 60, height: 10, fieldLines: 6, statusLines: 0 }).previewHeight, 0, 'no room: the code only');
    const wide = formLayout({ width: SIDE_BY_SIDE_WIDTH + 10, height: 24, fieldLines: 1, statusLines: 0 });
    assert.equal(wide.sideBySide, true);
    assert.equal(wide.codeWidth + 1 + wide.previewWidth, SIDE_BY_SIDE_WIDTH + 10);
    assert.equal(wide.codeHeight, 22);
  });

  test('one-line fields edit at the cursor; line breaks typed or pasted become spaces', () => {
    assert.deepEqual(editLine('Nightgreeting', 5, { type: 'insert', text: ' ' }), { value: 'Night greeting', cursor: 6 });
    assert.deepEqual(editLine('abc', 0, { type: 'backspace' }), { value: 'abc', cursor: 0 });
    assert.deepEqual(editLine('abc', 1, { type: 'delete' }), { value: 'ac', cursor: 1 });
    assert.deepEqual(editLine('a', 1, { type: 'insert', text: 'b\r\nc' }), { value: 'ab c', cursor: 4 });
  });

  test('the form: focus moves in field order without wrapping; the type switches between php and plaintext', () => {
    let state = initialFormState({ name: '', extension: '2200101', type: 'php', hint: '', description: '' });
    state = applicationFormReducer(state, { type: 'focus-by', by: -1 });
    assert.equal(state.focus, 'name');
    for (let i = 0; i < 9; i++) state = applicationFormReducer(state, { type: 'focus-by', by: 1 });
    assert.equal(state.focus, 'code');
    state = applicationFormReducer(state, { type: 'switch-type', by: 1 });
    assert.equal(state.values.type, 'plaintext');
    assert.equal(state.touched.type, true);
    state = applicationFormReducer(state, { type: 'switch-type', by: 1 });
    assert.equal(state.values.type, 'php');
    state = applicationFormReducer(state, { type: 'focus', focus: 'extension' });
    assert.equal(state.cursor, 7, 'the cursor starts at the end of the value');
  });

  test('a saved application takes its place in the list by number', () => {
    const app = (extension: string, uniqid = `DIALPLAN-${extension.padStart(8, '0')}`): DialplanApplication => ({ uniqid, name: extension, extension, hint: '', type: 'plaintext', code: '', description: '' });
    const list = [app('000063'), app('000064'), app('10003246')];
    assert.deepEqual(withApplication(list, app('2200101')).map((a) => a.extension), ['000063', '000064', '2200101', '10003246']);
    assert.deepEqual(withApplication(list, app('9', list[0]!.uniqid)).map((a) => a.extension), ['9', '000064', '10003246'], 'a changed number moves it');
  });

  test('messages wrap at spaces into the lines they may take', () => {
    assert.deepEqual(wrapLines('Number 201 is busy: employee Reception uses it.', 20, 3, '...'), ['Number 201 is busy:', 'employee Reception', 'uses it.']);
    // Too long: the middle goes, the end (what to do) stays.
    assert.deepEqual(wrapLines('one two three four', 9, 1, '...'), ['...four']);
    assert.deepEqual(wrapLines('Number 2200101 is taken. Choose another number, e.g. 2200102', 20, 2, '...'), ['Number 2200101 is', '...e.g. 2200102']);
  });
});
