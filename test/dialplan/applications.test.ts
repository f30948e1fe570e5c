import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DialplanConflictError,
  EXPORT_CONF_NAME,
  copyApplication,
  createApplication,
  deleteApplication,
  exportDialplan,
  getApplication,
  listApplications,
  newApplicationDraft,
  previewApplication,
  updateApplication,
} from '../../src/dialplan/applications.js';
import { ExportError } from '../../src/dialplan/export-files.js';
import { DialplanDraftError } from '../../src/domain/dialplan.js';
import { NotFoundError } from '../../src/domain/errors.js';
import { tempPbx, type TempPbx } from './helpers.js';

let pbx: TempPbx;
beforeEach(async () => {
  pbx = await tempPbx();
});
afterEach(async () => {
  await pbx.cleanup();
});

async function lastAudit() {
  const { audit } = await pbx.store.read();
  return audit.at(-1);
}

describe('list and look up', () => {
  it('a new PBX lists its three built-in applications by number', async () => {
    const apps = await listApplications(pbx.store);
    assert.deepEqual(apps.map((a) => [a.extension, a.name]), [['000063', 'Caller number readback'], ['000064', 'Milliwatt'], ['10003246', 'Echo test']]);
    assert.deepEqual((await listApplications(pbx.store, 'echo')).map((a) => a.extension), ['10003246']);
  });

  it('finds an application by its id in any case, or by its number', async () => {
    assert.equal((await getApplication(pbx.store, 'dialplan-0000064a')).name, 'Milliwatt');
    assert.equal((await getApplication(pbx.store, '000064')).uniqid, 'DIALPLAN-0000064A');
  });

  it('says what is missing and how to find what exists', async () => {
    await assert.rejects(getApplication(pbx.store, '999'), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.message, 'There is no dialplan application with number 999.');
      assert.match(error.hint!, /pbxmod dialplan list/);
      return true;
    });
    await assert.rejects(getApplication(pbx.store, 'DIALPLAN-FFFFFFFF'), /There is no dialplan application DIALPLAN-FFFFFFFF\./);
  });
});

describe('create', () => {
  it('opens the form with the next free number and type php', async () => {
    assert.deepEqual(await newApplicationDraft(pbx.store), { name: '', extension: '2200101', hint: '', type: 'php', code: '', description: '' });
  });

  it('takes the next free number when none is given, skipping 2200100 (a conference)', async () => {
    const first = await createApplication(pbx.store, { name: 'One' });
    const second = await createApplication(pbx.store, { name: 'Two' });
    assert.equal(first.extension, '2200101');
    assert.equal(second.extension, '2200102');
    assert.equal(first.type, 'php');
    assert.match(first.uniqid, /^DIALPLAN-[0-9A-F]{8}$/);
    assert.notEqual(first.uniqid, second.uniqid);
    const stored = await getApplication(pbx.store, first.uniqid);
    assert.deepEqual(stored, first);
  });

  it('skips numbers other PBX objects took', async () => {
    await pbx.store.update((s) => {
      s.extensions.push({ number: '2200101', kind: 'employee', name: 'Night guard' });
    });
    assert.equal((await createApplication(pbx.store, { name: 'One' })).extension, '2200102');
  });

  it('stores the given fields, trimmed', async () => {
    const app = await createApplication(pbx.store, { name: ' Echo 2 ', extension: '555', type: 'plaintext', code: '1,Echo()', description: 'second echo', hint: 'Custom:555' });
    assert.deepEqual({ ...app, uniqid: '' }, { uniqid: '', name: 'Echo 2', extension: '555', type: 'plaintext', code: '1,Echo()', description: 'second echo', hint: 'Custom:555' });
  });

  it('refuses a number another PBX object or application has, saving nothing and logging the refusal', async () => {
    await assert.rejects(createApplication(pbx.store, { name: 'Clash', extension: '201' }), (error: unknown) => {
      assert.ok(error instanceof DialplanDraftError);
      assert.equal(error.field, 'extension');
      assert.equal(error.message, 'Number 201 is busy: employee Reception uses it. Choose another number, e.g. 2200101.');
      return true;
    });
    await assert.rejects(createApplication(pbx.store, { name: 'Clash', extension: '10003246' }), /dialplan application Echo test \(DIALPLAN-10003246\) uses it/);
    assert.equal((await listApplications(pbx.store)).length, 3);
    const audit = await lastAudit();
    assert.equal(audit?.action, 'dialplan.create');
    assert.equal(audit?.outcome, 'failed');
  });

  it('refuses a draft without a name', async () => {
    await assert.rejects(createApplication(pbx.store, {}), (error: unknown) => error instanceof DialplanDraftError && error.field === 'name');
  });

  it('logs who added what', async () => {
    const app = await createApplication(pbx.store, { name: 'Logged' });
    const audit = await lastAudit();
    assert.equal(audit?.action, 'dialplan.create');
    assert.equal(audit?.target, app.uniqid);
    assert.equal(audit?.outcome, 'ok');
    assert.equal(audit?.detail, '2200101 Logged (php)');
    assert.ok(audit?.who);
  });
});

