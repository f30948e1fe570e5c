import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { againstServe } from './against-serve.js';
import { tmuxAvailable } from './tmux.js';

const skip = tmuxAvailable() ? false : 'tmux is not installed (apt-get install -y tmux)';

describe('the session monitor in the built console, against `pbxmod serve`', { skip }, () => {
  const serve = againstServe();
  const pbx = serve.pbx;


  test('80x24: register, press 4, see this host bound to feature 33, open its info, drop it, see it gone', async () => {
    const registered = await pbx('license', 'register', '--company', 'Acme Ltd', '--email', 'admin@acme.example', '--contact', 'Ann Lee');
    assert.equal(registered.code, 0, registered.stdout + registered.stderr);
    const listed = await pbx('--json', 'sessions', 'list');
    const [host] = listed.json.hosts;
    assert.ok(host, listed.stdout);

    const s = await serve.open();
    await s.waitFor(/Marketplace/);
    s.press('4');
    let screen = await s.waitFor(/last updated \d\d:\d\d:\d\d/);
    assert.match(screen, /This PBX's key · 1 host, 1 binding/);
    assert.match(screen, /Info\s+User@Host\s+Captured\s+Features\s+Action/);
    assert.match(screen, new RegExp(`${host.host} \\(this PBX\\)\\s+id ${host.hostId.slice(0, 8)}\\s+${host.net}\\s+Drop all`));
    assert.match(screen, /MikoPBX free license \(33\)/);

    // The cursor starts on the host row; the binding is the next row.
    s.press('Down');
    await s.waitFor(/d drop binding/);
    s.press('i');
    screen = await s.waitFor(/Binding: MikoPBX free license \(33\) per: /);
    for (const label of ['user', 'host', 'db', 'net', 'proc', 'start', 'upd', 'exp']) assert.match(screen, new RegExp(`^\\s+${label}\\s+\\S`, 'm'), label);
    assert.match(screen, /\(this PBX\)/);

    s.press('d');
    screen = await s.waitFor(/\[y\/N\]/);
    assert.match(screen, /Drop this PBX's binding MikoPBX free license \(33\) per: /);
    assert.match(screen, /! This drops feature 33/);
    s.press('y');
    screen = await s.waitFor(/No live bindings for this key\./);
    assert.doesNotMatch(screen, /MikoPBX free license \(33\) per:/);

    const after = await pbx('--json', 'sessions', 'list');
    assert.equal(after.code, 0, after.stderr);
    assert.deepEqual(after.json.hosts, []);

    s.press('q');
    await waitUntil(() => !s.alive());
    assert.equal(s.exitStatus(), 0);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
