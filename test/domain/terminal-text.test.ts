import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasControlCharacters, visibleText } from '../../src/domain/terminal-text.js';

describe('visibleText', () => {
  it('shows an OSC title sequence as text instead of passing it to the terminal', () => {
    const shown = visibleText('\u001b]0;PWNED\u0007x');
    assert.equal(shown, '\\x1b]0;PWNED\\x07x');
    assert.equal(hasControlCharacters(shown), false);
  });

  it('makes C1 controls, DEL and bidirectional overrides visible', () => {
    assert.equal(visibleText('a\u009bb\u007fc\u202ed\u2066e'), 'a\\x9bb\\x7fc\\u202ed\\u2066e');
  });

  it('leaves ordinary text, Cyrillic and emoji as written', () => {
    const text = 'Модуль «Резервное копирование» — ok ✓ 📞';
    assert.equal(visibleText(text), text);
    assert.equal(hasControlCharacters(text), false);
  });

  it('keeps line breaks and tabs only when asked, and never carriage returns', () => {
    assert.equal(visibleText('a\nb\r\n\tc'), 'a\\x0ab\\x0d\\x0a\\x09c');
    assert.equal(visibleText('a\nb\r\n\tc', { keepLineBreaks: true }), 'a\nb\\x0d\n\tc');
  });

  it('tells whether a text carries control characters, repeatedly (no regex state kept)', () => {
    assert.equal(hasControlCharacters('x\u001by'), true);
    assert.equal(hasControlCharacters('x\u001by'), true);
    assert.equal(hasControlCharacters('plain'), false);
  });
});
