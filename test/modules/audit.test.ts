import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditedModuleOperation } from '../../src/modules/audit.js';
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

  it('records a success with its detail', async () => {
    const result = await auditedModuleOperation(store, 'module.enable', 'ModuleTemplate', async () => 42, (n) => `answer ${n}`);
    assert.equal(result, 42);
    const entry = (await store.read()).audit.at(-1);
    assert.deepEqual([entry?.action, entry?.outcome, entry?.detail], ['module.enable', 'ok', 'answer 42']);
  });
});
