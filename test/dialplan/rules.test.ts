import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DialplanDraftError,
  copyName,
  dialplanProblems,
  filterApplications,
  formatDialplanUniqid,
  generateDialplanUniqid,
  isDialplanUniqid,
  newDialplanDraft,
  nextFreeExtension,
  normalizeDialplanUniqid,
  numbersInUse,
  validateDialplanDraft,
  type DialplanDraft,
  type DialplanNumbering,
} from '../../src/domain/dialplan.js';
import { ValidationError } from '../../src/domain/errors.js';
import { builtInDialplanApplications, exampleExtensionNumbers } from '../../src/store/seed-data.js';
import type { DialplanApplication } from '../../src/store/schema.js';

function newPbx(): DialplanNumbering {
  return { extensions: exampleExtensionNumbers(), dialplanApplications: builtInDialplanApplications() };
}

function draft(fields: Partial<DialplanDraft> = {}): DialplanDraft {
  return { name: 'Night greeting', extension: '2200150', hint: '', type: 'php', code: '<?php\n', description: '', ...fields };
}

function app(uniqid: string, extension: string, name = 'App'): DialplanApplication {
  return { uniqid, extension, name, hint: '', type: 'plaintext', code: '1,Answer()', description: '' };
}

describe('dialplan application id', () => {
  it('is DIALPLAN- and 8 upper-case hex digits', () => {
    assert.equal(isDialplanUniqid('DIALPLAN-0000064A'), true);
    assert.equal(isDialplanUniqid('DIALPLAN-0000064a'), false);
    assert.equal(isDialplanUniqid('DIALPLAN-0000064'), false);
    assert.equal(isDialplanUniqid('DIALPLAN-0000064AB'), false);
    assert.equal(isDialplanUniqid('DIALPLAN-0000064G'), false);
    assert.equal(isDialplanUniqid('APP-0000064A'), false);
  });

  it('is made from 4 random bytes', () => {
    assert.equal(formatDialplanUniqid(new Uint8Array([0x0a, 0xbc, 0x00, 0xff])), 'DIALPLAN-0ABC00FF');
    for (let i = 0; i < 50; i++) assert.ok(isDialplanUniqid(generateDialplanUniqid([])));
  });

  it('never repeats an id already taken', () => {
    const draws = [[0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 2]];
    const id = generateDialplanUniqid(['DIALPLAN-00000001'], () => new Uint8Array(draws.shift()!));
    assert.equal(id, 'DIALPLAN-00000002');
  });

  it('is accepted in lower case when typed', () => {
    assert.equal(normalizeDialplanUniqid(' dialplan-0000064a '), 'DIALPLAN-0000064A');
    assert.equal(normalizeDialplanUniqid('000064'), '000064');
  });
});

describe('name', () => {
  it('is required', () => {
    assert.equal(dialplanProblems(draft({ name: '' }), newPbx()).name, 'Name is required: type a short name for the list, e.g. Night greeting.');
    assert.ok(dialplanProblems(draft({ name: '   ' }), newPbx()).name?.startsWith('Name is required'));
  });

  it('is at most 50 characters, counted as a person counts them', () => {
    assert.equal(dialplanProblems(draft({ name: 'x'.repeat(50) }), newPbx()).name, undefined);
    assert.equal(dialplanProblems(draft({ name: 'Ж'.repeat(50) }), newPbx()).name, undefined);
    assert.equal(dialplanProblems(draft({ name: '😀'.repeat(50) }), newPbx()).name, undefined);
    assert.equal(dialplanProblems(draft({ name: 'x'.repeat(53) }), newPbx()).name, 'Name is 53 characters long; the limit is 50. Shorten it by 3.');
  });

  it('is one line', () => {
    assert.equal(dialplanProblems(draft({ name: 'a\nb' }), newPbx()).name, 'Name must be one line of text, without line breaks or tabs.');
  });
});

