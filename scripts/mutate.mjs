// Mutation check of pbxmod's own safety rules: each mutation below removes ONE rule from a copy
// of the sources, then runs the test file that guards it. The test must fail ("killed"); a test
// that stays green ("survived") does not guard the rule. Not part of `npm test` (a minute or two).
//
//   node scripts/mutate.mjs            every mutation
//   node scripts/mutate.mjs archive    those whose rule or name contains "archive"
//
// README's "How we know the tests bite" lists the same rules. A mutation whose text is no longer
// in the sources is reported as STALE: update it with the code it guards.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** rule, what the mutation does, the file it edits, its edits [text, replacement], the guarding test. */
const mutations = [
  // Archive path rules, on entry names (the zip library refuses some of these by itself).
  {
    rule: 'archive paths',
    name: 'no ".." rule',
    file: 'src/domain/archive-entry-name.ts',
    edits: [[`  if (segments.includes('..')) return 'would be written outside the module directory ("..")';\n`, '']],
    guard: 'test/domain/archive-entry-name.test.ts',
  },
  {
    rule: 'archive paths',
    name: 'none of the three ".." defences (name rule, zip library error mapping, extraction check)',
    file: 'src/domain/archive-entry-name.ts',
    edits: [[`  if (segments.includes('..')) return 'would be written outside the module directory ("..")';\n`, '']],
    also: [
      {
        file: 'src/modules/archive.ts',
        edits: [
          [`    if (kind === 'invalid relative path') return unsafe(name, 'would be written outside the module directory ("..")');\n`, ''],
          [`      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw unsafe(item.path, 'would be written outside the module directory');\n`, ''],
        ],
      },
    ],
    guard: 'test/domain/archive-entry-name.test.ts',
  },
  { rule: 'archive paths', name: 'no absolute-path rule', file: 'src/domain/archive-entry-name.ts', edits: [[`  if (name.startsWith('/')) return 'has an absolute path';\n`, '']], guard: 'test/domain/archive-entry-name.test.ts' },
  { rule: 'archive paths', name: 'no drive-letter rule', file: 'src/domain/archive-entry-name.ts', edits: [[`  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter (an absolute path)';\n`, '']], guard: 'test/domain/archive-entry-name.test.ts' },
  {
    rule: 'archive paths',
    name: 'no backslash rule',
    file: 'src/domain/archive-entry-name.ts',
    edits: [[`  if (name.includes('\\\\')) return 'uses backslashes, which can turn into a path outside the module directory on some systems';\n`, '']],
    guard: 'test/domain/archive-entry-name.test.ts',
  },
  {
    rule: 'archive paths',
    name: 'the archive reader skips the name rules',
    file: 'src/modules/archive.ts',
    edits: [['  const why = unsafeEntryName(name, limits.maxNameBytes);\n', '  const why = undefined as string | undefined;\n']],
    guard: 'test/modules/archive-safety.test.ts',
  },

  // The download against what the service announced.
  { rule: 'download size', name: 'Content-Length not compared', file: 'src/modules/download.ts', edits: [['if (announced !== undefined && Number(announced) !== size) {', 'if (false) {']], guard: 'test/modules/download.test.ts' },
  { rule: 'download size', name: 'a body growing past the size not stopped', file: 'src/modules/download.ts', edits: [['      if (received > size) {', '      if (false) {']], guard: 'test/modules/download.test.ts' },
  { rule: 'download size', name: 'a short body accepted', file: 'src/modules/download.ts', edits: [['  if (received < size) throw cutOff(url, received, size);\n', '']], guard: 'test/modules/download.test.ts' },
  { rule: 'download md5', name: 'md5 not compared', file: 'src/modules/download.ts', edits: [['  if (md5 !== expectedMd5) {', '  if (false) {']], guard: 'test/modules/download.test.ts' },

  // The license key: masked in the audit log and in what `license show` prints.
  { rule: 'key masking', name: 'module audit keeps a key in a failure message', file: 'src/modules/audit.ts', edits: [['.replace(KEY_LIKE, (key) => maskLicenseKey(key))', '']], guard: 'test/modules/audit.test.ts' },
  {
    rule: 'key masking',
    name: 'the reveal audit names the full key',
    file: 'src/licensing/marketplace-registration.ts',
    edits: [["{ action: 'license.reveal', target: maskLicenseKey(key), outcome: 'ok' }", "{ action: 'license.reveal', target: key, outcome: 'ok' }"]],
    guard: 'test/licensing/key-masking.test.ts',
  },
  { rule: 'key masking', name: 'show prints the full key unasked', file: 'src/licensing/marketplace-registration.ts', edits: [['key: options.reveal ? key : maskLicenseKey(key)', 'key: key']], guard: 'test/licensing/key-masking.test.ts' },
  { rule: 'key masking', name: 'the set-key audit names the full key', file: 'src/licensing/marketplace-registration.ts', edits: [["audited(ctx.store, 'license.set-key', maskLicenseKey(key),", "audited(ctx.store, 'license.set-key', key,"]], guard: 'test/licensing/key-masking.test.ts' },
  { rule: 'key masking', name: 'the reset audit names the full key', file: 'src/licensing/marketplace-registration.ts', edits: [["audited(ctx.store, 'license.reset', maskLicenseKey(key),", "audited(ctx.store, 'license.reset', key,"]], guard: 'test/licensing/key-masking.test.ts' },

  // Where the data lives.
  { rule: 'data directory', name: 'PBXMOD_DATA_DIR ignored', file: 'src/config.ts', edits: [['const chosen = flag ?? env.PBXMOD_DATA_DIR;', 'const chosen = flag;']], guard: 'test/config.test.ts' },
  { rule: 'data directory', name: 'PBXMOD_DATA_DIR wins over --data-dir', file: 'src/config.ts', edits: [['const chosen = flag ?? env.PBXMOD_DATA_DIR;', 'const chosen = env.PBXMOD_DATA_DIR ?? flag;']], guard: 'test/config.test.ts' },
  { rule: 'data directory', name: 'XDG_DATA_HOME ignored', file: 'src/config.ts', edits: [['const base = xdg && isAbsolute(xdg) ? xdg :', 'const base = xdg === "never" ? xdg :']], guard: 'test/config.test.ts' },

  // One module operation at a time.
  {
    rule: 'module lock',
    name: 'the lock is never taken (a live holder is not refused)',
    file: 'src/modules/lock.ts',
    edits: [['  const started = Date.now();\n  for (;;) {', '  return async () => undefined;\n  const started = Date.now();\n  for (;;) {']],
    guard: 'test/modules/module-lock.test.ts',
  },

  // Durable atomic writes of the store.
  {
    rule: 'atomic write',
    name: 'the store file is written in place (no temp file and rename)',
    file: 'src/store/json-file.ts',
    edits: [
      ["const handle = await open(temp, 'wx', 0o600);", "const handle = await open(file, 'w', 0o600);"],
      ['      await rename(temp, file);\n', ''],
    ],
    guard: 'test/store/atomic-write.test.ts',
  },
];

