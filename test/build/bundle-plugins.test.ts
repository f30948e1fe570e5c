// The start-up plugins of scripts/bundle.mjs change how fast the console starts, never what
// it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';

interface BundleModule {
  singleWidthClass: (width: (text: string) => number) => string;
}

test('text made of the fast path characters is as wide as string-width says: one column each', async () => {
  const { singleWidthClass } = (await import('../../scripts/bundle.mjs' as string)) as BundleModule;
  const fast = new RegExp(`^[${singleWidthClass(stringWidth)}]*$`);
  const chars = [...Array(0x2c00).keys()].map((code) => String.fromCharCode(code)).filter((char) => fast.test(char));
  // What the console draws: Latin, Cyrillic, rules, separators, marks, arrows.
  for (const char of 'aZ09 Жё·─│╭…✓✗›→■●○⚠') assert.ok(chars.includes(char) || /[\u0020-\u007e]/.test(char), `${char} is on the fast path`);
  // Never on it: combining marks, zero-width and wide characters, emoji.
  for (const char of ['\u0301', '\u200b', '\u200d', '\ufe0f', '\u3042', '\u231a']) assert.ok(!fast.test(char), `U+${char.charCodeAt(0).toString(16)} is not`);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => chars[Math.floor(random() * chars.length)]).join('');
    assert.equal(stringWidth(text), text.length, `width of ${JSON.stringify(text)}`);
  }
});
