import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHP_NOT_FOUND, checkPhpSyntax } from '../../src/dialplan/php-lint.js';
import { phpOnPath } from './helpers.js';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pbxmod-php-lint-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('php -l on a PHP-AGI script', () => {
  it('says the script is fine when php -l finds no error', async () => {
    assert.deepEqual(await checkPhpSyntax('#!/usr/bin/php\n<?php\n$agi = 1;\n', { env: await phpOnPath(root) }), { checked: true, ok: true, message: 'php -l: no syntax errors' });
  });

  it("gives php -l's error and its line", async () => {
    const result = await checkPhpSyntax('#!/usr/bin/php\n<?php\nBROKEN\n', { env: await phpOnPath(root) });
    assert.deepEqual(result, { checked: true, ok: false, message: 'php -l: Parse error: syntax error, unexpected identifier "BROKEN"', line: 3 });
  });

  it('says "not checked: php not found" when there is no php binary', async () => {
    assert.deepEqual(await checkPhpSyntax('<?php\n', { env: await phpOnPath(root, false) }), { checked: false, message: PHP_NOT_FOUND });
    assert.equal(PHP_NOT_FOUND, 'not checked: php not found');
  });
});
