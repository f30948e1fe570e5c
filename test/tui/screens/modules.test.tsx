import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PbxContext } from '../../../src/pbx-context.js';
import { listInstalled, moduleLayout } from '../../../src/modules/index.js';
import { serviceWorlds, type ServiceWorld } from './service-world.js';
import { keys, moveCursorTo, press, renderApp, stripAnsi, type, waitForFrame, type RenderedApp } from '../helpers.js';

interface World extends ServiceWorld {
  key: string | null;
}

const newWorld = serviceWorlds('pbxmod-modules-screen-');

/** A real licensing service on loopback and a PBX pointing at it; registered (a key saved) when asked. */
async function setUp({ register = false }: { register?: boolean } = {}): Promise<World> {
  const world: World = Object.assign(await newWorld(), { key: null });
  const { service, pbx } = world;
  if (register) {
    const { hostId } = await pbx.hostIdentity();
    world.key = (await service.client.register({ company: 'Acme Ltd', email: 'admin@acme.example', contact: 'Ann Lee', hostId })).key;
    await pbx.store.update((s) => {
      s.settings.licenseKey = world.key;
    });
  }
  return world;
}

/** The console on screen 2, once the installed list (or its empty state) shows. */
async function open(w: World, props: Parameters<typeof renderApp>[0] = {}): Promise<RenderedApp> {
  w.app = await renderApp({ pbx: w.pbx, initialScreen: 'modules', toastDurationMs: 400, ...props });
  await waitForFrame(w.app, /Installed modules \(\d+\)/);
  return w.app;
}

const plain = (frame: string | undefined) => stripAnsi(frame ?? '');
const cursorLine = (frame: string) => plain(frame).split('\n').find((l) => l.startsWith('›') || l.startsWith('> ')) ?? '';
const rowOf = (frame: string, name: string) => plain(frame).split('\n').find((l) => l.includes(name)) ?? '';

/** Move the cursor to the first row matching `pattern`. */
function moveTo(app: RenderedApp, pattern: RegExp): Promise<string> {
  return moveCursorTo(app, pattern, cursorLine);
}

