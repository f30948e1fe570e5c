import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { registerPbx } from '../../../src/licensing/marketplace-registration.js';
import { PbxContext } from '../../../src/pbx-context.js';
import { ConsoleProvider } from '../../../src/tui/console-context.js';
import { useBindingRefresh } from '../../../src/tui/hooks/use-binding-refresh.js';
import { copyToTerminalClipboard, osc52Sequence } from '../../../src/tui/terminal/osc52.js';
import { MINUTE, startTestService, TestClock, type TestService } from '../../licensing/service/harness.js';
import { sleep, waitUntil } from '../helpers.js';

describe('OSC 52: the key to the clipboard of the terminal the admin sits at', () => {
  test('the sequence is ESC ] 52 ; c ; base64 BEL, byte for byte', () => {
    const key = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
    const expected = Buffer.concat([Buffer.from([0x1b]), Buffer.from(']52;c;'), Buffer.from('TUlLTy1BQkNERS1GR0hJSi1LTE1OTy1QUVJTVA=='), Buffer.from([0x07])]);
    assert.deepEqual(Buffer.from(osc52Sequence(key), 'utf8'), expected);
  });

  test('copying writes exactly that sequence, once, and nothing else', () => {
    const written: string[] = [];
    copyToTerminalClipboard({ write: (data) => written.push(data) > 0 }, 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST');
    assert.deepEqual(written, ['\u001B]52;c;TUlLTy1BQkNERS1GR0hJSi1LTE1OTy1QUVJTVA==\u0007']);
  });
});

function RefreshBindings({ intervalMs }: { intervalMs: number }) {
  useBindingRefresh(intervalMs);
  return null;
}

describe('while the console runs, the PBX keeps its bindings alive', () => {
  let service: TestService;
  const dirs: string[] = [];
  before(async () => {
    const clock = new TestClock();
    clock.time = Date.now();
    service = await startTestService({ clock });
  });
  after(async () => {
    await service.stop();
    // A refresh started just before the unmount may still be taking the store lock: retry.
    for (const dir of dirs) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });
  async function pbxAt(api: string): Promise<PbxContext> {
    const dir = await mkdtemp(join(tmpdir(), 'pbxmod-refresh-'));
    dirs.push(dir);
    return new PbxContext({ dataDir: dir, api });
  }

  test('every interval the bindings of this host are refreshed (upd and exp move on)', async () => {
    const pbx = await pbxAt(service.url);
    const { key } = await registerPbx(pbx, { company: 'Refresh LLC', email: 'refresh@example.com', contact: 'Rae' });
    const before = (await service.client.sessions(key))[0]!.bindings[0]!;
    service.clock.advance(5 * MINUTE);
    const app = render(
      <ConsoleProvider pbx={pbx} quit={() => undefined}>
        <RefreshBindings intervalMs={20} />
      </ConsoleProvider>,
    );
    try {
      const deadline = Date.now() + 15_000;
      let upd = before.upd;
      while (upd === before.upd && Date.now() < deadline) {
        await sleep(20);
        upd = (await service.client.sessions(key))[0]!.bindings[0]!.upd;
      }
      assert.equal(upd, new Date(service.clock.time).toISOString());
      const after = (await service.client.sessions(key))[0]!.bindings[0]!;
      assert.equal(Date.parse(after.exp) - Date.parse(after.upd), 10 * MINUTE);
    } finally {
      app.unmount();
    }
  });

  test('a service that cannot be reached is ignored quietly; without a key nothing is asked', async () => {
    const unreachable = await pbxAt('http://127.0.0.1:9');
    await unreachable.store.update((s) => {
      s.settings.licenseKey = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
    });
    const unregistered = await pbxAt(service.url);
    let asked = 0;
    const licensing = unregistered.licensing.bind(unregistered);
    unregistered.licensing = () => {
      asked++;
      return licensing();
    };
    // The unreachable one is tried, again and again: that proves the refresh runs at all.
    let tried = 0;
    const unreachableLicensing = unreachable.licensing.bind(unreachable);
    unreachable.licensing = () => {
      tried++;
      return unreachableLicensing();
    };
    const app = render(
      <>
        <ConsoleProvider pbx={unreachable} quit={() => undefined}>
          <RefreshBindings intervalMs={10} />
        </ConsoleProvider>
        <ConsoleProvider pbx={unregistered} quit={() => undefined}>
          <RefreshBindings intervalMs={10} />
        </ConsoleProvider>
      </>,
    );
    try {
      await waitUntil(() => tried >= 3, 'three refreshes of the unreachable PBX');
      assert.doesNotMatch(app.lastFrame() ?? '', /\S/, 'quietly: nothing drawn');
    } finally {
      app.unmount();
    }
    assert.equal(asked, 0);
  });
});
