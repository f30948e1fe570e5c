import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Text } from 'ink';
import { KeyPriority, useKeyLayer } from '../../src/tui/hooks/use-keymap.js';
import { addKeyBindings, commandLabel } from '../../src/tui/keys/bindings.js';
import { classifyEscapeTail, keyOfEscapeTail, splitEscapeTail } from '../../src/tui/keys/escape-sequence.js';
import { createTheme } from '../../src/tui/theme.js';
import { keys, press, renderWidget, sleep, tick, waitForFrame, waitUntil } from './helpers.js';

function Log({ modalOn }: { modalOn?: boolean }) {
  const [log, setLog] = useState<string[]>([]);
  const add = (s: string) => setLog((l) => [...l, s]);
  useKeyLayer((e) => {
    if (e.is('nav.up')) add('screen:up');
    else if (e.is('basic.back')) add('screen:back');
    else if (e.printable) add(`screen:${e.input}`);
    else return false;
    return true;
  });
  useKeyLayer(
    (e) => {
      if (e.is('nav.down')) {
        add('widget:down');
        return true;
      }
      return false;
    },
    { priority: KeyPriority.widget },
  );
  useKeyLayer(
    (e) => {
      add(`modal:${e.input || 'special'}`);
    },
    { priority: KeyPriority.overlay, modal: true, isActive: modalOn ?? false },
  );
  return <Text>{`log=${log.join(',')}`}</Text>;
}

describe('key stack', () => {
  test('the top layer that uses a key stops it; others fall through', async () => {
    const app = renderWidget(<Log />);
    await press(app, keys.down);
    await press(app, 'k');
    await press(app, 'x');
    await waitForFrame(app, (f) => f.includes('log=widget:down,screen:up,screen:x'));
    app.unmount();
  });

  test('a modal layer swallows every key, used or not', async () => {
    const app = renderWidget(<Log modalOn />);
    await press(app, keys.down);
    await press(app, 'k');
    await waitForFrame(app, (f) => f.includes('log=modal:special,modal:k'));
    app.unmount();
  });

  test('Ctrl-C goes past every layer to force-quit', async () => {
    let quits = 0;
    const app = renderWidget(<Log modalOn />, { onForceQuit: () => quits++ });
    await press(app, keys.ctrlC);
    await waitUntil(() => quits === 1, 'Ctrl-C to force-quit');
    // The modal layer logs every key it gets: the next key is the first it saw.
    await press(app, 'k', /log=modal:k$/m);
    app.unmount();
  });

  test('Esc then "[", "A" in three reads is still one up-arrow', async () => {
    const app = renderWidget(<Log />, { escapeDelayMs: 300 });
    for (const part of ['\u001B', '[', 'A']) {
      app.stdin.write(part);
      await tick();
      await tick();
    }
    await waitForFrame(app, /log=screen:up$/m);
    // Once the hold has run out, a later key lands right after the arrow: no back came between.
    await sleep(350);
    await press(app, 'x', /log=screen:up,screen:x$/m);
    app.unmount();
  });

  test('Esc followed later by a letter is back, then the letter', async () => {
    const app = renderWidget(<Log />);
    await press(app, keys.escape, 'log=screen:back');
    await press(app, 'x', 'log=screen:back,screen:x');
    app.unmount();
  });

  test('Esc followed at once by a letter is still back then the letter', async () => {
    const app = renderWidget(<Log />, { escapeDelayMs: 300 });
    app.stdin.write('\u001B');
    await tick();
    await tick();
    app.stdin.write('x');
    await waitForFrame(app, (f) => f.includes('log=screen:back,screen:x'));
    app.unmount();
  });
});

describe('escape sequences', () => {
  test('tails of a split sequence', () => {
    assert.equal(classifyEscapeTail('[A'), 'complete');
    assert.equal(classifyEscapeTail('[5~'), 'complete');
    assert.equal(classifyEscapeTail('[1;5'), 'partial');
    assert.equal(classifyEscapeTail('['), 'partial');
    assert.equal(classifyEscapeTail('O'), 'partial');
    assert.equal(classifyEscapeTail('q'), 'none');
    assert.deepEqual(splitEscapeTail('[Bjj'), { kind: 'complete', sequence: '[B', rest: 'jj' });
  });
  test('what a completed tail means', () => {
    assert.equal(keyOfEscapeTail('[A')?.upArrow, true);
    assert.equal(keyOfEscapeTail('OB')?.downArrow, true);
    assert.equal(keyOfEscapeTail('[6~')?.pageDown, true);
    assert.equal(keyOfEscapeTail('[H')?.home, true);
    assert.equal(keyOfEscapeTail('[4~')?.end, true);
    const shiftTab = keyOfEscapeTail('[Z');
    assert.equal(shiftTab?.tab && shiftTab.shift, true);
    assert.equal(keyOfEscapeTail('[99~'), undefined);
  });
});

describe('bindings', () => {
  test('labels follow the theme', () => {
    assert.equal(commandLabel('nav.up', createTheme().symbols), '↑/k');
    assert.equal(commandLabel('nav.up', createTheme({ unicode: false }).symbols), 'Up/k');
    assert.equal(commandLabel('app.forceQuit', createTheme().symbols), 'Ctrl-C');
    assert.equal(commandLabel('screen.previous', createTheme().symbols), 'Shift-Tab');
  });
  test('a screen adds its own commands', () => {
    addKeyBindings({ 'test.delete': [{ input: 'd' }] });
    assert.equal(commandLabel('test.delete', createTheme().symbols), 'd');
  });
});