async function until(app: RenderedApp, check: (frame: string) => boolean, timeoutMs?: number): Promise<string> {
  return plain(await waitForFrame(app, (f) => check(plain(f)), timeoutMs));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function installed(w: World) {
  return listInstalled(w.pbx);
}

describe('the modules screen', () => {
  test('with nothing installed it points to the marketplace, a zip file and registration', async () => {
    const w = await setUp();
    const app = await open(w);
    const frame = await until(app, (f) => /No module is installed/.test(f));
    assert.match(frame, /Installed modules \(0\)/);
    assert.match(frame, /No module is installed\./);
    assert.match(frame, /Press m to open the marketplace, or f to install a module from a zip file/);
    assert.match(frame, /register the PBX on screen 1/);
  });

  test('installs a free module from the marketplace with progress, disabled; e enables and disables it', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ modules for MikoPBX 2025\.1\.120/.test(f));
    await moveTo(app, /Module template/);
    await press(app, 'i');
    const frames: string[] = [];
    await until(app, (f) => {
      frames.push(f);
      return /ModuleTemplate 1\.81 installed \(disabled\)/.test(f);
    });
    assert.ok(frames.some((f) => /Installing ModuleTemplate: (Downloading|Unpacking) \[.*\]\s+\d+%\s+[\d.]+ KiB of [\d.]+ KiB/.test(f)), 'a progress bar with percent and bytes');
    assert.deepEqual((await installed(w)).map((m) => [m.id, m.version, m.enabled]), [['ModuleTemplate', '1.81', false]]);

    await press(app, 'm');
    let frame = await until(app, (f) => /Installed modules \(1\)/.test(f));
    assert.match(rowOf(frame, 'Module template'), /\[ \] Module template .* 1\.81\s+disabled/);
    await press(app, 'e');
    await until(app, (f) => /ModuleTemplate is enabled\./.test(f));
    await until(app, (f) => /\[x\] Module template .* enabled/.test(rowOf(f, 'Module template')));
    assert.equal((await installed(w))[0]?.enabled, true);
    await press(app, 'e');
    await until(app, (f) => /ModuleTemplate is disabled\./.test(f));
    await until(app, (f) => /\[ \] Module template .* disabled/.test(rowOf(f, 'Module template')));
    assert.deepEqual([(await installed(w))[0]?.enabled, (await installed(w))[0]?.disabledReason], [false, 'DisabledByUser']);
  });

  test('an older release shows the update marker; u updates it, still enabled, settings kept', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Module template/);
    await press(app, 'r');
    let frame = await until(app, (f) => /Install ModuleTemplate: pick a release/.test(f) && /1\.80/.test(f));
    assert.match(cursorLine(frame), /1\.81 .* newest/, 'the newest release is picked by default');
    await press(app, keys.down, (f) => /1\.80/.test(cursorLine(f)));
    await press(app, keys.enter);
    await until(app, (f) => /ModuleTemplate 1\.80 installed/.test(f));
    await press(app, 'm');
    frame = await until(app, (f) => /Installed modules \(1\)/.test(f) && /↑/.test(rowOf(f, 'Module template')));
    assert.match(frame, /Release 1\.81 is available: u updates/);
    await press(app, 'e');
    await until(app, (f) => /enabled/.test(rowOf(f, 'Module template')));
    await writeFile(join(moduleLayout.moduleDir(w.dataDir, 'ModuleTemplate'), 'db', 'module.db'), 'the admin\'s settings');

    await press(app, 'u');
    frame = await until(app, (f) => /ModuleTemplate went from 1\.80 to 1\.81; its settings were kept\./.test(f));
    frame = await until(app, (f) => / 1\.81 /.test(rowOf(f, 'Module template')));
    assert.match(rowOf(frame, 'Module template'), /\[x\] Module template .* 1\.81\s+enabled\s*$/, 'enabled, no update marker');
    const [module] = await installed(w);
    assert.deepEqual([module?.version, module?.enabled], ['1.81', true]);
    assert.equal(await readFile(join(moduleLayout.moduleDir(w.dataDir, 'ModuleTemplate'), 'db', 'module.db'), 'utf8'), 'the admin\'s settings');
  });

  test('U updates every module with a newer release; r on an installed module rolls it back to the release picked', async () => {
    const w = await setUp();
    const { installFromMarketplace } = await import('../../../src/modules/index.js');
    await installFromMarketplace(w.pbx, 'ModuleTemplate', { release: '1.80' });
    await installFromMarketplace(w.pbx, 'ModuleAutoprovision', { release: '1.40' });
    const app = await open(w);
    let frame = await until(app, (f) => /↑/.test(rowOf(f, 'Module template')) && /↑/.test(rowOf(f, 'Autoprovision')));
    await press(app, 'U');
    // One question lists each module from -> to; after it, what changed.
    frame = await until(app, (f) => /Update 2 modules\?/.test(f));
    assert.match(frame, /ModuleTemplate 1\.80 -> 1\.81/);
    assert.match(frame, /ModuleAutoprovision 1\.40 -> 1\.45/);
    assert.match(frame, /Update all\s+›No\s+\[y\/N\]/);
    await press(app, 'y');
    await until(app, (f) => /Changed: ModuleTemplate 1\.80 -> 1\.81, ModuleAutoprovision 1\.40 -> 1\.45\./.test(f.replace(/\s+/g, ' ')));
    frame = await until(app, (f) => / 1\.81 /.test(rowOf(f, 'Module template')) && / 1\.45 /.test(rowOf(f, 'Autoprovision')));
    assert.doesNotMatch(frame, /↑/);

    await moveTo(app, /Module template/);
    await press(app, 'r');
    frame = await until(app, (f) => /ModuleTemplate 1\.81 installed: pick a release to update or roll back to/.test(f) && /1\.80/.test(f));
    assert.match(cursorLine(frame), /1\.81 .*✓ installed, newest/);
    await press(app, keys.down, (f) => /1\.80/.test(cursorLine(f)));
    await press(app, keys.enter);
    frame = await until(app, (f) => /Roll Module template \(ModuleTemplate\) back to 1\.80\?/.test(f));
    assert.match(frame.replace(/[│\s]+/g, ' '), /From 1\.81 to 1\.80: the older release replaces the installed one; its settings are kept\./);
    await press(app, 'y');
    await until(app, (f) => /ModuleTemplate went from 1\.81 to 1\.80/.test(f));
    await until(app, (f) => / 1\.80 /.test(rowOf(f, 'Module template')) && /↑/.test(rowOf(f, 'Module template')));
    assert.deepEqual((await installed(w)).map((m) => [m.id, m.version]), [['ModuleTemplate', '1.80'], ['ModuleAutoprovision', '1.45']]);
  });

  test('markers for every disable reason and for an update, with ASCII fallbacks, explained in the help', async () => {
    const w = await setUp();
    const { installFromMarketplace } = await import('../../../src/modules/index.js');
    await installFromMarketplace(w.pbx, 'ModuleTemplate', { release: '1.80' });
    await installFromMarketplace(w.pbx, 'ModuleBackup');
    await installFromMarketplace(w.pbx, 'ModuleAutoprovision');
    await w.pbx.store.update((state) => {
      const set = (id: string, disabledReason: 'DisabledByLicense' | 'DisabledByException' | 'DisabledByCrashLoop', disabledReasonText: string) =>
        Object.assign(state.modules.find((m) => m.id === id)!, { enabled: false, disabledReason, disabledReasonText });
      set('ModuleTemplate', 'DisabledByLicense', 'License error 2011: expired.');
      set('ModuleBackup', 'DisabledByException', 'PHP Fatal error in Backup.php:12');
      set('ModuleAutoprovision', 'DisabledByCrashLoop', 'restarted 5 times in 60 s');
    });
    const { createTheme } = await import('../../../src/tui/theme.js');
    for (const [theme, marks] of [
      [createTheme(), { lic: '⚿̸', err: '✱', crash: '↻', upd: '↑' }],
      [createTheme({ unicode: false, color: false }), { lic: '[lic]', err: '[err]', crash: '[crash]', upd: '[upd]' }],
    ] as const) {
      const app = await open(w, { theme });
      const frame = await until(app, (f) => /Installed modules \(3\)/.test(f) && f.includes(marks.upd));
      assert.ok(rowOf(frame, 'Module template').trimEnd().endsWith(`${marks.lic} ${marks.upd}`), rowOf(frame, 'Module template'));
      assert.match(rowOf(frame, 'Module template'), /Disabled by license: Lic/);
      assert.ok(rowOf(frame, 'Backup').trimEnd().endsWith(marks.err), rowOf(frame, 'Backup'));
      assert.match(rowOf(frame, 'Backup'), /Disabled after an error/);
      assert.ok(rowOf(frame, 'Autoprovision').trimEnd().endsWith(marks.crash), rowOf(frame, 'Autoprovision'));
      await moveTo(app, /Autoprovision/);
      await until(app, (f) => /Disabled: the module restarted in a loop: restarted 5 times in 60 s/.test(f.replace(/\s+/g, ' ')));
      const help = plain(await press(app, '?', 'Keys: Modules'));
      const legend: Array<[string, string]> = [
        [marks.lic, 'disabled by license \\(crossed-out key\\)'],
        [marks.err, 'disabled after an error'],
        [marks.crash, 'disabled: the module restarted in a loop'],
        [marks.upd, 'a newer release'],
      ];
      for (const [mark, meaning] of legend) {
        let text = help;
        for (let i = 0; i < 12 && !new RegExp(`${escape(mark)}\\s+${meaning}`).test(text); i++) {
          const before = text;
          text = plain(await press(app, keys.down, (f) => plain(f) !== before));
        }
        assert.match(text, new RegExp(`${escape(mark)}\\s+${meaning}`));
      }
      if (!theme.unicode) assert.doesNotMatch(frame, /[^\x00-\x7f]/, 'nothing outside ASCII');
      await w.app!.dispose().catch(() => undefined);
      w.app = undefined;
    }
  });

  test('delete asks with "keep module settings" checked; a reinstall brings the settings back', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Backup/);
    await press(app, 'i');
    await until(app, (f) => /ModuleBackup 1\.76 installed/.test(f));
    const db = join(moduleLayout.moduleDir(w.dataDir, 'ModuleBackup'), 'db', 'module.db');
    await writeFile(db, 'backup schedule: nightly');
    await press(app, 'm');
    await until(app, (f) => /Installed modules \(1\)/.test(f));

    await press(app, 'd');
    let frame = await until(app, (f) => /Delete Backup \(ModuleBackup\)\?/.test(f));
    assert.match(frame, /\[x\] Keep module settings/);
    assert.match(frame, /Kept settings come back when the module is installed again/);
    // Unchecked, the dialog no longer promises that the settings come back.
    await press(app, ' ');
    frame = await until(app, (f) => /\[ \] Keep module settings/.test(f));
    assert.match(frame, /Its settings are deleted too; a reinstall starts fresh/);
    assert.doesNotMatch(frame, /come back/);
    await press(app, ' ');
    frame = await until(app, (f) => /\[x\] Keep module settings/.test(f));
    assert.match(frame, /Delete\s+›No\s+\[y\/N\]/, 'No is the default answer');
    await press(app, 'y');
    await until(app, (f) => /ModuleBackup 1\.76 was deleted; its settings were kept/.test(f));
    await until(app, (f) => /Installed modules \(0\)/.test(f));
    assert.deepEqual(await installed(w), []);

    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Backup/);
    await press(app, 'i');
    frame = await until(app, (f) => /ModuleBackup 1\.76 installed \(disabled\)\. Its settings from an earlier delete were restored\./.test(f));
    assert.equal(await readFile(db, 'utf8'), 'backup schedule: nightly');
  });

  test('the marketplace lists what this PBX can run: name, developer, version, free/paid, size', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    const frame = await until(app, (f) => /Marketplace: 5 modules for MikoPBX 2025\.1\.120/.test(f));
    assert.doesNotMatch(frame, /Japanese/, 'needs MikoPBX 2026.2.20');
    assert.match(rowOf(frame, 'Users UI'), /Users UI .* MIKO\s+1\.81\s+paid\s+[\d.]+ KiB -/, '1.90 needs MikoPBX 2026.1.1');
    assert.match(rowOf(frame, 'Module template'), /Module template .* MIKO\s+1\.81\s+free\s+[\d.]+ KiB -/);
    await until(app, (f) => /i install\s+Enter details\s+m\/Esc installed/.test(f));
    await press(app, keys.escape, /Installed modules \(0\)/);
  });

  test('a paid module without a license key: the SPEC message on its own row, nothing installed', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Users UI/);
    await press(app, 'i');
    const frame = await until(app, (f) => /✗ The license key/.test(rowOf(f, 'Users UI')));
    assert.doesNotMatch(rowOf(frame, 'Module template'), /✗/, 'only its own row');
    // The whole message and what to do, under the list.
    const text = frame.replace(/\s+/g, ' ');
    assert.match(text, /✗ The license key to activate the license for the module has not been installed\. ModuleUsersUI is a paid module\./);
    assert.match(text, /Register the PBX in the marketplace or enter your license key \(console screen 1/);
    assert.deepEqual(await installed(w), []);
  });

  test('with a key: a paid module installs and enables; a dropped binding, checked on demand, disables it with the crossed-out key', async () => {
    const w = await setUp({ register: true });
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Users UI/);
    await press(app, 'i');
    // A paid module: the trial and the license agreement are said before anything happens.
    let asked = await until(app, (f) => /Install Users UI \(ModuleUsersUI\) 1\.81\?/.test(f));
    asked = asked.replace(/[│\s]+/g, ' ');
    assert.match(asked, /A paid module: a 14-day trial of its license starts on your key if it has none yet\./);
    assert.match(asked, /Its license agreement \(EULA\) applies: END USER LICENSE AGREEMENT — Users UI/);
    assert.match(asked, /Installing the module means accepting this agreement\. The whole text: Enter on the module \(details\)/);
    assert.match(asked, /Accept the EULA and install ›No \[y\/N\]/);
    assert.deepEqual(await installed(w), [], 'nothing before the answer');
    await press(app, 'y');
    await until(app, (f) => /ModuleUsersUI 1\.81 installed \(disabled\)/.test(f));
    await press(app, 'm');
    await until(app, (f) => /Installed modules \(1\)/.test(f));
    await press(app, 'e');
    await until(app, (f) => /\[x\] Users UI .* enabled/.test(rowOf(f, 'Users UI')));
    assert.equal((await installed(w))[0]?.enabled, true);

    const { hostId } = await w.pbx.hostIdentity();
    assert.ok((await w.service.client.dropBindings(w.key!, { hostId })) > 0);
    await press(app, 'l');
    let frame = await until(app, (f) => /Disabled by license: ModuleUsersUI\./.test(f));
    frame = await until(app, (f) => /\[ \] Users UI/.test(rowOf(f, 'Users UI')));
    const row = rowOf(frame, 'Users UI');
    assert.match(row, /Disabled by license: The binding/, 'the reason on its row');
    assert.match(row, /disabled\s+⚿̸\s*$/, 'the crossed-out key marker');
    assert.match(frame.replace(/\s+/g, ' '), /⚿̸ Disabled by license: The binding of this PBX was dropped in the session monitor\. Enable the module again to capture a seat\./);
    const [module] = await installed(w);
    assert.deepEqual([module?.enabled, module?.disabledReason], [false, 'DisabledByLicense']);

    // Another PBX takes the freed seat: enabling again is refused, on the row, and it stays disabled by license.
    await w.service.client.captureFeature(w.key!, 51, { hostId: 'other-pbx', user: 'root', host: 'pbx-02', db: 'x', net: '02:00:00:00:00:02', proc: 2 });
    await press(app, 'e');
    frame = await until(app, (f) => /✗ License error 2008/.test(rowOf(f, 'Users UI')));
    assert.match(frame.replace(/\s+/g, ' '), /✗ License error 2008: No required license, or it is bound to another host .*Manage license bindings in the session monitor/);
    assert.equal((await installed(w))[0]?.disabledReason, 'DisabledByLicense');
  });

  test('the periodic license check (PBXMOD_LICENSE_CHECK_INTERVAL) disables a module whose binding was dropped, with a toast', async () => {
    const w = await setUp({ register: true });
    const { installFromMarketplace, enableModule } = await import('../../../src/modules/index.js');
    await installFromMarketplace(w.pbx, 'ModuleUsersUI');
    await enableModule(w.pbx, 'ModuleUsersUI');
    const app = await open(w, { env: { PBXMOD_LICENSE_CHECK_INTERVAL: '0.3' }, toastDurationMs: 2000 });
    await until(app, (f) => /enabled/.test(rowOf(f, 'Users UI')));
    const { hostId } = await w.pbx.hostIdentity();
    await w.service.client.dropBindings(w.key!, { hostId });
    await until(app, (f) => /License check: ModuleUsersUI disabled by license\./.test(f));
    const frame = await until(app, (f) => /⚿̸/.test(rowOf(f, 'Users UI')));
    assert.match(rowOf(frame, 'Users UI'), /\[ \] Users UI .*Disabled by license/);
  });

  test('installing a paid module whose only seat another PBX holds fails on its row with the license error', async () => {
    const w = await setUp({ register: true });
    await w.service.client.addTrial(w.key!, 127);
    await w.service.client.captureFeature(w.key!, 51, { hostId: 'other-pbx', user: 'root', host: 'pbx-02', db: 'x', net: '02:00:00:00:00:02', proc: 2 });
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Users UI/);
    await press(app, 'i');
    await until(app, (f) => /Install Users UI \(ModuleUsersUI\) 1\.81\?/.test(f));
    await press(app, 'y');
    const frame = await until(app, (f) => /✗ License error 2008/.test(rowOf(f, 'Users UI')));
    assert.match(frame.replace(/\s+/g, ' '), /Manage license bindings in the session monitor \(console screen 4/);
    assert.deepEqual(await installed(w), []);
  });

  test('install from a zip path: a missing file, a corrupted zip and a too-new module each say what is wrong; a good one installs', async () => {
    const w = await setUp();
    const { writeModuleZip } = await import('../../../src/licensing/service/catalog/archives.js');
    const manifest = (version: string, minPbx: string) => JSON.stringify({ developer: 'Acme', moduleUniqueID: 'ModuleFromDisk', support_email: 'dev@acme.example', version, min_pbx_version: minPbx });
    const good = join(w.dataDir, 'ModuleFromDisk.zip');
    await writeModuleZip(good, [{ name: 'module.json', content: manifest('2.0', '2024.1.1') }, { name: 'Lib/Main.php', content: '<?php // main' }]);
    const tooNew = join(w.dataDir, 'ModuleFromDisk-3.zip');
    await writeModuleZip(tooNew, [{ name: 'module.json', content: manifest('3.0', '2099.1.1') }]);
    const corrupt = join(w.dataDir, 'broken.zip');
    await writeFile(corrupt, 'this is not a zip archive at all, just text');

    const app = await open(w);
    await press(app, 'f');
    await until(app, (f) => /Install a module from a zip file on this PBX/.test(f) && /Zip file/.test(f));
    const submit = async (path: string) => {
      for (let i = 0; i < 80; i++) await press(app, keys.backspace);
      await type(app, path, path.slice(-20));
      await press(app, keys.enter);
    };

    await submit('/no/such/ModuleX.zip');
    let frame = await until(app, (f) => /There is no file \/no\/such\/ModuleX\.zip\./.test(f));
    assert.match(frame, /Check the path of the module archive\./);

    await submit(corrupt);
    frame = await until(app, (f) => /The file is not a readable zip archive/.test(f));
    assert.match(frame.replace(/\s+/g, ' '), /The archive was refused and nothing was installed/);

    await submit(tooNew);
    frame = await until(app, (f) => /ModuleFromDisk 3\.0 needs MikoPBX 2099\.1\.1 or newer; this PBX runs 2025\.1\.120\./.test(f.replace(/\s+/g, ' ')));
    assert.deepEqual(await installed(w), []);

    await submit(good);
    await until(app, (f) => /ModuleFromDisk 2\.0 installed \(disabled\)/.test(f));
    frame = await until(app, (f) => /Installed modules \(1\)/.test(f) && /\[ \] ModuleFromDisk/.test(f));
    assert.match(rowOf(frame, 'ModuleFromDisk'), /\[ \] ModuleFromDisk .* Acme\s+2\.0\s+disabled/);
  });

  test('filter as you type on the installed list and the marketplace', async () => {
    const w = await setUp();
    const { installFromMarketplace } = await import('../../../src/modules/index.js');
    await installFromMarketplace(w.pbx, 'ModuleBackup');
    await installFromMarketplace(w.pbx, 'ModuleTemplate');
    const app = await open(w);
    await until(app, (f) => /Installed modules \(2\)/.test(f));
    await press(app, '/');
    let frame = plain(await type(app, 'back', '1 of 2'));
    assert.match(frame, /\/back/);
    assert.match(frame, /1 of 2/);
    assert.match(frame, /Backup/);
    assert.doesNotMatch(frame, /Module template/);
    frame = plain(await press(app, keys.escape, 'Module template'));

    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await press(app, '/');
    frame = plain(await type(app, 'crm', '1 of 5'));
    assert.match(frame, /Bitrix24/);
    assert.doesNotMatch(frame, /Users UI/);
    await press(app, keys.enter);
    await press(app, 'i');
    await until(app, (f) => /✗ The license key/.test(rowOf(f, 'Bitrix24')));
  });

  test('details: description, state, releases with date, size, changelog and minimum PBX version; EULA of a paid module', async () => {
    const w = await setUp();
    const app = await open(w);
    await press(app, 'm');
    await until(app, (f) => /Marketplace: \d+ module/.test(f));
    await moveTo(app, /Module template/);
    await press(app, keys.enter);
    let frame = await until(app, (f) => /Module template \(ModuleTemplate\)/.test(f) && /Releases/.test(f));
    assert.match(frame, /A skeleton module for developers/);
    assert.match(frame, /Developer: MIKO <help@miko\.ru>/);
    assert.match(frame, /License: free/);
    assert.match(frame, /Installed: no/);
    assert.match(frame, /1\.81 {2}2024-09-30 {2}[\d.]+ KiB {2}needs MikoPBX 2023\.2\.150/);
    assert.match(frame, /• Fixed the database migration on upgrade\./);
    assert.match(frame, /1\.80 {2}2024-03-12/);
    assert.match(frame, /• Settings form rewritten on the new form API\./);
    frame = plain(await press(app, keys.escape, /Marketplace: \d+ module/));
    assert.match(cursorLine(frame), /Module template/, 'back on the same row');

    await moveTo(app, /Users UI/);
    await press(app, keys.enter);
    await until(app, (f) => /Users UI \(ModuleUsersUI\)/.test(f) && /License: paid \(product 127, feature 51\)/.test(f));
    for (let i = 0; i < 4; i++) await press(app, keys.pageDown);
    await until(app, (f) => /END USER LICENSE AGREEMENT/.test(f));
  });

  test('one operation at a time: a second one is refused with the module lock\'s message, on its row', async () => {
    const w = await setUp();
    const { withModuleLock, readLockHolder } = await import('../../../src/modules/lock.js');
    let release!: () => void;
    const holding = withModuleLock(w.dataDir, { operation: 'install', moduleId: 'ModuleAutoprovision' }, () => new Promise<void>((resolve) => (release = resolve)));
    while (!(await readLockHolder(w.dataDir))) await new Promise((resolve) => setTimeout(resolve, 10));
    try {
      const app = await open(w);
      await press(app, 'm');
      await until(app, (f) => /Marketplace: \d+ module/.test(f));
      await moveTo(app, /Module template/);
      await press(app, 'i');
      await until(app, (f) => /Working\.\.\. \(Installing ModuleTemplate\)/.test(f));
      // This console is busy: refused at once.
      await press(app, keys.up, (f) => /Bitrix24/.test(cursorLine(f)));
      await press(app, 'i');
      let frame = await until(app, (f) => /✗ Another module operati/.test(rowOf(f, 'Bitrix24')));
      assert.match(frame.replace(/\s+/g, ' '), /Another module operation is running \(install ModuleTemplate by pid \d+\); try again when it finishes\./);
      // The first waited for the lock another process holds, then gave up with the same message.
      frame = await until(app, (f) => /✗ Another module operati/.test(rowOf(f, 'Module template')));
      await moveTo(app, /Module template/);
      await until(app, (f) => /Another module operation is running \(install ModuleAutoprovision by pid \d+\)/.test(f.replace(/\s+/g, ' ')));
      assert.deepEqual(await installed(w), []);
    } finally {
      release();
      await holding;
    }
  });

  test('--readonly: changing actions are refused with a toast, nothing changes', async () => {
    const w = await setUp();
    const { installFromMarketplace } = await import('../../../src/modules/index.js');
    await installFromMarketplace(w.pbx, 'ModuleBackup');
    const app = await open(w, { readonly: true });
    await until(app, (f) => /Installed modules \(1\)/.test(f));
    // The frame's read-only guard refuses before the screen hears the key, naming what it does,
    // whole on one line.
    const refused = /Read-only mode: "[^"]+" is off\./;
    await press(app, 'e');
    await until(app, (f) => refused.test(f));
    // The toast goes; d brings the same refusal back instead of the delete dialog.
    await until(app, (f) => !refused.test(f));
    const frame = await press(app, 'd', refused);
    assert.doesNotMatch(plain(frame), /Delete Backup/);
    assert.equal((await installed(w))[0]?.enabled, false);
    // The marketplace offers no install, and i, or Enter on a release, is refused.
    const market = plain(await press(app, 'm', 'Marketplace: 5 modules'));
    assert.doesNotMatch(market.trimEnd().split('\n').at(-1) ?? '', /(^|\s)i install/, 'the footer offers no install');
    await press(app, 'i', /Read-only mode: "install" is off\./);
    await press(app, 'r', /pick a release|Version\s+Date/);
    await press(app, keys.enter, /Read-only mode: "install this release" is off\./);
    assert.equal((await installed(w)).length, 1, 'nothing was installed');
  });

  test('without the licensing service the installed list still works and the marketplace says why', async () => {
    const w = await setUp();
    const offline = new PbxContext({ dataDir: w.dataDir, api: 'http://127.0.0.1:9' });
    const { writeModuleZip } = await import('../../../src/licensing/service/catalog/archives.js');
    const { installFromFile } = await import('../../../src/modules/index.js');
    const zip = join(w.dataDir, 'ModuleOffline.zip');
    await writeModuleZip(zip, [{ name: 'module.json', content: JSON.stringify({ developer: 'Acme', moduleUniqueID: 'ModuleOffline', support_email: 'a@b.c', version: '1.0', min_pbx_version: '2024.1.1' }) }]);
    await installFromFile(offline, zip);
    w.app = await renderApp({ pbx: offline, initialScreen: 'modules' });
    try {
      const app = w.app;
      let frame = await until(app, (f) => /Installed modules \(1\)/.test(f) && /Updates unknown: No connection to the licensing service/.test(f));
      assert.match(rowOf(frame, 'ModuleOffline'), /\[ \] ModuleOffline/);
      await press(app, 'e');
      await until(app, (f) => /ModuleOffline is enabled\./.test(f));
      await press(app, 'm');
      frame = await until(app, (f) => /✗ No connection to the licensing service at http:\/\/127\.0\.0\.1:9/.test(f));
      assert.match(frame, /Check the network and the service URL/);
    } finally {
      await offline.close();
    }
  });
});

describe('the license check schedule', () => {
  test('hourly plus up to 5 minutes by default; PBXMOD_LICENSE_CHECK_INTERVAL seconds otherwise', async () => {
    const { licenseCheckSchedule } = await import('../../../src/tui/hooks/use-license-checks.js');
    assert.deepEqual(licenseCheckSchedule({}), { intervalMs: 3_600_000, jitterMs: 300_000 });
    assert.deepEqual(licenseCheckSchedule({ PBXMOD_LICENSE_CHECK_INTERVAL: '60' }), { intervalMs: 60_000, jitterMs: 5_000 });
    assert.deepEqual(licenseCheckSchedule({ PBXMOD_LICENSE_CHECK_INTERVAL: 'soon' }), { intervalMs: 3_600_000, jitterMs: 300_000 });
  });
});
