// Runs every test file under test/ with Node's test runner (Node 20 does not expand globs).
// `node scripts/test.mjs test/dialplan` runs one folder.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path) {
  if (statSync(path).isFile()) return /\.test\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== 'fixtures' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => collect(join(path, name)));
}

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test'];
const files = roots.flatMap(collect);
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}.`);
  process.exit(1);
}
// A file that never ends (a server or timer left running) fails by name after 15 minutes,
// instead of holding the whole run until CI's own limit; no single file takes near that here.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=900000', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
