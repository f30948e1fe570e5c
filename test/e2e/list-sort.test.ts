import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { againstServe } from './against-serve.js';
import { tmuxAvailable } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/** The installed modules' names in the order the screen lists them. */
function order(screen: string): string[] {
  return screen.split('\n').flatMap((l) => /^[›> ] \[[ x]\] (Module template|Backup|Autoprovision)\s/.exec(l)?.[1] ?? []);
}

/** Sorting screen 2's installed list at 80x24 in the built console, against `pbxmod serve` in its own process. */
describe('sorting a list in the built console', { skip }, () => {
  const world = againstServe();

  before(async () => {
    for (const id of ['ModuleTemplate', 'ModuleBackup', 'ModuleAutoprovision']) {
      const installed = await world.pbx('modules', 'install', id);
      assert.equal(installed.code, 0, installed.stderr);
    }
  });

  test('s, then a column: the list is sorted and the header shows the column and the direction; again reverses', async () => {
    const s = await world.open();
    s.press('2');
    let screen = await s.waitFor(/Installed modules \(3\)/);
    await s.waitFor(/Autoprovision/);
    // At 80 columns the footer is full (mark, on/off, details, marketplace); the help names the key.
    s.press('?');
    screen = await s.waitFor(/Keys: /);
    assert.match(screen, /\bs\s+sort/, 'the help names the key');
    s.press('Escape');
    await s.waitFor(/Installed modules \(3\)/);
    s.press('s');
    screen = await s.waitFor(/Sort by/);
    assert.match(screen, /2 Module/);
    s.press('2');
    screen = await s.waitFor(/Module ▲/);
    assert.deepEqual(order(screen), ['Autoprovision', 'Backup', 'Module template']);
    s.press('s');
    await s.waitFor(/Sort by/);
    s.press('Enter');
    screen = await s.waitFor(/Module ▼/);
    assert.deepEqual(order(screen), ['Module template', 'Backup', 'Autoprovision']);
    // Nothing is pushed off the 80x24 screen: the header line and the footer are both there.
    assert.match(screen, /pbxmod/);
    assert.match(screen, /\? help\s+q quit/);
    s.press('q');
  });

  test('--ascii: the direction is ^ / v', async () => {
    const s = await world.open({ flags: ['--ascii'] });
    s.press('2');
    await s.waitFor(/Autoprovision/);
    s.press('s');
    await s.waitFor(/Sort by/);
    s.press('5');
    let screen = await s.waitFor(/Version \^/);
    assert.doesNotMatch(screen, /[▲▼]/);
    s.press('s');
    await s.waitFor(/Sort by/);
    s.press('5');
    screen = await s.waitFor(/Version v/);
    s.press('q');
  });
});
