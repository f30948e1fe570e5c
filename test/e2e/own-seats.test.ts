import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { againstServe } from './against-serve.js';
import { tmuxAvailable } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

/** A dialog's text as one line: borders, the warning sign of each wrapped line and the wrapping gone. */
const flat = (screen: string) => screen.replace(/[│|]/g, ' ').replace(/\s+/g, ' ').replace(/ ! /g, ' ');

describe("this PBX's seats in the built console at 80x24, against `pbxmod serve`", { skip }, () => {
  const serve = againstServe();
  const pbx = serve.pbx;
  const feature33Held = async () => (await pbx('--json', 'license', 'show')).json.seats.find((s: { featureId: number }) => s.featureId === 33).held;


  test("same-named hosts told apart; drop this PBX's feature 33 on screen 4, screen 1 says so and t takes it back; then offline the last license with its age", async () => {
    const registered = await pbx('license', 'register', '--company', 'Acme Ltd', '--email', 'seats@acme.example', '--contact', 'Ann Lee');
    assert.equal(registered.code, 0, registered.stdout + registered.stderr);
    const key = (await pbx('--json', 'license', 'show', '--reveal')).json.key as string;
    const [own] = (await pbx('--json', 'sessions', 'list')).json.hosts;
    // A restored backup of this PBX holds the second seat: the same host name, another host id.
    const tokenFile = join(serve.serviceDir, 'licensing', 'operator-token');
    const added = await runCli(['--data-dir', serve.pbxDir, '--api', serve.url, 'service', '--token-file', tokenFile, 'seats', 'add', '--product', '1', '--feature', '33', '--count', '1'], { input: `${key}\n` });
    assert.equal(added.code, 0, added.stdout + added.stderr);
    const twin = { hostId: '7f3e9a10-0000-4000-8000-000000000001', user: 'root', host: own.host, db: '/cf/conf/mikopbx.db', net: '02:00:00:00:00:77', proc: 4242 };
    const captured = await fetch(`${serve.url}/api/v1/features/capture`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key, featureId: 33, host: twin }) });
    assert.equal(captured.status, 200, await captured.text());

    const s = await serve.open();
    await s.waitFor(/License: registered/);
    s.press('4');
    let screen = await s.waitFor(/2 hosts, 2 bindings/);
    const hostRows = screen.split('\n').filter((l) => /Drop all/.test(l));
    assert.equal(hostRows.length, 2, screen);
    assert.equal(hostRows.filter((r) => r.includes('(this PBX)')).length, 1, `one host is this PBX:\n${screen}`);
    assert.match(screen, new RegExp(`id ${own.hostId.slice(0, 8)}`));
    assert.match(screen, /id 7f3e9a10/);

    // The cursor starts on the first host row; go to this PBX's.
    for (let moves = 0; !/^›.*\(this PBX\)/m.test(s.screen()) && moves < 4; moves++) {
      s.press('Down');
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    screen = await s.waitFor(/^›.*\(this PBX\)/m);
    s.press('d');
    screen = flat(await s.waitFor(/\[y\/N\]/));
    assert.match(screen, /of THIS PBX \(/);
    assert.match(screen, /this PBX loses its marketplace license until it takes the seat back/);
    assert.doesNotMatch(screen, /that PBX/);
    s.press('y');
    await s.waitFor(/1 host, 1 binding/);
    assert.equal(await feature33Held(), false, 'the service released this PBX\'s seat');

    s.press('1');
    screen = await s.waitFor(/NOT held: dropped in the session monitor/);
    assert.match(screen.split('\n')[0]!, /no seat/, 'the header says this PBX holds no seat');
    assert.doesNotMatch(screen.split('\n')[0]!, /registered/);
    await s.waitFor(/t take seats back/);
    s.press('t');
    screen = await s.waitFor(/MikoPBX free license \(33\)\s+held/);
    assert.equal(await feature33Held(), true, 'the service says this PBX holds feature 33 again');
    await s.waitFor(/License: registered MIKO-/);

    s.press('q');
    await waitUntil(() => !s.alive());

    // Offline: nothing listens on port 9.
    const offline = await serve.open({ api: 'http://127.0.0.1:9' });
    screen = await offline.waitFor(/received (just now|\d+ min ago)/);
    assert.match(screen, /No access to the licensing server http:\/\/127\.0\.0\.1:9/);
    assert.match(screen, /The license as last received, received/);
    assert.match(screen, /MikoPBX free license \(33\)\s+unknown/);
    offline.press('q');
    await waitUntil(() => !offline.alive());
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
