import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import chalk from 'chalk';
import { createTheme, themeFor } from '../../src/tui/theme.js';
import { keys, press, renderApp, stripAnsi, type FrameCheck, type RenderedApp } from './helpers.js';
import { showcaseScreens } from './test-screens.js';

// Colours as SGR codes: foreground 30-37/90-97, background 40-47/100-107, 256/true colour.
const COLOUR_CODE = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m/;
const BOX_DRAWING = /[\u2500-\u257F]/;
const NON_ASCII = /[^\u0000-\u007F]/;

/**
 * Walk through the console — help, every widget, a dialog, toasts, every screen — waiting at
 * each step for the frame it opens; returns every frame Ink drew on the way.
 */
async function tour(app: RenderedApp): Promise<string[]> {
  const steps: [key: string, shows: FrameCheck][] = [
    ['?', 'Keys: Showcase'],
    [keys.escape, (f) => !stripAnsi(f).includes('Keys: ')],
    ['x', 'Delete module X?'],
    [keys.space, /\[ \] Keep module settings/],
    ['n', (f) => !stripAnsi(f).includes('Delete module X?')],
    ['t', 'Module enabled'],
    ['e', 'Download failed'],
    ['2', 'Module00'],
    ['4', 'blank screen list'],
    ['3', 'submitted='],
  ];
  for (const [key, shows] of steps) await press(app, key, shows);
  return [...app.frames];
}

describe('colours and symbols', () => {
  let level: typeof chalk.level;
  before(() => {
    // Tests have no TTY, so chalk would print no colour at all: make it, so that the
    // NO_COLOR check below means something.
    level = chalk.level;
    chalk.level = 3;
  });
  after(() => {
    chalk.level = level;
  });

  test('the colour theme does colour (the check below can fail)', async () => {
    const app = await renderApp({ screens: showcaseScreens, theme: createTheme() });
    const frames = await tour(app);
    assert.ok(frames.some((f) => COLOUR_CODE.test(f)), 'colour codes expected');
    await app.dispose();
  });

  test('NO_COLOR: no colour escape codes in any frame', async () => {
    const app = await renderApp({ screens: showcaseScreens, theme: themeFor({ NO_COLOR: '1' }, {}) });
    const frames = await tour(app);
    for (const frame of frames) assert.doesNotMatch(frame, COLOUR_CODE, frame);
    // Emphasis survives: the cursor row and the active tab are inverse.
    assert.ok(frames.some((f) => f.includes('\u001B[7m')));
    await app.dispose();
  });

  test('an empty NO_COLOR leaves colours on', () => {
    assert.equal(themeFor({ NO_COLOR: '' }, {}).useColor, true);
    assert.equal(themeFor({ NO_COLOR: '0' }, {}).useColor, false);
  });

  test('--ascii: no box-drawing characters and nothing outside ASCII', async () => {
    const app = await renderApp({ screens: showcaseScreens, theme: themeFor({}, { ascii: true }) });
    const frames = await tour(app);
    // The dialog and the help box were drawn, with ASCII borders.
    assert.ok(frames.some((f) => f.includes('Delete module X?') && f.includes('+---')));
    for (const frame of frames) {
      const text = stripAnsi(frame);
      assert.doesNotMatch(text, BOX_DRAWING, text);
      assert.doesNotMatch(text, NON_ASCII, text);
    }
    await app.dispose();
  });

  test('the Unicode theme does use box drawing and symbols (the check above can fail)', async () => {
    const app = await renderApp({ screens: showcaseScreens, theme: createTheme() });
    const frames = await tour(app);
    assert.ok(frames.some((f) => BOX_DRAWING.test(f)));
    assert.ok(frames.some((f) => f.includes('…')));
    await app.dispose();
  });
});
