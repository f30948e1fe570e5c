import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reason } from '../../../src/domain/errors.js';
import { ModuleBusyError, ModuleError } from '../../../src/modules/errors.js';
import { OperationTracker } from '../../../src/tui/screens/modules/operation-tracker.js';

test('"Another module operation is running" leaves the row when that operation ends; a real failure stays', () => {
  const tracker = new OperationTracker();
  tracker.begin('install', 'ModuleBackup', '1.76');
  // A second action while the install runs is refused on its row.
  tracker.fail('ModuleTemplate', new ModuleBusyError({ operation: 'install', moduleId: 'ModuleBackup', pid: process.pid, since: new Date().toISOString() }));
  tracker.fail('ModuleUsersUI', new ModuleError(reason('module_unpack_disk_full', { entry: '"Lib/a.php"' }), 'disk_full'));
  assert.ok(tracker.getSnapshot().errors.get('ModuleTemplate') instanceof ModuleBusyError);
  tracker.end();
  assert.equal(tracker.getSnapshot().errors.has('ModuleTemplate'), false, 'the busy refusal is stale once the install ended');
  assert.ok(tracker.getSnapshot().errors.get('ModuleUsersUI') instanceof ModuleError);
});