describe('update', () => {
  it('changes only the fields given and keeps its own number', async () => {
    const app = await createApplication(pbx.store, { name: 'Night', code: '<?php' });
    const updated = await updateApplication(pbx.store, app.uniqid, { description: 'after hours', extension: app.extension });
    assert.deepEqual(updated, { ...app, description: 'after hours' });
    assert.equal((await lastAudit())?.detail, 'changed description');
  });

  it('is found by number too', async () => {
    const updated = await updateApplication(pbx.store, '000064', { name: 'Milliwatt tone' });
    assert.equal(updated.uniqid, 'DIALPLAN-0000064A');
  });

  it('moves to a free number, and refuses a busy one', async () => {
    const app = await createApplication(pbx.store, { name: 'Night' });
    assert.equal((await updateApplication(pbx.store, app.uniqid, { extension: '777' })).extension, '777');
    await assert.rejects(updateApplication(pbx.store, app.uniqid, { extension: '000063' }), /Number 000063 is busy: dialplan application Caller number readback/);
    assert.equal((await getApplication(pbx.store, app.uniqid)).extension, '777');
  });

  it('of a missing application is NotFound', async () => {
    await assert.rejects(updateApplication(pbx.store, 'DIALPLAN-FFFFFFFF', { name: 'x' }), NotFoundError);
  });

  it('refuses to overwrite a field someone else changed since the person started editing', async () => {
    const before = await getApplication(pbx.store, '000064');
    await updateApplication(pbx.store, '000064', { code: '1,Answer()\n2,Hangup()' }); // the other console
    await assert.rejects(updateApplication(pbx.store, '000064', { code: '1,Milliwatt()' }, { basedOn: before }), (error: unknown) => {
      assert.ok(error instanceof DialplanConflictError);
      assert.deepEqual(error.fields, ['code']);
      assert.match(error.message, /was changed by someone else while you edited it \(code\)/);
      return true;
    });
    // Other fields that nobody else touched still save.
    assert.equal((await updateApplication(pbx.store, '000064', { name: 'Tone' }, { basedOn: before })).code, '1,Answer()\n2,Hangup()');
  });
});

describe('copy and delete', () => {
  it('a copy gets a new id, the next free number and the name "… (copy)"', async () => {
    const copy = await copyApplication(pbx.store, '000064');
    const original = await getApplication(pbx.store, '000064');
    assert.notEqual(copy.uniqid, original.uniqid);
    assert.equal(copy.extension, '2200101');
    assert.equal(copy.name, 'Milliwatt (copy)');
    assert.equal(copy.code, original.code);
    assert.equal(copy.type, original.type);
    assert.equal((await copyApplication(pbx.store, '000064')).extension, '2200102');
    assert.equal((await lastAudit())?.action, 'dialplan.copy');
  });

  it('a copy of a 50-character name stays within 50', async () => {
    const long = await createApplication(pbx.store, { name: 'N'.repeat(50) });
    assert.equal((await copyApplication(pbx.store, long.uniqid)).name.length, 50);
  });

  it('delete removes it and frees its number', async () => {
    const app = await createApplication(pbx.store, { name: 'Temp' });
    const deleted = await deleteApplication(pbx.store, app.extension);
    assert.deepEqual(deleted, app);
    await assert.rejects(getApplication(pbx.store, app.uniqid), NotFoundError);
    assert.equal((await createApplication(pbx.store, { name: 'Next' })).extension, app.extension);
    await assert.rejects(deleteApplication(pbx.store, app.uniqid), NotFoundError);
    const { audit } = await pbx.store.read();
    assert.ok(audit.some((e) => e.action === 'dialplan.delete' && e.outcome === 'ok' && e.target === app.uniqid));
  });
});

