// Run by bench/first-visit.mjs (bundled first): the whole console at 80x24 on a fresh PBX,
// started on one screen; then the number key of ANOTHER screen is pressed, never visited in
// this process (its code is not loaded yet), and the time until that screen's text is on the
// terminal is measured: key → frame of a first visit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxContext } from '../../src/pbx-context.js';
import { startConsole } from './console-harness.js';

const target = process.argv[2] ?? 'modules';
/** What each screen shows once it is drawn (not its loading line). */
const drawn: Record<string, { key: string; start: string; text: RegExp }> = {
  marketplace: { key: '1', start: 'dialplan', text: /This PBX is not registered/ },
  modules: { key: '2', start: 'marketplace', text: /Installed modules|No module is installed/ },
  dialplan: { key: '3', start: 'marketplace', text: /Caller number readback/ },
  sessions: { key: '4', start: 'marketplace', text: /Session monitor|license key|bindings/i },
};
const { key, start, text } = drawn[target]!;

// However it ends, the process ends (the bench waits for it).
setTimeout(() => process.exit(3), 90_000).unref();
const dataDir = await mkdtemp(join(tmpdir(), 'pbxmod-bench-visit-'));
const pbx = new PbxContext({ dataDir });
const con = startConsole({ pbx, initialScreen: start });
try {
  await con.waitForOutput(start === 'dialplan' ? /Caller number readback/ : /This PBX is not registered/, 20_000);
  await con.settle(300);
  con.terminal.mark();
  const pressed = performance.now();
  con.keyboard.press(key);
  await con.waitForOutput(text, 20_000);
  const ms = performance.now() - pressed;
  console.log(JSON.stringify({ screen: target, ms }));
} finally {
  await con.quit();
  await pbx.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
