import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditedModuleOperation } from '../../src/modules/audit.js';
import { auditActionText, auditDetail, auditDetailText } from '../../src/domain/audit-words.js';
import { ValidationError, reason } from '../../src/domain/errors.js';
import { loadMessages, t } from '../../src/i18n/catalogs.js';
import { openPbxStore, pbxStoreFile, type PbxStore } from '../../src/store/pbx-store.js';

const KEY = 'MIKO-ABCDE-FGHIJ-KLMNO-PQRST';
const OTHER = 'MIKO-ZZZZ1-YYYY2-XXXX3-WWWW4';

describe('the audit of module operations', () => {
  let dir: string;
  let store: PbxStore;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pbxmod-audit-'));
    store = openPbxStore(dir);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records a failure with the message, every license key in it masked, and rethrows the error as it was', async () => {
    const failure = new Error(`The service refused ${KEY} (and ${OTHER}) for ModuleUsersUI.`);
    await assert.rejects(
      auditedModuleOperation(store, 'module.install', 'ModuleUsersUI', async () => {
        throw failure;
      }),
      (error: unknown) => error === failure,
    );
    const entry = (await store.read()).audit.at(-1);
    assert.ok(entry, 'the failure is in the audit log');
    assert.deepEqual([entry.action, entry.target, entry.outcome], ['module.install', 'ModuleUsersUI', 'failed']);
    assert.equal(entry.detail, 'The service refused MIKO-*****-*****-*****-PQRST (and MIKO-*****-*****-*****-WWWW4) for ModuleUsersUI.');
    const onDisk = await readFile(pbxStoreFile(dir), 'utf8');
    for (const group of ['ABCDE', 'FGHIJ', 'KLMNO', 'ZZZZ1']) assert.ok(!onDisk.includes(group), `${group} on disk`);
  });

  it('records a success with its detail as an id and values, worded in the language it is shown in', async () => {
    const result = await auditedModuleOperation(store, 'module.update-all', 'all', async () => 3, (n) => auditDetail('updatedAll', { updated: n, failed: 1 }));
    assert.equal(result, 3);
    const entry = (await store.read()).audit.at(-1);
    assert.ok(entry);
    assert.deepEqual([entry.action, entry.outcome, entry.detail], ['module.update-all', 'ok', '3 updated, 1 failed']);
    assert.deepEqual(entry.detailReason, { kind: 'detail', id: 'updatedAll', params: { updated: 3, failed: 1 } });
    assert.equal(auditDetailText(entry, await loadMessages('ru')), 'обновлено: 3, ошибок: 1');
    assert.equal(auditDetailText(entry, t), '3 updated, 1 failed');
    assert.equal(auditActionText(entry.action, await loadMessages('ru')), 'обновление всех модулей');
  });

  it('records a failure by its error reason, a key in its values masked, and words it in Russian when shown', async () => {
    await assert.rejects(
      auditedModuleOperation(store, 'license.register', 'Acme', async () => {
        throw new ValidationError(reason('already_registered', { key: KEY }));
      }),
      ValidationError,
    );
    const entry = (await store.read()).audit.at(-1);
    assert.ok(entry);
    assert.deepEqual(entry.detailReason, { kind: 'error', id: 'already_registered', params: { key: 'MIKO-*****-*****-*****-PQRST' } });
    assert.equal(entry.detail, 'This PBX is already registered (key MIKO-*****-*****-*****-PQRST).');
    assert.equal(auditDetailText(entry, await loadMessages('ru')), 'Эта АТС уже зарегистрирована (ключ MIKO-*****-*****-*****-PQRST).');
    const onDisk = await readFile(pbxStoreFile(dir), 'utf8');
    assert.ok(!onDisk.includes('FGHIJ'), 'the key is not on disk whole');
  });

  it('shows an entry of an older version, with a plain detail and no reason, as it is', async () => {
    const ru = await loadMessages('ru');
    assert.equal(auditDetailText({ detail: 'answer 42' }, ru), 'answer 42');
    assert.equal(auditDetailText({ detail: `refused ${KEY}` }, ru), 'refused MIKO-*****-*****-*****-PQRST');
    // A reason this version does not know, or whose values do not fit, falls back to the stored words.
    assert.equal(auditDetailText({ detail: 'kept', detailReason: { kind: 'detail', id: 'fromTheFuture', params: {} } }, ru), 'kept');
    assert.equal(auditDetailText({ detail: 'kept', detailReason: { kind: 'detail', id: 'applicationChanged', params: {} } }, ru), 'kept');
    assert.equal(auditActionText('module.frobnicate', ru), 'module.frobnicate');
  });
});
