import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeLineProblem,
  generateApplicationDialplan,
  generateApplicationsContext,
  plaintextLineProblem,
  type DialplanSource,
} from '../../src/dialplan/generate.js';
import { builtInDialplanApplications } from '../../src/store/seed-data.js';
import type { DialplanApplication } from '../../src/store/schema.js';

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

  it('writes every line as typed, and flags the ones that are not priority,Application(args) with their line number', () => {
    const code = [
      '1,Answer()', // 1
      '', // 2
      'Playback(hello)', // 3
      'n,Playback(hello', // 4
      'n,Hangup', // 5
      'x,Wait(1)', // 6
      'n,', // 7
      'n,Wait(1) extra', // 8
      'n,Wait(1)x', // 9
      'exten => 201,n,Dial(PJSIP/201)', // 10
      'n,2Dial()', // 11
      'just words', // 12
      'n,Set(X="open)', // 13
    ].join('\n');
    const generated = generateApplicationDialplan(plaintext(code));
    assert.equal(generated.dialplan.split('\n')[2], '\tsame => n,Playback(hello');
    assert.deepEqual(
      generated.problems.map((p) => [p.line, p.reason]),
      [
        [3, 'no priority: start the line with 1, n or n(label) and a comma, e.g. n,Playback(hello)'],
        [4, 'the "(" is not closed: end the line with ")"'],
        [5, 'Hangup has no parentheses: write Hangup() even without arguments'],
        [6, 'priority "x" is not a number, n or n(label)'],
        [7, 'no application after the priority, e.g. n,Hangup()'],
        [8, 'text after the closing ")": "extra"'],
        [9, 'text after the closing ")": "x"'],
        [10, 'write only what follows "exten => _NUMBER," (e.g. n,Playback(hello-world)); the preview adds the prefix itself'],
        [11, '"2Dial()" does not start with an application name such as Playback'],
        [12, 'expected priority,Application(arguments), e.g. n,Playback(hello-world)'],
        [13, 'a double quote (") is not closed'],
      ],
    );
    assert.equal(generated.problems[0]!.text, 'Playback(hello)');
  });

  it('flags a first line that is not priority 1, where a call enters', () => {
    const generated = generateApplicationDialplan(plaintext('\nn,Answer()\nn,Hangup()'));
    assert.equal(generated.dialplan, 'exten => _2200101,n,Answer()\n\tsame => n,Hangup()\n');
    assert.deepEqual(generated.problems, [{ line: 2, text: 'n,Answer()', reason: 'the first line must have priority 1, where a call starts (got n); write 1,Answer()' }]);
    assert.equal(plaintextLineProblem('2,Answer()', true), 'the first line must have priority 1, where a call starts (got 2); write 1,Answer()');
    assert.equal(plaintextLineProblem('2,Answer()', false), null);
  });

  it('flags empty code', () => {
    const generated = generateApplicationDialplan(plaintext(' \n\n'));
    assert.equal(generated.dialplan, '');
    assert.deepEqual(generated.problems, [{ line: null, text: '', reason: 'there are no dialplan lines, so a call to 2200101 finds nothing to run; add e.g. 1,Answer()' }]);
  });

  it('adds the hint line when there is a hint', () => {
    const generated = generateApplicationDialplan({ ...plaintext('1,Answer()'), hint: 'Custom:2200101' });
    assert.equal(generated.dialplan, 'exten => 2200101,hint,Custom:2200101\nexten => _2200101,1,Answer()\n');
  });

  it('describes a problem for a person', () => {
    assert.equal(describeLineProblem({ line: 5, text: 'n,Hangup', reason: 'Hangup has no parentheses' }), 'line 5: Hangup has no parentheses: n,Hangup');
    assert.equal(describeLineProblem({ line: null, text: '', reason: 'the script is empty' }), 'the script is empty');
  });
});

describe('generated dialplan of a php application', () => {
  const php: DialplanSource = { uniqid: 'DIALPLAN-AB12CD34', extension: '2200101', hint: '', type: 'php', code: '<?php\nrequire_once "phpagi.php";\n$agi = new AGI();\n$agi->answer();\n' };

  it('calls the AGI script named after the uniqid, then hangs up', () => {
    const generated = generateApplicationDialplan(php);
    assert.equal(generated.dialplan, 'exten => _2200101,1,AGI(DIALPLAN-AB12CD34.php)\n\tsame => n,Hangup()\n');
    assert.deepEqual(generated.script, { fileName: 'DIALPLAN-AB12CD34.php', content: php.code });
    assert.deepEqual(generated.problems, []);
  });

  it('flags an empty script and a script without <?php', () => {
    assert.match(generateApplicationDialplan({ ...php, code: '  \n' }).problems[0]!.reason, /^the script is empty/);
    const untagged = generateApplicationDialplan({ ...php, code: '\necho "hi";\n' }).problems;
    assert.equal(untagged.length, 1);
    assert.equal(untagged[0]!.line, 1);
    assert.equal(untagged[0]!.text, 'echo "hi";');
    assert.match(untagged[0]!.reason, /there is no "<\?php" tag/);
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
    assert.deepEqual(scripts, { 'DIALPLAN-AB12CD34.php': '<?php\n// night\n' });
    assert.deepEqual(problems, [{ uniqid: 'DIALPLAN-0000000B', extension: '2200102', name: 'Broken', problems: [{ line: 2, text: 'Hangup()', reason: 'no priority: start the line with 1, n or n(label) and a comma, e.g. n,Hangup()' }] }]);
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
      problems.filter((p) => p.uniqid !== 'DIALPLAN-0000000B').map((p) => p.problems[0]!.reason),
      [
        'its number "1\n[other]" is not a valid dialplan number; it was left out',
        'another application already has number 2200101; this one was left out',
        'its id "../../etc/passwd" is not DIALPLAN- and 8 hex digits; it was left out',
      ],
    );
  });
});
