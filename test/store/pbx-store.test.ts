import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAudit, audited, newPbxState, openPbxStore, pbxStoreFile } from '../../src/store/pbx-store.js';
import { PBX_STORE_VERSION } from '../../src/store/schema.js';
import { builtInDialplanApplications, exampleExtensionNumbers } from '../../src/store/seed-data.js';
import { expectStoreError, tempDir } from './fixtures/temp-dir.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('a new PBX store is a 0600 file with the schema version, built-in dialplan applications and example numbers', async (t) => {
  const dataDir = join(await tempDir(t), 'nested', 'data');
  const file = pbxStoreFile(dataDir);

  const state = await openPbxStore(dataDir).read();

  assert.equal((await stat(file)).mode & 0o777, 0o600);
  const onDisk = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(onDisk.schemaVersion, PBX_STORE_VERSION);
  assert.deepEqual(onDisk, state);
  assert.deepEqual(state.dialplanApplications, builtInDialplanApplications());
  assert.deepEqual(
    state.dialplanApplications.map((a) => a.extension),
    ['000063', '000064', '10003246'],
  );
  assert.deepEqual(state.extensions, exampleExtensionNumbers());
  assert.ok(state.extensions.length > 0);
  assert.deepEqual(state.modules, []);
  assert.deepEqual(state.audit, []);
  assert.equal(state.settings.licenseKey, null);
  assert.match(state.settings.hostId, UUID);
});

test('the store file stays 0600 after updates', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);
  await store.update((s) => {
    s.settings.language = 'ru';
  });
  await store.update((s) => {
    s.settings.language = 'en';
  });
  assert.equal((await stat(pbxStoreFile(dataDir))).mode & 0o777, 0o600);
  assert.deepEqual(await readdir(dataDir), ['pbx.json'], 'no temp file or lock is left behind');
});

test('the host id is made once and stays the same across reopening the store', async (t) => {
  const dataDir = await tempDir(t);
  const first = await openPbxStore(dataDir).read();

  const reopened = openPbxStore(dataDir);
  assert.equal((await reopened.read()).settings.hostId, first.settings.hostId);
  await reopened.update((s) => {
    s.settings.pbxVersion = '2025.2.1';
  });
  assert.equal((await openPbxStore(dataDir).read()).settings.hostId, first.settings.hostId);
});

test('two consoles opening a new data directory at once agree on one host id', async (t) => {
  const dataDir = await tempDir(t);
  const [a, b] = await Promise.all([openPbxStore(dataDir).read(), openPbxStore(dataDir).read()]);
  assert.equal(a.settings.hostId, b.settings.hostId);
  assert.equal((await openPbxStore(dataDir).read()).settings.hostId, a.settings.hostId);
});

const validState = (): Record<string, unknown> => ({ ...newPbxState() });
const withoutSchemaVersion = (): Record<string, unknown> => {
  const { schemaVersion: _dropped, ...rest } = newPbxState();
  return rest;
};

const brokenFiles: { name: string; content: string; code: string; message: RegExp; hint: RegExp }[] = [
  { name: 'invalid JSON', content: '{"schemaVersion": 1, "settings": ', code: 'store_corrupt', message: /not valid JSON/, hint: /backup/ },
  { name: 'an empty file', content: '', code: 'store_corrupt', message: /empty/, hint: /backup/ },
  { name: 'only whitespace', content: ' \n\n', code: 'store_corrupt', message: /empty/, hint: /backup/ },
  { name: 'a JSON array', content: '[]', code: 'store_corrupt', message: /JSON object/, hint: /backup/ },
  { name: 'JSON null', content: 'null', code: 'store_corrupt', message: /JSON object/, hint: /backup/ },
  { name: 'the wrong shape', content: JSON.stringify({ ...validState(), extensions: 'none' }), code: 'store_corrupt', message: /extensions/, hint: /backup/ },
  { name: 'a module missing fields', content: JSON.stringify({ ...validState(), modules: [{ id: 'ModuleX' }] }), code: 'store_corrupt', message: /modules\.0/, hint: /backup/ },
  { name: 'no schemaVersion', content: JSON.stringify(withoutSchemaVersion()), code: 'store_corrupt', message: /schemaVersion/, hint: /backup/ },
  { name: 'a newer schemaVersion', content: JSON.stringify({ ...validState(), schemaVersion: PBX_STORE_VERSION + 1 }), code: 'store_too_new', message: /newer pbxmod/, hint: /Upgrade pbxmod/ },
];