describe('number (extension)', () => {
  it('is required, and the message offers the next free number', () => {
    assert.equal(dialplanProblems(draft({ extension: '' }), newPbx()).extension, 'Number is required: choose a free number, e.g. 2200101 (the next free one).');
  });

  it('takes digits and # + * | X, 1 to 64 of them', () => {
    for (const ok of ['1', '201x'.toUpperCase(), '*12#', '+74951234567', '22|33', 'XXX', '9'.repeat(64)]) {
      assert.equal(dialplanProblems(draft({ extension: ok }), newPbx()).extension, undefined, ok);
    }
  });

  it('names the characters it cannot contain', () => {
    assert.equal(dialplanProblems(draft({ extension: '22a0-1' }), newPbx()).extension, 'Number "22a0-1" contains "a", "-". Use only digits 0-9 and # + * | X, e.g. 2200101.');
    assert.equal(dialplanProblems(draft({ extension: '2 2' }), newPbx()).extension, 'Number "2 2" contains a space. Use only digits 0-9 and # + * | X, e.g. 2200101.');
    assert.match(dialplanProblems(draft({ extension: '22xx' }), newPbx()).extension!, /write the pattern letter X in upper case/);
  });

  it('is at most 64 characters', () => {
    assert.equal(dialplanProblems(draft({ extension: '1'.repeat(65) }), newPbx()).extension, 'Number is 65 characters long; the limit is 64. Shorten it by 1.');
  });

  it('is surrounding-space tolerant', () => {
    assert.equal(dialplanProblems(draft({ extension: ' 2200150 ' }), newPbx()).extension, undefined);
    assert.equal(validateDialplanDraft(draft({ extension: ' 2200150 ' }), newPbx()).extension, '2200150');
  });

  it('is refused when an employee, queue, IVR or conference has it, naming who', () => {
    const pbx = newPbx();
    assert.equal(dialplanProblems(draft({ extension: '201' }), pbx).extension, 'Number 201 is busy: employee Reception uses it. Choose another number, e.g. 2200101.');
    assert.equal(dialplanProblems(draft({ extension: '2200001' }), pbx).extension, 'Number 2200001 is busy: queue Sales queue uses it. Choose another number, e.g. 2200101.');
    assert.equal(dialplanProblems(draft({ extension: '2200100' }), pbx).extension, 'Number 2200100 is busy: conference Conference room uses it. Choose another number, e.g. 2200101.');
  });

  it('is refused when another dialplan application has it', () => {
    assert.equal(
      dialplanProblems(draft({ extension: '000064' }), newPbx()).extension,
      'Number 000064 is busy: dialplan application Milliwatt (DIALPLAN-0000064A) uses it. Choose another number, e.g. 2200101.',
    );
  });

  it('is compared exactly: 0201 is not 201', () => {
    assert.equal(dialplanProblems(draft({ extension: '0201' }), newPbx()).extension, undefined);
  });

  it('stays with the application being edited', () => {
    assert.equal(dialplanProblems(draft({ extension: '000064' }), newPbx(), 'DIALPLAN-0000064A').extension, undefined);
    assert.match(dialplanProblems(draft({ extension: '000063' }), newPbx(), 'DIALPLAN-0000064A').extension!, /^Number 000063 is busy: dialplan application Caller number readback/);
  });
});

describe('hint, type, description, code', () => {
  it('hint is at most 255 characters on one line', () => {
    assert.equal(dialplanProblems(draft({ hint: 'h'.repeat(255) }), newPbx()).hint, undefined);
    assert.equal(dialplanProblems(draft({ hint: 'h'.repeat(256) }), newPbx()).hint, 'Hint is 256 characters long; the limit is 255. Shorten it by 1.');
    assert.equal(dialplanProblems(draft({ hint: 'a\nb' }), newPbx()).hint, 'Hint must be one line, e.g. Custom:2200101 or PJSIP/201.');
  });

  it('type is php or plaintext', () => {
    assert.equal(dialplanProblems(draft({ type: 'php' }), newPbx()).type, undefined);
    assert.equal(dialplanProblems(draft({ type: 'plaintext' }), newPbx()).type, undefined);
    assert.equal(dialplanProblems(draft({ type: 'PlainText' }), newPbx()).type, undefined);
    assert.equal(dialplanProblems(draft({ type: 'perl' }), newPbx()).type, 'Type "perl" is not known: choose php (a PHP-AGI script) or plaintext (Asterisk dialplan lines).');
    assert.equal(dialplanProblems(draft({ type: '' }), newPbx()).type, 'Type is required: php (a PHP-AGI script) or plaintext (Asterisk dialplan lines).');
  });

  it('description is at most 2000 characters and may have several lines', () => {
    assert.equal(dialplanProblems(draft({ description: 'd\n'.repeat(1000) }), newPbx()).description, undefined);
    assert.equal(dialplanProblems(draft({ description: 'd'.repeat(2001) }), newPbx()).description, 'Description is 2001 characters long; the limit is 2000. Shorten it by 1.');
  });

  it('code is any text up to 256 KiB of UTF-8', () => {
    assert.equal(dialplanProblems(draft({ code: 'a'.repeat(256 * 1024) }), newPbx()).code, undefined);
    assert.equal(dialplanProblems(draft({ code: 'Ж'.repeat(128 * 1024) }), newPbx()).code, undefined);
    assert.equal(
      dialplanProblems(draft({ code: 'a'.repeat(256 * 1024 + 1) }), newPbx()).code,
      'Code is 256.0 KiB; the limit is 256 KiB. Keep large logic in a script file on the PBX and call it from here.',
    );
    assert.match(dialplanProblems(draft({ code: 'Ж'.repeat(150 * 1024) }), newPbx()).code!, /^Code is 300\.0 KiB; the limit is 256 KiB/);
  });

  it('code keeps its text but gets Unix line ends', () => {
    assert.equal(validateDialplanDraft(draft({ code: '1,Answer()\r\n2,Hangup()\r\n' }), newPbx()).code, '1,Answer()\n2,Hangup()\n');
  });
});