describe('saving text that would change the applications after it', () => {
  it('is refused, naming the line and why, and nothing is saved', async () => {
    await assert.rejects(createApplication(pbx.store, { name: 'Notes', type: 'plaintext', code: '1,Answer()\n;-- notes\nn,Hangup()' }), (error: unknown) => {
      assert.ok(error instanceof DialplanDraftError);
      assert.equal(error.field, 'code');
      assert.match(error.message, /^Code line 2: ";--" opens a block comment that is never closed: Asterisk would skip everything after it in the file, other applications included/);
      return true;
    });
    const app = await createApplication(pbx.store, { name: 'Notes', type: 'plaintext', code: '1,Answer()\n;-- notes --;\nn,Hangup()' });
    await assert.rejects(updateApplication(pbx.store, app.uniqid, { code: `1,NoOp(${'x'.repeat(9000)})` }), /Code line 1: the line is 9,026 bytes as written; Asterisk skips a line longer than 8,189 bytes \(8,190 with its newline/);
    await assert.rejects(updateApplication(pbx.store, app.uniqid, { hint: 'Custom:1 ;-- desk' }), (error: unknown) => error instanceof DialplanDraftError && error.field === 'hint');
    assert.equal((await getApplication(pbx.store, app.uniqid)).code, '1,Answer()\n;-- notes --;\nn,Hangup()');
  });
});

describe('preview', () => {
  it('shows the generated lines of a saved application', async () => {
    const preview = await previewApplication(pbx.store, '10003246');
    assert.equal(preview.dialplan, 'exten => _10003246,1,Answer()\n\tsame => 2,Echo()\n\tsame => 3,Hangup()\n');
    assert.equal(preview.application.name, 'Echo test');
  });
});

describe('export', () => {
  it('writes the [applications] context and one agi-bin script per php application', async () => {
    const night = await createApplication(pbx.store, { name: 'Night', code: '<?php\n// night\n' });
    await createApplication(pbx.store, { name: 'Bad', type: 'plaintext', code: '1,Answer()\nHangup' });
    const out = join(pbx.dir, 'out', 'nested');
    const result = await exportDialplan(pbx.store, out);
    assert.equal(result.dir, out);
    assert.equal(result.conf, join(out, EXPORT_CONF_NAME));
    assert.deepEqual(result.scripts, [join(out, 'agi-bin', `${night.uniqid}.php`)]);
    const conf = await readFile(result.conf, 'utf8');
    assert.ok(conf.includes('[applications]'));
    assert.ok(conf.includes(`exten => _2200101,1,AGI(${night.uniqid}.php)\n\tsame => n,Hangup()`));
    assert.ok(conf.includes('exten => _000064,1,Answer()\n\tsame => 2,Milliwatt()\n\tsame => 3,Hangup()'));
    assert.equal(await readFile(join(out, 'agi-bin', `${night.uniqid}.php`), 'utf8'), '#!/usr/bin/php\n<?php\n// night\n');
    assert.deepEqual(result.problems.map((p) => [p.extension, p.problems.map((x) => x.line)]), [['2200102', [2]]]);
    assert.deepEqual(result.leftOut, []);
    // No temp files are left behind.
    assert.deepEqual((await readdir(out)).sort(), ['agi-bin', EXPORT_CONF_NAME]);
    assert.equal((await lastAudit())?.action, 'dialplan.export');
  });

  it('removes the scripts of deleted applications on the next export, and only those', async () => {
    const night = await createApplication(pbx.store, { name: 'Night', code: '<?php' });
    const out = join(pbx.dir, 'out');
    await exportDialplan(pbx.store, out);
    await writeFile(join(out, 'agi-bin', 'my-own-script.php'), '<?php');
    await deleteApplication(pbx.store, night.uniqid);
    const result = await exportDialplan(pbx.store, out);
    assert.deepEqual(result.removed, [`${night.uniqid}.php`]);
    assert.deepEqual(await readdir(join(out, 'agi-bin')), ['my-own-script.php']);
  });

  it('refuses a path that is a file', async () => {
    const file = join(pbx.dir, 'a-file');
    await writeFile(file, 'x');
    await assert.rejects(exportDialplan(pbx.store, file), (error: unknown) => {
      assert.ok(error instanceof ExportError);
      assert.equal(error.message, `Cannot export to ${file}: it is a file, not a directory.`);
      return true;
    });
    await assert.rejects(exportDialplan(pbx.store, join(file, 'below')), /Cannot write .*a-file\/below: .*\n?/);
    const audit = await lastAudit();
    assert.equal(audit?.outcome, 'failed');
  });

  it('refuses a directory it may not write, saying so', async () => {
    // root may write anywhere chmod forbids; /sys refuses even root.
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/sys/pbxmod-dialplan-test' : join(pbx.dir, 'locked');
    if (!asRoot) {
      await mkdir(locked);
      await chmod(locked, 0o500);
    }
    try {
      await assert.rejects(exportDialplan(pbx.store, locked), (error: unknown) => {
        assert.ok(error instanceof ExportError);
        assert.match(error.message, /^Cannot write \/.*: permission denied\.$/);
        assert.match(error.hint!, /choose another directory with --out/);
        return true;
      });
    } finally {
      if (!asRoot) await chmod(locked, 0o700);
    }
  });

  it('gives up at once where no folder can be made (below /proc)', async () => {
    await assert.rejects(exportDialplan(pbx.store, '/proc/pbxmod-dialplan-test/out'), /^ExportError: Cannot write \/proc\/pbxmod-dialplan-test\/out: a folder cannot be created there\.$/);
  });
});
