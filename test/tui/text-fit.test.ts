import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMessage, textWidth, wrapKeepingEnd } from '../../src/tui/text-fit.js';

const LICENSE_ERROR = 'Error 2008: no free seat of feature 51 (Users UI) for this host. Manage license bindings in the session monitor (screen 4) and try again.';

describe('messages that do not fit', () => {
  test('on one line the middle gives way: what happened and what to do both stay', () => {
    const line = fitMessage(LICENSE_ERROR, 60, '…');
    assert.ok(textWidth(line) <= 60, line);
    assert.match(line, /^Error 2008: no free/);
    assert.match(line, /screen 4\) and try again\.$/);
    assert.equal(fitMessage('short enough', 60, '…'), 'short enough');
  });

  test('outside text in a message is shown terminal-safe, on one line', () => {
    const line = fitMessage('Module \u001b]0;PWNED\u0007x says:\nhello', 80, '…');
    assert.equal(line, 'Module \\x1b]0;PWNED\\x07x says: hello');
  });

  test('wrapped to a few lines, a long message keeps its last words', () => {
    const lines = wrapKeepingEnd(LICENSE_ERROR.repeat(3), 40, 3, '…');
    assert.equal(lines.length, 3);
    for (const line of lines) assert.ok(textWidth(line) <= 40, line);
    assert.match(lines.at(-1)!, /and try again\.$/);
  });
});
