import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, startServeProcess, tempDir } from '../support/cli.js';
import { colourCodes, startConsole, tmuxAvailable, withoutEscapes, type ConsoleSession } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

const BOX_DRAWING = /[\u2500-\u257F]/;
const NOT_ASCII = /[^\x20-\x7e\n]/;

interface Seen {
  what: string;
  /** The pane as `capture-pane -e` gives it: text with its colour and attribute sequences. */
  screen: string;
}

/**
 * Every real screen (1-4) and a dialog or overlay on each, on a registered PBX with a module
 * installed: each step waits for what it opens, then the pane is captured with its escapes.
 */
async function tour(s: ConsoleSession): Promise<Seen[]> {
  const seen: Seen[] = [];
  const at = async (what: string, shows: RegExp) => {
    await s.waitFor(shows);
    seen.push({ what, screen: s.screenWithEscapes() });
  };
  const dialog = async (what: string, key: string) => {
    s.press(key);
    await at(what, /\[y\/N\]/);
    s.press('n');
    await s.waitForGone(/\[y\/N\]/);
  };
  await at('screen 1: the license', /Products/);
  s.press('?');
  await at('screen 1: help', /closes this help/);
  s.press('Escape');
  await s.waitForGone(/closes this help/);
  await dialog('screen 1: reset the key?', 'x');

  s.press('2');
  await at('screen 2: installed modules', /Installed modules \(1\)/);
  await dialog('screen 2: delete the module?', 'd');
  s.press('m');
  await at('screen 2: the marketplace', /Marketplace: \d+ module/);
  s.press('Escape');
  await s.waitFor(/Installed modules \(1\)/);

  s.press('3');
  await at('screen 3: dialplan applications', /Milliwatt/);
  s.press('n');
  await at('screen 3: new application form', /New dialplan application/);
  s.press('Escape');
  await s.waitForGone(/New dialplan application/);
  await dialog('screen 3: delete the application?', 'd');

  s.press('4');
  await at('screen 4: session monitor', /last updated \d\d:\d\d:\d\d/);
  await dialog('screen 4: drop the host?', 'd');
  s.press('i');
  await at('screen 4: info panel', /host id/);
  return seen;
}

describe('NO_COLOR and --ascii on every screen of the built console', { skip }, () => {
  let service: Awaited<ReturnType<typeof startServeProcess>>;
  const dirs: Array<Awaited<ReturnType<typeof tempDir>>> = [];
  const sessions: ConsoleSession[] = [];
  let pbxDir: string;
  const pbx = (...args: string[]) => runCli(['--data-dir', pbxDir, '--api', service.url, ...args]);

  before(async () => {
    const serviceDir = await tempDir('pbxmod-e2e-service-');
    const pbxData = await tempDir('pbxmod-e2e-pbx-');
    dirs.push(serviceDir, pbxData);
    pbxDir = pbxData.path;
    service = await startServeProcess(serviceDir.path);
    const registered = await pbx('license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee');
    assert.equal(registered.code, 0, registered.stderr);
    const installed = await pbx('modules', 'install', 'ModuleTemplate');
    assert.equal(installed.code, 0, installed.stderr);
  });
  after(async () => {
    for (const s of sessions) s.kill();
    await service?.stop();
    for (const d of dirs) await d.remove();
  });

  async function walk(env: Record<string, string>, args: string[]): Promise<Seen[]> {
    const s = await startConsole({ columns: 100, rows: 30, env, args: ['--data-dir', pbxDir, '--api', service.url, ...args] });
    sessions.push(s);
    const seen = await tour(s);
    s.kill();
    sessions.splice(sessions.indexOf(s), 1);
    return seen;
  }

  test('NO_COLOR: no colour code on any screen or dialog (attributes such as inverse stay)', async () => {
    const seen = await walk({ NO_COLOR: '1' }, []);
    for (const { what, screen } of seen) assert.deepEqual(colourCodes(screen), [], `${what}:\n${withoutEscapes(screen)}`);
    assert.ok(seen.some(({ screen }) => screen.includes('\u001B[7m')), 'the cursor row and active tab are inverse');
    // The same walk in Unicode: what --ascii takes away below is really there to take.
    assert.ok(seen.some(({ screen }) => BOX_DRAWING.test(withoutEscapes(screen))), 'box drawing without --ascii');
  });

  test('--ascii: nothing outside printable ASCII on any screen or dialog', async () => {
    const seen = await walk({}, ['--ascii']);
    for (const { what, screen } of seen) {
      const text = withoutEscapes(screen);
      assert.doesNotMatch(text, NOT_ASCII, `${what}:\n${text}`);
    }
    // Colours are on here: the capture does carry them, so the NO_COLOR check above can fail.
    assert.ok(seen.some(({ screen }) => colourCodes(screen).length > 0), 'colour codes without NO_COLOR');
  });

  test('NO_COLOR and --ascii together', async () => {
    const seen = await walk({ NO_COLOR: '1' }, ['--ascii']);
    for (const { what, screen } of seen) {
      assert.deepEqual(colourCodes(screen), [], `${what}:\n${withoutEscapes(screen)}`);
      assert.doesNotMatch(withoutEscapes(screen), NOT_ASCII, what);
    }
  });
});