for (const broken of brokenFiles) {
  test(`a store file holding ${broken.name} is reported by read and update and left byte for byte untouched`, async (t) => {
    const dataDir = await tempDir(t);
    const file = pbxStoreFile(dataDir);
    await writeFile(file, broken.content, { mode: 0o600 });
    const before = await readFile(file);
    const store = openPbxStore(dataDir);

    const readError = await expectStoreError(store.read(), broken.code, file);
    assert.match(readError.message, broken.message);
    assert.match(readError.hint ?? '', broken.hint);

    let changeRan = false;
    const updateError = await expectStoreError(
      store.update((s) => {
        changeRan = true;
        s.settings.language = 'ru';
      }),
      broken.code,
      file,
    );
    assert.match(updateError.hint ?? '', broken.hint);
    assert.equal(changeRan, false);
    assert.deepEqual(await readFile(file), before);
    assert.deepEqual(await readdir(dataDir), ['pbx.json'], 'no temp file, backup or lock is left behind');
  });
}

test('the audit log in the store stays within 2000 entries; the oldest move to audit.1.jsonl', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);
  await store.update((s) => {
    for (let i = 0; i < 2005; i++) appendAudit(s, { action: 'test', target: String(i), outcome: 'ok', who: 'tester' });
  });
  const { audit } = await openPbxStore(dataDir).read();
  assert.ok(audit.length <= 2000);
  assert.equal(audit.at(-1)?.target, '2004');
  const rotated = (await readFile(join(dataDir, 'audit.1.jsonl'), 'utf8')).trimEnd().split('\n');
  assert.equal(rotated.length + audit.length, 2005, 'every entry is kept, in the store or the rotated file');
  assert.equal(audit[0]?.target, String(rotated.length));
});

test('an audited action is logged with its outcome, and a failure is logged and rethrown', async (t) => {
  const dataDir = await tempDir(t);
  const store = openPbxStore(dataDir);

  assert.equal(await audited(store, 'modules.enable', 'ModuleA', async () => 42), 42);
  const failure = new Error('archive signature does not match');
  await assert.rejects(
    audited(store, 'modules.install', 'ModuleB', async () => {
      throw failure;
    }),
    (error) => error === failure,
  );

  const { audit } = await openPbxStore(dataDir).read();
  assert.deepEqual(
    audit.map(({ action, target, outcome, detail }) => ({ action, target, outcome, detail })),
    [
      { action: 'modules.enable', target: 'ModuleA', outcome: 'ok', detail: undefined },
      { action: 'modules.install', target: 'ModuleB', outcome: 'failed', detail: 'archive signature does not match' },
    ],
  );
  for (const entry of audit) {
    assert.ok(entry.who.length > 0);
    assert.ok(!Number.isNaN(Date.parse(entry.at)));
  }
});

test('a store error keeps its code, reason and values, and reads in Russian with the Russian catalog', async (t) => {
  const { errorToJson } = await import('../../src/domain/errors.js');
  const { ru } = await import('../../src/i18n/ru.js');
  const dataDir = await tempDir(t);
  const file = pbxStoreFile(dataDir);
  await writeFile(file, JSON.stringify({ ...validState(), schemaVersion: PBX_STORE_VERSION + 1 }), { mode: 0o600 });
  const error = await expectStoreError(openPbxStore(dataDir).read(), 'store_too_new', file);
  assert.deepEqual(errorToJson(error, ru), {
    code: 'store_too_new',
    params: { store: 'PBX store', file, version: PBX_STORE_VERSION + 1, known: PBX_STORE_VERSION },
    message: `Хранилище АТС ${file} записано более новой версией pbxmod (формат ${PBX_STORE_VERSION + 1}; эта знает форматы до ${PBX_STORE_VERSION}).`,
    hint: 'Обновите pbxmod. Файл не тронут.',
  });
  assert.match(error.message, /was written by a newer pbxmod/, 'shown in the language in use, English here');

  await writeFile(file, '[1]', { mode: 0o600 });
  const corrupt = errorToJson(await expectStoreError(openPbxStore(dataDir).read(), 'store_corrupt', file), ru);
  assert.equal(corrupt.reason, 'store_corrupt_not_object');
  assert.equal(corrupt.message, `Не удаётся прочитать хранилище АТС ${file}: в нём нет объекта JSON.`);
});
