import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterApplications } from '../../src/domain/dialplan.js';
import { builtInDialplanApplications } from '../../src/store/seed-data.js';
import { runCli, tempDir } from '../support/cli.js';

test('the dialplan filter finds an application by a word of its code', () => {
  const apps = builtInDialplanApplications();
  // SayDigits is in the code of 000063 only; its name and description do not say it.
  assert.deepEqual(filterApplications(apps, 'SAYDIGITS').map((a) => a.extension), ['000063']);
  assert.deepEqual(filterApplications(apps, 'hangup()').map((a) => a.extension), ['000063', '000064', '10003246']);
});

test('pbxmod dialplan list --filter matches code too', async () => {
  const dir = await tempDir('pbxmod-dialplan-filter-');
  try {
    const result = await runCli(['--data-dir', dir.path, 'dialplan', 'list', '--filter', 'saydigits', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual((result.json.applications as Array<{ extension: string }>).map((a) => a.extension), ['000063']);
  } finally {
    await dir.remove();
  }
});
