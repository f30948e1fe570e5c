import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  agiScriptContent,
  agiScriptLineOffset,
  describeLineProblem,
  generateApplicationDialplan,
  problemReason,
  generateApplicationsContext,
  type DialplanSource,
} from '../../src/dialplan/generate.js';
import { builtInDialplanApplications } from '../../src/store/seed-data.js';
import type { DialplanApplication } from '../../src/store/schema.js';
import { check } from '../../src/dialplan/checks.js';
import { ru } from '../../src/i18n/ru.js';

function plaintext(code: string, extension = '2200101'): DialplanSource {
  return { uniqid: 'DIALPLAN-AB12CD34', extension, hint: '', type: 'plaintext', code };
}

describe('generated dialplan of a plaintext application', () => {
  it('puts the first line after exten => _NUMBER, and the others after same =>', () => {
    const milliwatt = builtInDialplanApplications().find((a) => a.extension === '000064')!;
    const generated = generateApplicationDialplan(milliwatt);
    assert.equal(generated.dialplan, 'exten => _000064,1,Answer()\n\tsame => 2,Milliwatt()\n\tsame => 3,Hangup()\n');
    assert.deepEqual(generated.problems, []);
    assert.equal(generated.script, null);
  });

  it('takes the first NON-EMPTY line as the first, skips blank lines, and trims each line', () => {
    const generated = generateApplicationDialplan(plaintext('\n\n  1,Answer()  \r\n\r\n\tn,Playback(hello-world)\n   \nn,Hangup()\n'));
    assert.equal(generated.dialplan, 'exten => _2200101,1,Answer()\n\tsame => n,Playback(hello-world)\n\tsame => n,Hangup()\n');
    assert.deepEqual(generated.problems, []);
  });

  it('keeps comment lines as comments', () => {
    const generated = generateApplicationDialplan(plaintext('; greet the caller\n1,Answer()\n; then\nn,Hangup() ; done'));
    assert.equal(generated.dialplan, '; greet the caller\nexten => _2200101,1,Answer()\n\t; then\n\tsame => n,Hangup() ; done\n');
    assert.deepEqual(generated.problems, []);
  });

  it('accepts labels, variables, functions and quoted parentheses', () => {
    const code = [
      '1(start),Answer()',
      'n,Set(NUM=${CALLERID(num)})',
      'n(retry),ExecIf($["${CHANNEL(channeltype)}" == "Local"]?Gosub(set_orign_chan,s,1))',
      'n,Set(SMILE=":(")',
      'n,Playback(a\\(b)',
      'n,GotoIf($[${NUM} > 0]?retry)',
      '10,Hangup()',
    ].join('\n');
    assert.deepEqual(generateApplicationDialplan(plaintext(code)).problems, []);
  });

  it('writes every line as typed, and flags those Asterisk drops or misreads with their line number', () => {
    const code = [
      '1,Answer()', // 1
      '', // 2
      'Playback(hello)', // 3: no priority
      'n,Playback(hello', // 4: loads (Asterisk warns, takes "hello")
      'n,Hangup', // 5: loads, no parentheses needed
      'x,Wait(1)', // 6: not a priority
      'n,', // 7: no application
      'n,Wait(1) extra', // 8: "extra" dropped
      'n,Wait(1)x', // 9: "x" dropped
      'exten => 201,n,Dial(PJSIP/201)', // 10
      'n,Set(X="open)', // 11: loads
    ].join('\n');
    const generated = generateApplicationDialplan(plaintext(code));
    assert.equal(generated.dialplan.split('\n')[2], '\tsame => n,Playback(hello');
    assert.deepEqual(
      generated.problems.map((p) => [p.line, p.verdict, problemReason(p)]),
      [
        [3, 'dropped', 'no priority: start the line with 1, n or n(label) and a comma, e.g. n,Playback(hello); Asterisk drops it ("Invalid priority/label")'],
        [6, 'dropped', '"x" is not a priority (a number from 1, n, s, or a label of this application): Asterisk drops the line ("Invalid priority/label"); e.g. n,Playback(hello-world)'],
        [7, 'fails', 'no application after the priority: a call stops here; write e.g. n,Hangup()'],
        [8, 'misread', 'Asterisk drops "extra" after the last ")"'],
        [9, 'misread', 'Asterisk drops "x" after the last ")"'],
        [10, 'dropped', 'write only what follows "exten => _NUMBER," (e.g. n,Playback(hello-world)); the preview adds the prefix itself'],
      ],
    );
    assert.equal(generated.problems[0]!.text, 'Playback(hello)');
    assert.deepEqual(generated.lines.find((l) => l.line === 4)?.loaded, { priority: 2, label: null, application: 'Playback', data: 'hello' }); // line 3 was dropped
    assert.equal(generated.exportable, true);
  });

  it('flags a first line that does not give priority 1, where a call starts', () => {
    const generated = generateApplicationDialplan(plaintext('\nn,Answer()\nn,Hangup()'));
    assert.equal(generated.dialplan, 'exten => _2200101,n,Answer()\n\tsame => n,Hangup()\n');
    assert.deepEqual(
      generated.problems.map((p) => [p.line, p.verdict, problemReason(p)]),
      [
        [2, 'misread', 'n (or s) here counts on from the application above this one in the file, since no earlier line of this one was loaded; give the line a number, e.g. 1,Answer()'],
        [null, undefined, 'no line has priority 1, where a call to 2200101 starts; begin with e.g. 1,Answer()'],
      ],
    );
    assert.deepEqual(generated.lines.map((l) => l.loaded?.priority), [null, null]);
    const second = generateApplicationDialplan(plaintext('2,Answer()'));
    assert.deepEqual(second.problems.map((p) => problemReason(p)), ['no line has priority 1, where a call to 2200101 starts; begin with e.g. 1,Answer()']);
  });

  it('flags empty code', () => {
    const generated = generateApplicationDialplan(plaintext(' \n\n'));
    assert.equal(generated.dialplan, '');
    assert.deepEqual(generated.problems.map((p) => ({ line: p.line, text: p.text, reason: problemReason(p) })), [{ line: null, text: '', reason: 'there are no dialplan lines, so a call to 2200101 finds nothing to run; add e.g. 1,Answer()' }]);
  });

  it('adds the hint line when there is a hint on an exact number', () => {
    const generated = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'Custom:2200101' });
    assert.equal(generated.dialplan, 'exten => 2200101,hint,Custom:2200101\nexten => _2200101,1,Answer()\n');
    assert.deepEqual(generated.hint, { written: 'exten => 2200101,hint,Custom:2200101', verdict: 'loads', loaded: 'Custom:2200101' });
    assert.deepEqual(generated.problems, []);
  });

  it('writes no hint for a pattern, which no dialled number equals, and says so', () => {
    const generated = generateApplicationDialplan({ ...plaintext('1,Answer()', '22XX'), hint: 'Custom:22XX' });
    assert.equal(generated.dialplan, 'exten => _22XX,1,Answer()\n');
    assert.equal(generated.hint?.written, null);
    assert.equal(generated.hint?.verdict, 'dropped');
    assert.match(problemReason(generated.problems[0]!), /^the hint is not written: Asterisk uses a hint on an exact number only, and 22XX is a pattern/);
    const php = generateApplicationDialplan({ uniqid: 'DIALPLAN-AB12CD34', extension: '22XX', hint: 'Custom:22XX', type: 'php', code: '<?php\n' });
    assert.equal(php.dialplan, 'exten => _22XX,1,AGI(DIALPLAN-AB12CD34.php)\n\tsame => n,Hangup()\n');
    assert.deepEqual(php.problems.map((p) => p.verdict), ['dropped']);
    // *, # and + are dialled as they are: a hint works there.
    assert.equal(generateApplicationDialplan({ ...plaintext('1,Answer()', '*12'), hint: 'Custom:x' }).hint?.verdict, 'loads');
  });

  it('flags a hint Asterisk cuts at ";" or "(" and refuses one that opens a block comment', () => {
    const cut = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'PJSIP/201 ; desk' });
    assert.deepEqual([cut.hint?.verdict, cut.hint?.loaded], ['misread', 'PJSIP/201']);
    const paren = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'PJSIP/201(x)' });
    assert.deepEqual([paren.hint?.verdict, paren.hint?.loaded], ['misread', 'PJSIP/201']);
    const variable = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'PJSIP/${DEVICE}(x)' });
    assert.deepEqual([variable.hint?.verdict, variable.hint?.loaded], ['loads', 'PJSIP/${DEVICE}(x)']);
    const block = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'Custom:1 ;-- note' });
    assert.equal(block.hint?.verdict, 'leaks');
    assert.equal(block.exportable, false);
  });

  it('describes a problem for a person', () => {
    const noApplication = { line: 5, text: 'n,', checks: [check('no_application')] };
    assert.equal(describeLineProblem(noApplication), 'line 5: no application after the priority: a call stops here; write e.g. n,Hangup(): n,');
    assert.equal(describeLineProblem({ line: null, text: '', checks: [check('script_empty')] }), 'the script is empty, so a call is hung up at once; write the PHP-AGI script');
    // The same finding in Russian: the words come from the catalog asked for.
    assert.equal(describeLineProblem(noApplication, ru), 'строка 5: после приоритета нет приложения: вызов здесь остановится; напишите, например, n,Hangup(): n,');
    const hint = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'PJSIP/201 ; desk' }).problems[0]!;
    assert.equal(describeLineProblem(hint), 'the hint: ";" starts a comment in Asterisk, so the hint ends at "PJSIP/201"; write \\; for a semicolon');
    assert.equal(describeLineProblem(hint, ru), 'хинт: «;» в Asterisk начинает комментарий, поэтому хинт заканчивается на «PJSIP/201»; точку с запятой пишите как \\;');
  });
});

