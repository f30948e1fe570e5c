// Run by bench/line-bytes.mjs (bundled first): a scripted session in the whole console at 80x24
// on a fresh PBX with the embedded licensing service — every screen once, register, install a
// module from the marketplace, enable it, disable it, edit a dialplan application and save —
// one key per read, each waiting until the terminal is quiet. Reports the bytes each key made
// the console write.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../src/pbx-context.js';
import { plain, startConsole } from './console-harness.js';

setTimeout(() => process.exit(3), 240_000).unref();
const ENTER = '\r';
const TAB = '\t';
const CTRL_S = '\u0013';
/** Longer than a frame interval (maxFps 20: 50 ms): the key's frames are all out. */
const QUIET_MS = 250;

const dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-line-'));
const pbx = new PbxContext({ dataDir });
const con = startConsole({ pbx });
const perKey: Array<{ step: string; key: string; bytes: number }> = [];
const steps: Array<{ step: string; ok: boolean }> = [];
try {
  await con.waitForOutput(/This PBX is not registered/, 30_000);
  await con.settle(QUIET_MS);
  const startBytes = con.terminal.bytes;
  const press = async (step: string, keys: string) => {
    for (const key of Array.from(keys)) {
      const before = con.terminal.bytes;
      con.terminal.mark();
      con.keyboard.press(key);
      await con.settle(QUIET_MS);
      perKey.push({ step, key: JSON.stringify(key), bytes: con.terminal.bytes - before });
    }
  };
  const shows = async (step: string, pattern: RegExp, timeoutMs = 20_000) => {
    const ok = await con.waitForOutput(pattern, timeoutMs).then(() => true, () => false);
    await con.settle(QUIET_MS);
    steps.push({ step, ok });
  };

  await press('register', ENTER);
  await press('register', `Acme Ltd${TAB}admin@acme.example${TAB}Ann Lee${ENTER}${ENTER}${ENTER}`);
  await shows('register', /MIKO-|Registered/);
  await press('screens', '2');
  await shows('modules screen', /Installed modules|No module is installed/);
  await press('install', 'm');
  await shows('marketplace list', /Module\w+/);
  await press('install', 'i');
  await press('install', ENTER);
  await shows('install', /installed/i, 60_000);
  await press('enable', 'm');
  await press('enable', ' ');
  await shows('enable', /enabled/i, 30_000);
  await press('disable', ' ');
  await shows('disable', /disabled/i, 30_000);
  await press('screens', '3');
  await shows('dialplan screen', /Caller number readback/);
  await press('dialplan edit', ENTER);
  await press('dialplan edit', ' 2');
  await press('dialplan edit', CTRL_S);
  await shows('dialplan save', /saved|Saved/);
  await press('screens', '4');
  await press('screens', '1');
  const total = con.terminal.bytes - startBytes;
  console.log(JSON.stringify({ total, perKey, steps, lastScreen: plain(con.terminal.collected).slice(-400) }));
} finally {
  await con.quit();
  await pbx.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