const filter = process.argv[2]?.toLowerCase();
const chosen = mutations.filter((m) => !filter || `${m.rule} ${m.name}`.toLowerCase().includes(filter));
if (chosen.length === 0) {
  console.error(`No mutation matches "${process.argv[2]}".`);
  process.exit(2);
}

/** A copy of what the tests need (sources, tests, configuration), with node_modules linked. */
function copyOfRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'pbxmod-mutant-'));
  for (const entry of ['src', 'test', 'package.json', 'tsconfig.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function applyEdits(dir, file, edits) {
  const path = join(dir, file);
  let text = readFileSync(path, 'utf8');
  for (const [find, replace] of edits) {
    const count = text.split(find).length - 1;
    if (count !== 1) return `${file}: expected the text once, found it ${count} times: ${JSON.stringify(find.slice(0, 70))}`;
    text = text.replace(find, () => replace);
  }
  writeFileSync(path, text);
  return undefined;
}

function runGuard(dir, guard) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', guard], { cwd: dir, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
  const failed = result.status !== 0;
  const firstFailure = /^\s*not ok \d+ - (.*)$/m.exec(result.stdout ?? '')?.[1];
  return { failed, seconds: ((Date.now() - started) / 1000).toFixed(1), firstFailure, timedOut: result.error?.code === 'ETIMEDOUT' };
}

// Each guard must pass on the sources as they are: a guard that fails anyway kills nothing.
const guards = [...new Set(chosen.map((m) => m.guard))];
const broken = new Set();
for (const guard of guards) {
  const dir = copyOfRepository();
  try {
    const run = runGuard(dir, guard);
    if (run.failed) {
      broken.add(guard);
      console.log(`GUARD FAILS UNMUTATED  ${guard}${run.firstFailure ? `: ${run.firstFailure}` : ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const m of chosen) {
  const dir = copyOfRepository();
  try {
    let verdict;
    let detail = '';
    const problem = [{ file: m.file, edits: m.edits }, ...(m.also ?? [])].map((e) => applyEdits(dir, e.file, e.edits)).find(Boolean);
    if (problem) {
      verdict = 'STALE';
      detail = problem;
    } else if (broken.has(m.guard)) {
      verdict = 'NO GUARD';
      detail = 'the guarding test fails without the mutation';
    } else {
      const run = runGuard(dir, m.guard);
      verdict = run.failed ? 'killed' : 'SURVIVED';
      detail = `${run.seconds} s${run.timedOut ? ', timed out' : ''}${run.firstFailure ? `; failed: ${run.firstFailure}` : ''}`;
    }
    results.push({ ...m, verdict });
    console.log(`${verdict.padEnd(9)} ${m.rule.padEnd(15)} ${m.name}  [${m.guard}] ${detail}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const killed = results.filter((r) => r.verdict === 'killed').length;
console.log(`\n${killed} of ${results.length} mutations killed${killed === results.length ? '' : `; not killed: ${results.filter((r) => r.verdict !== 'killed').map((r) => `${r.rule}: ${r.name} (${r.verdict})`).join('; ')}`}.`);
process.exit(killed === results.length ? 0 : 1);