describe('generated dialplan of a php application', () => {
  const php: DialplanSource = { uniqid: 'DIALPLAN-AB12CD34', extension: '2200101', hint: '', type: 'php', code: '<?php\nrequire_once "phpagi.php";\n$agi = new AGI();\n$agi->answer();\n' };

  it('calls the AGI script named after the uniqid, then hangs up; the script gets a #! line, since AGI executes it', () => {
    const generated = generateApplicationDialplan(php);
    assert.equal(generated.dialplan, 'exten => _2200101,1,AGI(DIALPLAN-AB12CD34.php)\n\tsame => n,Hangup()\n');
    assert.deepEqual(generated.script, { fileName: 'DIALPLAN-AB12CD34.php', content: `#!/usr/bin/php\n${php.code}` });
    assert.deepEqual(generated.problems, []);
    assert.equal(generated.exportable, true);
  });

  it('keeps a #! line the code has, moved to the very first line', () => {
    assert.equal(agiScriptContent('#!/usr/bin/env php\n<?php\n'), '#!/usr/bin/env php\n<?php\n');
    assert.equal(agiScriptContent('\n\n#!/usr/bin/php\r\n<?php\n'), '#!/usr/bin/php\n<?php\n');
    assert.equal(agiScriptLineOffset('<?php\n'), 1);
    assert.equal(agiScriptLineOffset('\n\n#!/usr/bin/php\n<?php\n'), -2);
  });

  it('flags an empty script and a script without <?php', () => {
    assert.match(problemReason(generateApplicationDialplan({ ...php, code: '  \n' }).problems[0]!), /^the script is empty/);
    const untagged = generateApplicationDialplan({ ...php, code: '\necho "hi";\n' }).problems;
    assert.equal(untagged.length, 1);
    assert.equal(untagged[0]!.line, 1);
    assert.equal(untagged[0]!.text, 'echo "hi";');
    assert.match(problemReason(untagged[0]!), /there is no "<\?php" tag/);
  });
});