describe('all problems of a draft at once', () => {
  it('lists every field at fault for a live form, and nothing for a good draft', () => {
    assert.deepEqual(dialplanProblems(draft(), newPbx()), {});
    const problems = dialplanProblems({ name: '', extension: '202', hint: '', type: 'lua', code: '', description: 'x'.repeat(2100) }, newPbx());
    assert.deepEqual(Object.keys(problems).sort(), ['description', 'extension', 'name', 'type']);
  });

  it('throws one ValidationError naming the first field and carrying every problem', () => {
    const bad = { name: '', extension: '202', hint: '', type: 'lua', code: '', description: '' };
    assert.throws(
      () => validateDialplanDraft(bad, newPbx()),
      (error: unknown) => {
        assert.ok(error instanceof DialplanDraftError);
        assert.ok(error instanceof ValidationError);
        assert.equal(error.field, 'name');
        assert.equal(error.message.split('\n').length, 3);
        assert.match(error.message, /Number 202 is busy: employee Sales uses it/);
        assert.equal(error.hint, '3 fields need fixing; nothing was saved.');
        const json = error.toJSON();
        assert.equal(json.code, 'dialplan_draft_invalid');
        assert.equal(json.field, 'name');
        assert.deepEqual(Object.keys(json.problems).sort(), ['extension', 'name', 'type']);
        return true;
      },
    );
  });

  it('returns the fields to store, trimmed', () => {
    const stored = validateDialplanDraft(draft({ name: '  Night greeting ', hint: ' Custom:1 ', type: 'PHP', description: ' about \n' }), newPbx());
    assert.deepEqual(stored, { name: 'Night greeting', extension: '2200150', hint: 'Custom:1', type: 'php', code: '<?php\n', description: 'about' });
  });
});

describe('next free number', () => {
  it('starts at 2200100 and skips it on a new PBX, where a conference has it', () => {
    assert.equal(nextFreeExtension(newPbx()), '2200101');
  });

  it('is 2200100 itself when nothing uses it', () => {
    assert.equal(nextFreeExtension({ extensions: [], dialplanApplications: [] }), '2200100');
  });

  it('skips every number in use, by applications and by other PBX objects alike', () => {
    const pbx = newPbx();
    pbx.dialplanApplications.push(app('DIALPLAN-00000001', '2200101'), app('DIALPLAN-00000002', '2200102'));
    pbx.extensions.push({ number: '2200103', kind: 'employee', name: 'Night guard' });
    pbx.dialplanApplications.push(app('DIALPLAN-00000003', '2200105'));
    assert.equal(nextFreeExtension(pbx), '2200104');
  });

  it('is what a new application starts with, as type php with an empty name', () => {
    assert.deepEqual(newDialplanDraft(newPbx()), { name: '', extension: '2200101', hint: '', type: 'php', code: '', description: '' });
  });

  it('knows who holds each number', () => {
    const used = numbersInUse(newPbx());
    assert.equal(used.get('201')?.description, 'employee Reception');
    assert.equal(used.get('10003246')?.uniqid, 'DIALPLAN-10003246');
    assert.equal(numbersInUse(newPbx(), 'DIALPLAN-10003246').has('10003246'), false);
  });
});

describe('copy name', () => {
  it('adds " (copy)"', () => {
    assert.equal(copyName('Milliwatt'), 'Milliwatt (copy)');
  });

  it('shortens a long name so the whole stays within 50 characters', () => {
    const name = copyName('A very long application name that fills fifty ch.');
    assert.ok([...name].length <= 50 && [...name].length >= 47, name);
    assert.ok(name.endsWith('... (copy)'));
    assert.equal(copyName('x'.repeat(43)), `${'x'.repeat(43)} (copy)`);
  });
});

describe('filter', () => {
  it('matches number, name, type or description in any case, sorted by number', () => {
    const apps = builtInDialplanApplications();
    assert.deepEqual(filterApplications(apps, 'ECHO').map((a) => a.extension), ['10003246']);
    assert.deepEqual(filterApplications(apps, '000').map((a) => a.extension), ['000063', '000064', '10003246']);
    assert.deepEqual(filterApplications(apps, 'tone').map((a) => a.name), ['Milliwatt']);
    assert.equal(filterApplications(apps, '').length, 3);
    assert.deepEqual(filterApplications(apps, 'nothing like this'), []);
  });
});
