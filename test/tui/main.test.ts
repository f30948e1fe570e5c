import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

const runner = join(root, 'test/tui/run-console.ts');

function runConsoleWith(stdinInput: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pbxmod-main-'));
  try {
    return spawnSync(process.execPath, ['--import', 'tsx', runner, JSON.stringify({ dataDir })], { cwd: root, input: stdinInput, encoding: 'utf8', timeout: 30_000 });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('runConsole without a terminal', () => {
  test('refuses with exit code 2, names the command line, no stack trace', () => {
    const result = runConsoleWith('');
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /console needs a terminal/);
    assert.match(result.stderr, /pbxmod license show/);
    assert.match(result.stderr, /pbxmod --help/);
    assert.doesNotMatch(result.stderr, /\bat .*\(.*:\d+:\d+\)|setRawMode|Raw mode/);
    assert.equal(result.stdout, '', 'nothing on stdout: no escape codes for a pipe');
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('runConsole in a terminal', { skip: hasScript ? false : 'needs util-linux script(1) for a pseudo-terminal' }, () => {
  test('a bad --size is refused before the screen is taken over', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pbxmod-main-'));
    try {
      const options = JSON.stringify({ dataDir, size: '80by24' });
      const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(runner)} '${options}'`;
      const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 30_000, input: '' });
      assert.equal(result.status, 2, result.stdout);
      assert.match(result.stdout, /--size must be columns x rows, like 80x24; got "80by24"/);
      assert.doesNotMatch(result.stdout, /\u001B\[\?1049h/, 'the alternate screen was never entered');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
