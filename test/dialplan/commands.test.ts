import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { DialplanApplication } from '../../src/store/schema.js';
import { openPbxStore } from '../../src/store/pbx-store.js';
import { verdictCases } from './fixtures/asterisk22-verdicts.js';
import { pbxmod, phpOnPath } from './helpers.js';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pbxmod-dialplan-cli-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

let dirs = 0;
/** A fresh PBX for one test (tests here run side by side). */
function newDataDir(): string {
  return join(root, `pbx-${++dirs}`);
}

interface JsonOk {
  ok: true;
  application: DialplanApplication;
  applications: DialplanApplication[];
  [key: string]: unknown;
}

async function json(dataDir: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<JsonOk> {
  const r = await pbxmod(dataDir, ['--json', 'dialplan', ...args], options);
  assert.equal(r.code, 0, `pbxmod dialplan ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  const out = JSON.parse(r.stdout) as JsonOk;
  assert.equal(out.ok, true);
  return out;
}

async function jsonError(dataDir: string, args: string[], exitCode: number, options: { input?: string } = {}) {
  const r = await pbxmod(dataDir, ['--json', 'dialplan', ...args], options);
  assert.equal(r.code, exitCode, `exit code of pbxmod dialplan ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  const out = JSON.parse(r.stdout) as { ok: false; error: { code: string; message: string; hint?: string; field?: string } };
  assert.equal(out.ok, false);
  return out.error;
}

describe('pbxmod dialplan … (spawned end to end)', { concurrency: true }, () => {
  it('list shows the built-in applications, as JSON and as a table', async () => {
    const d = newDataDir();
    const out = await json(d, ['list']);
    assert.deepEqual(out.applications.map((a) => a.extension), ['000063', '000064', '10003246']);
    assert.equal(out.count, 3);
    const text = await pbxmod(d, ['dialplan', 'list', '--filter', 'milli']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^NUMBER\s+NAME\s+TYPE\s+DESCRIPTION\n000064\s+Milliwatt\s+plaintext\s+Plays a 1004 Hz/);
    assert.equal(text.stdout.trim().split('\n').length, 2);
    const none = await pbxmod(d, ['dialplan', 'list', '--filter', 'zzz']);
    assert.equal(none.stdout, 'No dialplan application matches "zzz".\n');
  });

  it('add takes the next free number (2200101) and type php when not given', async () => {
    const d = newDataDir();
    const { application } = await json(d, ['add', '--name', 'Night greeting', '--description', 'after hours']);
    assert.equal(application.extension, '2200101');
    assert.equal(application.type, 'php');
    assert.match(application.uniqid, /^DIALPLAN-[0-9A-F]{8}$/);
    const text = await pbxmod(d, ['dialplan', 'add', '--name', 'Second'], { env: await phpOnPath(root, false) });
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Added dialplan application 2200102 "Second" \(DIALPLAN-[0-9A-F]{8}\), type php\.\nPHP syntax: not checked: php not found\n$/);
  });

  it('add refuses a busy number or bad fields with exit code 2 and every problem', async () => {
    const d = newDataDir();
    const error = await jsonError(d, ['add', '--name', 'Clash', '--ext', '201'], 2);
    assert.equal(error.message, 'Number 201 is busy: employee Reception uses it. Choose another number, e.g. 2200101.');
    assert.equal(error.field, 'extension');
    const text = await pbxmod(d, ['dialplan', 'add', '--ext', '22a', '--type', 'perl']);
    assert.equal(text.code, 2);
    assert.equal(
      text.stderr,
      'pbxmod: Name is required: type a short name for the list, e.g. Night greeting.\n' +
        'Number "22a" contains "a". Use only digits 0-9 and # + * | X, e.g. 2200101.\n' +
        'Type "perl" is not known: choose php (a PHP-AGI script) or plaintext (Asterisk dialplan lines).\n' +
        '3 fields need fixing; nothing was saved.\n',
    );
    assert.equal((await json(d, ['list'])).applications.length, 3);
  });

  it('add reads the code from a file or from standard input, and names a file it cannot read', async () => {
    const d = newDataDir();
    const file = join(root, `code-${dirs}.conf`);
    await writeFile(file, '1,Answer()\nn,Playback(hello-world)\nn,Hangup()\n');
    const fromFile = await json(d, ['add', '--name', 'Hello', '--type', 'plaintext', '--code-file', file]);
    assert.equal(fromFile.application.code, '1,Answer()\nn,Playback(hello-world)\nn,Hangup()\n');
    const fromStdin = await json(d, ['add', '--name', 'Script', '--code-file', '-'], { input: '<?php\n$agi->answer();\n' });
    assert.equal(fromStdin.application.code, '<?php\n$agi->answer();\n');
    const missing = join(root, 'no-such-file.php');
    const error = await jsonError(d, ['add', '--name', 'Nope', '--code-file', missing], 2);
    assert.equal(error.message, `Cannot read the code file ${missing}: there is no such file.`);
    assert.equal(error.hint, 'Check the path, or give - to read the code from standard input.');
    assert.equal((await jsonError(d, ['add', '--name', 'Nope', '--code-file', root], 2)).message, `Cannot read the code file ${root}: it is a directory.`);
  });

  it('show finds an application by number or id; a missing one exits 1 with a way forward', async () => {
    const d = newDataDir();
    assert.equal((await json(d, ['show', '000064'])).application.uniqid, 'DIALPLAN-0000064A');
    assert.equal((await json(d, ['show', 'dialplan-0000064a'])).application.extension, '000064');
    const text = await pbxmod(d, ['dialplan', 'show', '000064']);
    assert.match(text.stdout, /^000064  Milliwatt\nId:\s+DIALPLAN-0000064A\nType:\s+plaintext \(dialplan lines\)\n[\s\S]*--- code ---\n1,Answer\(\)\n2,Milliwatt\(\)\n3,Hangup\(\)\n$/);
    const missing = await pbxmod(d, ['dialplan', 'show', '999']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'pbxmod: There is no dialplan application with number 999.\nList the applications with `pbxmod dialplan list`; give its number or its DIALPLAN-XXXXXXXX id.\n');
  });

  it('edit changes only the fields given, and says when nothing was given', async () => {
    const d = newDataDir();
    const { application } = await json(d, ['edit', '000064', '--name', 'Test tone', '--ext', '6464', '--hint', 'Custom:6464']);
    assert.deepEqual([application.name, application.extension, application.hint, application.code], ['Test tone', '6464', 'Custom:6464', '1,Answer()\n2,Milliwatt()\n3,Hangup()']);
    const error = await jsonError(d, ['edit', '6464'], 2);
    assert.equal(error.message, 'Nothing to change.');
    assert.equal((await jsonError(d, ['edit', '6464', '--ext', '202'], 2)).message, 'Number 202 is busy: employee Sales uses it. Choose another number, e.g. 2200101.');
  });

  it('edit --editor runs $EDITOR on the code and saves what it wrote; a failing editor changes nothing', async () => {
    const d = newDataDir();
    const appendEditor = join(root, 'append.sh');
    await writeFile(appendEditor, 'case "$1" in *.conf) ;; *) exit 3 ;; esac\nprintf "4,Hangup()\\n" >> "$1"\n', { mode: 0o755 });
    const edited = await json(d, ['edit', '000064', '--editor'], { env: { EDITOR: `sh ${appendEditor}`, VISUAL: '' } });
    assert.equal(edited.application.code, '1,Answer()\n2,Milliwatt()\n3,Hangup()\n4,Hangup()');

    const failed = await pbxmod(d, ['dialplan', 'edit', '000064', '--editor'], { env: { EDITOR: 'false', VISUAL: '' } });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /^pbxmod: The editor "false" exited with status 1; your text is unchanged\./);
    assert.equal((await json(d, ['show', '000064'])).application.code, '1,Answer()\n2,Milliwatt()\n3,Hangup()\n4,Hangup()');

    const unchanged = await json(d, ['edit', '000064', '--editor'], { env: { EDITOR: 'true', VISUAL: '' } });
    assert.equal(unchanged.changed, false);
  });

  it('edit --editor keeps the edited code in a file when the save is refused', async () => {
    const d = newDataDir();
    const refused = await pbxmod(d, ['--json', 'dialplan', 'edit', '000064', '--editor', '--ext', '201'], { env: { EDITOR: `sh -c 'echo "4,Wait(1)" >> "$0"'`, VISUAL: '' } });
    assert.equal(refused.code, 2);
    const error = (JSON.parse(refused.stdout) as { error: { message: string; hint: string } }).error;
    assert.match(error.message, /^Number 201 is busy/);
    const kept = /Your edited code was kept in (\S+\.conf); use it with --code-file \1\.$/.exec(error.hint);
    assert.ok(kept, error.hint);
    assert.equal(await readFile(kept[1]!, 'utf8'), '1,Answer()\n2,Milliwatt()\n3,Hangup()\n4,Wait(1)');
    // In the data directory's private folder, under a name nobody can guess — not a predictable /tmp name.
    assert.equal(dirname(kept[1]!), join(d, 'unsaved-edits'));
    assert.equal((await stat(dirname(kept[1]!))).mode & 0o777, 0o700);
    assert.equal((await stat(kept[1]!)).mode & 0o777, 0o600);
    assert.match(basename(kept[1]!), /^[A-Za-z0-9._-]+-\d+-[0-9a-f]{8}\.conf$/);
    await rm(kept[1]!);
  });

  it('copy gives a new number and "(copy)" name', async () => {
    const d = newDataDir();
    const { application } = await json(d, ['copy', '10003246']);
    assert.equal(application.extension, '2200101');
    assert.equal(application.name, 'Echo test (copy)');
    assert.notEqual(application.uniqid, 'DIALPLAN-10003246');
  });

  it('rm asks first: without a terminal it needs --yes, and nothing is deleted until then', async () => {
    const d = newDataDir();
    const refused = await jsonError(d, ['rm', '000063'], 1);
    assert.equal(refused.code, 'confirmation_required');
    assert.match(refused.message, /^Delete dialplan application 000063 "Caller number readback" \(DIALPLAN-0000063A\)\? Not confirmed/);
    assert.equal(refused.hint, 'Add --yes to confirm from a script.');
    assert.equal((await json(d, ['list'])).applications.length, 3);
    const deleted = await json(d, ['rm', '000063', '--yes']);
    assert.equal((deleted.deleted as DialplanApplication).uniqid, 'DIALPLAN-0000063A');
    assert.deepEqual((await json(d, ['list'])).applications.map((a) => a.extension), ['000064', '10003246']);
    assert.equal((await jsonError(d, ['rm', '000063', '--yes'], 1)).code, 'dialplan_not_found');
  });

  it('export writes the context and the AGI scripts, and refuses a path it cannot use', async () => {
    const d = newDataDir();
    const { application } = await json(d, ['add', '--name', 'Night', '--code-file', '-'], { input: '<?php\n// night\n' });
    const out = join(d, 'export-here');
    const result = (await json(d, ['export', '--out', out])).export as { conf: string; scripts: string[] };
    assert.equal(result.conf, join(out, 'dialplan-applications.conf'));
    assert.match(await readFile(result.conf, 'utf8'), new RegExp(`\\[applications\\][\\s\\S]*exten => _2200101,1,AGI\\(${application.uniqid}\\.php\\)`));
    const script = join(out, 'agi-bin', `${application.uniqid}.php`);
    assert.equal(await readFile(script, 'utf8'), '#!/usr/bin/php\n<?php\n// night\n');
    assert.equal((await stat(script)).mode & 0o777, 0o755);

    const byDefault = await pbxmod(d, ['dialplan', 'export']);
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.ok(existsSync(join(d, 'dialplan', 'dialplan-applications.conf')));
    assert.match(byDefault.stdout, /Include it in extensions\.conf with: #include .*dialplan-applications\.conf/);

    const onFile = await jsonError(d, ['export', '--out', result.conf], 1);
    assert.equal(onFile.message, `Cannot export to ${result.conf}: it is a file, not a directory.`);
  });

  it('preview shows the generated dialplan and flags the lines Asterisk drops or misreads, by number', async () => {
    const d = newDataDir();
    await json(d, ['add', '--name', 'Mixed', '--type', 'plaintext', '--code-file', '-'], { input: '1,Answer()\n\nPlayback(hello)\nn,Hangup\n' });
    const out = await json(d, ['preview', '2200101']);
    assert.equal(out.dialplan, 'exten => _2200101,1,Answer()\n\tsame => Playback(hello)\n\tsame => n,Hangup\n');
    assert.deepEqual((out.problems as { line: number }[]).map((p) => p.line), [3]);
    assert.deepEqual((out.lines as { line: number; verdict: string }[]).map((l) => [l.line, l.verdict]), [[1, 'loads'], [3, 'dropped'], [4, 'loads']]);
    const text = await pbxmod(d, ['dialplan', 'preview', '2200101']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /line 3: no priority: start the line with 1, n or n\(label\) and a comma, e\.g\. n,Playback\(hello\); Asterisk drops it \("Invalid priority\/label"\): Playback\(hello\)\n/);

    const { application } = await json(d, ['add', '--name', 'Script', '--code-file', '-'], { input: '<?php\n$agi = 1;\n' });
    const php = await pbxmod(d, ['dialplan', 'preview', application.uniqid], { env: await phpOnPath(root, false) });
    assert.equal(
      php.stdout,
      `exten => _2200102,1,AGI(${application.uniqid}.php)\n\tsame => n,Hangup()\n\n; agi-bin/${application.uniqid}.php (executable):\n#!/usr/bin/php\n<?php\n$agi = 1;\n\nPHP syntax: not checked: php not found\n`,
    );
  });

  it('preview and save run php -l when php is on PATH, giving the line of the code', async () => {
    const d = newDataDir();
    const env = await phpOnPath(root);
    const added = await pbxmod(d, ['--json', 'dialplan', 'add', '--name', 'Script', '--code-file', '-'], { input: '<?php\nBROKEN\n', env });
    assert.deepEqual(added.json.php, { checked: true, ok: false, message: 'php -l: Parse error: syntax error, unexpected identifier "BROKEN"', line: 2 });
    const preview = await json(d, ['preview', '2200101'], { env });
    assert.deepEqual(preview.php, added.json.php);
    const lint = 'php -l: Parse error: syntax error, unexpected identifier "BROKEN"';
    assert.deepEqual(preview.problems, [{ line: 2, text: '', code: 'php_lint', message: lint, checks: [{ code: 'php_lint', params: { message: lint }, message: lint }] }]);
    const fixed = await pbxmod(d, ['dialplan', 'edit', '2200101', '--code-file', '-'], { input: '<?php\n$agi = 1;\n', env });
    assert.match(fixed.stdout, /\nPHP syntax: php -l: no syntax errors\n$/);
  });

  it("preview --json gives every case of the verdict table Asterisk 22's verdict", async () => {
    const d = newDataDir();
    // Straight into the store: the cases that leak are refused on save.
    const store = openPbxStore(d);
    const cases = verdictCases.map((c, i) => ({ c, app: { uniqid: `DIALPLAN-${(0xc0000 + i).toString(16).toUpperCase().padStart(8, '0')}`, name: `Case ${i}`, extension: c.extension ?? String(2300000 + i), hint: c.hint ?? '', type: 'plaintext' as const, code: c.code, description: '' } }));
    const seen = new Set<string>();
    const distinct = cases.filter(({ app }) => !seen.has(app.extension) && seen.add(app.extension));
    await store.update((state) => {
      state.dialplanApplications.push(...distinct.map((x) => x.app));
    });
    for (const { c, app } of distinct) {
      const out = await json(d, ['preview', app.uniqid]);
      assert.deepEqual((out.lines as { verdict: string }[]).map((l) => l.verdict), c.lines, c.name);
      if (c.hint_verdict) assert.equal((out.hint as { verdict: string }).verdict, c.hint_verdict, c.name);
    }
  });

  it('--lang ru: preview says what is wrong with a line in Russian, with and without --json, under the same codes', async () => {
    const d = newDataDir();
    const store = openPbxStore(d);
    await store.update((state) => {
      state.dialplanApplications.push({ uniqid: 'DIALPLAN-0000AB01', name: 'Bad', extension: '2200160', hint: 'PJSIP/201 ; desk', type: 'plaintext', code: '1,Answer()\nPlayback(hello)\nn,', description: '' });
    });
    const text = await pbxmod(d, ['--lang', 'ru', 'dialplan', 'preview', '2200160']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\n {2}хинт: «;» в Asterisk начинает комментарий, поэтому хинт заканчивается на «PJSIP\/201»; точку с запятой пишите как \\;\n/);
    assert.match(text.stdout, /\n {2}строка 2: нет приоритета: начните строку с 1, n или n\(метка\) и запятой, например n,Playback\(hello\); Asterisk отбрасывает её \(«Invalid priority\/label»\): Playback\(hello\)\n/);
    assert.match(text.stdout, /\n {2}строка 3: после приоритета нет приложения: вызов здесь остановится; напишите, например, n,Hangup\(\): n,\n/);
    assert.doesNotMatch(text.stdout, /no priority|the hint|line \d|a call stops/);

    type Problem = { line: number | null; code: string; message: string; checks: { code: string; message: string }[] };
    type Reading = { verdict: string; message?: string; checks?: { code: string; params: Record<string, unknown>; message: string }[] };
    const inRussian = await pbxmod(d, ['--lang', 'ru', '--json', 'dialplan', 'preview', '2200160']);
    const inEnglish = await pbxmod(d, ['--lang', 'en', '--json', 'dialplan', 'preview', '2200160']);
    const ruOut = JSON.parse(inRussian.stdout) as { problems: Problem[]; lines: Reading[]; hint: Reading };
    const enOut = JSON.parse(inEnglish.stdout) as { problems: Problem[]; lines: Reading[]; hint: Reading };
    // The codes are the same in every language; the words are the language's.
    assert.deepEqual(ruOut.problems.map((p) => [p.line, p.code]), [[null, 'hint_cut'], [2, 'no_priority'], [3, 'no_application']]);
    assert.deepEqual(enOut.problems.map((p) => [p.line, p.code]), ruOut.problems.map((p) => [p.line, p.code]));
    assert.deepEqual(
      ruOut.problems.map((p) => p.message),
      [
        'хинт: «;» в Asterisk начинает комментарий, поэтому хинт заканчивается на «PJSIP/201»; точку с запятой пишите как \\;',
        'нет приоритета: начните строку с 1, n или n(метка) и запятой, например n,Playback(hello); Asterisk отбрасывает её («Invalid priority/label»)',
        'после приоритета нет приложения: вызов здесь остановится; напишите, например, n,Hangup()',
      ],
    );
    assert.equal(enOut.problems[2]!.message, 'no application after the priority: a call stops here; write e.g. n,Hangup()');
    assert.deepEqual(ruOut.lines[1]!.checks, [{ code: 'no_priority', params: { body: 'Playback(hello)' }, message: ruOut.problems[1]!.message }]);
    assert.equal(ruOut.lines[1]!.message, ruOut.problems[1]!.message);
    assert.equal(ruOut.lines[0]!.checks, undefined);
    assert.equal(ruOut.hint.checks?.[0]?.code, 'hint_cut');

    // A line that would change the applications after it is refused on save, in Russian too.
    const refused = await pbxmod(d, ['--lang', 'ru', 'dialplan', 'add', '--name', 'Notes', '--type', 'plaintext', '--code-file', '-'], { input: '1,Answer()\n;-- notes' });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Код, строка 2: «;--» открывает блочный комментарий, который нигде не закрыт/);
    assert.doesNotMatch(refused.stderr, /opens a block comment|line 2/);
  });

  it('export names an application it leaves out, and the line that would change the others', async () => {
    const d = newDataDir();
    const store = openPbxStore(d);
    await store.update((state) => {
      state.dialplanApplications.push({ uniqid: 'DIALPLAN-0000BAD1', name: 'Notes', extension: '2200150', hint: '', type: 'plaintext', code: '1,Answer()\n;-- notes', description: '' });
    });
    const result = await pbxmod(d, ['dialplan', 'export', '--out', join(d, 'out')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\nLeft out: 2200150 "Notes" \(DIALPLAN-0000BAD1\) was not written, so that it cannot change the applications after it:\n  line 2: ";--" opens a block comment that is never closed/);
    assert.ok(!(await readFile(join(d, 'out', 'dialplan-applications.conf'), 'utf8')).includes('DIALPLAN-0000BAD1'));
  });
});
