// The version and the commit a build is made from, written into the bundle and the
// executables as the constant PBXMOD_BUILD (src/build-info.ts reads it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function buildDefine() {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: new URL('..', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'unknown';
  } catch {
    // Not a git checkout (an unpacked tarball): the commit is unknown, the build goes on.
  }
  return { PBXMOD_BUILD: JSON.stringify({ version, commit }) };
}