describe('the [applications] context of the whole PBX', () => {
  function withPhp(): DialplanApplication[] {
    return [
      ...builtInDialplanApplications(),
      { uniqid: 'DIALPLAN-AB12CD34', name: 'Night greeting', extension: '2200101', hint: '', type: 'php', code: '<?php\n// night\n', description: '' },
      { uniqid: 'DIALPLAN-0000000B', name: 'Broken', extension: '2200102', hint: '', type: 'plaintext', code: '1,Answer()\nHangup()', description: '' },
    ];
  }

  it('holds every application by number, each under a comment naming it', () => {
    const { conf, scripts, problems } = generateApplicationsContext(withPhp());
    assert.ok(conf.includes('\n[applications]\n'));
    const order = ['000063', '000064', '2200101', '2200102', '10003246'].map((n) => conf.indexOf(`exten => _${n},`));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order.every((i) => i > 0));
    assert.ok(conf.includes('; 2200101 Night greeting (DIALPLAN-AB12CD34, php)\nexten => _2200101,1,AGI(DIALPLAN-AB12CD34.php)\n\tsame => n,Hangup()\n'));
    assert.deepEqual(scripts, { 'DIALPLAN-AB12CD34.php': '#!/usr/bin/php\n<?php\n// night\n' });
    assert.deepEqual(problems.map((a) => ({ ...a, problems: a.problems.map(({ checks, ...p }) => ({ ...p, reason: problemReason({ checks }) })) })), [
      { uniqid: 'DIALPLAN-0000000B', extension: '2200102', name: 'Broken', problems: [{ line: 2, text: 'Hangup()', verdict: 'dropped', reason: 'no priority: start the line with 1, n or n(label) and a comma, e.g. n,Hangup(); Asterisk drops it ("Invalid priority/label")' }] },
    ]);
    assert.ok(conf.endsWith('\tsame => 3,Hangup()\n'));
  });

  it('leaves out records that could break the file or escape agi-bin, and says so', () => {
    const apps = withPhp();
    apps.push({ uniqid: '../../etc/passwd', name: 'Evil', extension: '2200103', hint: '', type: 'php', code: '<?php', description: '' });
    apps.push({ uniqid: 'DIALPLAN-0000000C', name: 'Injected', extension: '1\n[other]', hint: '', type: 'plaintext', code: '1,Answer()', description: '' });
    apps.push({ uniqid: 'DIALPLAN-0000000D', name: 'Twin', extension: '2200101', hint: '', type: 'plaintext', code: '1,Answer()', description: '' });
    const { conf, scripts, problems } = generateApplicationsContext(apps);
    assert.deepEqual(Object.keys(scripts), ['DIALPLAN-AB12CD34.php']);
    assert.ok(!conf.includes('[other]'));
    assert.ok(!conf.includes('Twin'));
    assert.deepEqual(
      problems.filter((p) => p.uniqid !== 'DIALPLAN-0000000B').map((p) => problemReason(p.problems[0]!)),
      [
        'its number "1\n[other]" is not a valid dialplan number; it was left out',
        'another application already has number 2200101; this one was left out',
        'its id "../../etc/passwd" is not DIALPLAN- and 8 hex digits; it was left out',
      ],
    );
  });
});
