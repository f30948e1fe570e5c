import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateApplicationDialplan } from '../../../src/dialplan/generate.js';
import { PreviewPane, PreviewView } from '../../../src/tui/screens/dialplan/preview-pane.js';
import { renderWidget, waitForFrame } from '../helpers.js';

// An application's code is the PBX's own text, and may be anyone's: a line that sets the window
// title (OSC) and one that clears the screen, both also quoted by the problems under the preview.
const code = 'same => n,Answer()\u001B]0;owned\u0007\nsame => n,Playback(x)\u001B[2J\nsame => n,NoSuchApp(\u001B[31m)';

test('the dialplan preview shows escapes in code and in its problem lines as text, never raw', async () => {
  const generated = generateApplicationDialplan({ uniqid: 'DIALPLAN-AB12CD34', extension: '2200101', hint: '', type: 'plaintext', code });
  assert.ok(generated.problems.length > 0, 'the checker quotes the bad lines');
  for (const node of [
    <PreviewPane generated={generated} width={78} height={20} />,
    <PreviewView title="Preview" generated={generated} width={78} height={22} onClose={() => undefined} />,
  ]) {
    const app = renderWidget(node);
    const frame = await waitForFrame(app, (f) => f.includes('\\x1b]0;owned'));
    // The only escapes left are the theme's own colours (SGR, ending in m).
    const escapes = frame.match(/\u001B[^m]*?(?:m|$)|\u0007/g) ?? [];
    assert.deepEqual(escapes.filter((e) => !/^\u001B\[[0-9;]*m$/.test(e)), [], `raw escapes in:\n${JSON.stringify(frame)}`);
    assert.match(frame, /\\x1b\[2J/);
    assert.match(frame, /\\x1b\[31m/);
    app.unmount();
    app.cleanup();
  }
});
