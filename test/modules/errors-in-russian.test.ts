import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeError, errorToJson, reason } from '../../src/domain/errors.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { ArchiveError, ModuleBusyError, ModuleError } from '../../src/modules/errors.js';
import { openPbxStore } from '../../src/store/pbx-store.js';
import { manifestJson, writeRawZip } from './fixtures/raw-zip.js';
import { newPbx, runPbxmod, type TestPbx } from './helpers.js';

/**
 * A module error keeps its code and values; its words come from the catalog of the language in
 * use when it is shown: `pbxmod --lang ru` explains a refused archive in Russian, and `--json`
 * carries the same code and values with the Russian words.
 */
describe('module errors in Russian', () => {
  let pbx: TestPbx;
  let badZip: string;

  before(async () => {
    pbx = await newPbx();
    badZip = join(pbx.sandbox, 'bad.zip');
    // A real zip with a module.json and a symbolic link to /etc/passwd: refused before anything is unpacked.
    await writeRawZip(badZip, [
      { name: 'module.json', data: manifestJson('ModuleEvil') },
      { name: 'passwd', data: '/etc/passwd', mode: 0o120777 },
    ]);
  });
  after(async () => {
    await pbx.cleanup();
  });

  it('install --file --json in Russian keeps the code and the entry, with Russian words', async () => {
    const r = await runPbxmod(['--lang', 'ru', '--data-dir', pbx.dataDir, 'modules', 'install', '--file', badZip, '--json']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.json.ok, false);
    const { error } = r.json;
    assert.equal(error.code, 'archive_symlink');
    assert.deepEqual(error.params, { entry: '"passwd"' });
    assert.equal(error.message, 'Запись архива "passwd" — символическая ссылка; архив модуля может содержать только файлы и папки.');
    assert.match(error.hint, /^Архив отклонён, ничего не установлено/);
    assert.doesNotMatch(`${error.message} ${error.hint}`, /symbolic|archive|refused/);
    assert.deepEqual((await openPbxStore(pbx.dataDir).read()).modules, [], 'nothing was installed');
  });

  it('install --file without --json in Russian says what happened and what to do in Russian', async () => {
    const r = await runPbxmod(['--lang', 'ru', '--data-dir', pbx.dataDir, 'modules', 'install', '--file', badZip]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Запись архива "passwd" — символическая ссылка/);
    assert.match(r.stderr, /получите модуль заново у его разработчика или в Маркетплейсе модулей/);
    assert.doesNotMatch(r.stderr, /symbolic link|The archive was refused/);
  });

  it('the same refusal in English keeps today\'s words', async () => {
    const r = await runPbxmod(['--lang', 'en', '--data-dir', pbx.dataDir, 'modules', 'install', '--file', badZip, '--json']);
    assert.equal(r.json.error.code, 'archive_symlink');
    assert.deepEqual(r.json.error.params, { entry: '"passwd"' });
    assert.equal(r.json.error.message, 'The archive entry "passwd" is a symbolic link; module archives may hold only files and folders.');
  });

  it('a file that is not there is a module_io error whose reason and path survive in JSON', async () => {
    const missing = join(pbx.sandbox, 'no-such.zip');
    const r = await runPbxmod(['--lang', 'ru', '--data-dir', pbx.dataDir, 'modules', 'install', '--file', missing, '--json']);
    assert.equal(r.code, 1);
    assert.equal(r.json.error.code, 'module_io');
    assert.equal(r.json.error.reason, 'module_file_missing');
    assert.deepEqual(r.json.error.params, { file: missing });
    assert.equal(r.json.error.message, `Файла ${missing} нет.`);
  });

  it('one error object reads in the language it is shown in', () => {
    const busy = new ModuleBusyError({ operation: 'install', moduleId: 'ModuleBackup', pid: 4242, since: new Date().toISOString() });
    assert.equal(busy.describe(en).message, 'Another module operation is running (install ModuleBackup by pid 4242); try again when it finishes.');
    assert.equal(busy.describe(ru).message, 'Выполняется другая операция с модулями (установка ModuleBackup, pid 4242); повторите, когда она закончится.');
    assert.deepEqual(errorToJson(busy, ru), {
      code: 'module_busy',
      params: { operation: 'install', moduleId: 'ModuleBackup', pid: 4242 },
      message: 'Выполняется другая операция с модулями (установка ModuleBackup, pid 4242); повторите, когда она закончится.',
      hint: 'На АТС одновременно выполняется только одна установка, обновление, включение, отключение или удаление.',
    });

    const full = new ModuleError(reason('disk_space_unpack', { id: 'ModuleX', bytes: 3 * 1024 * 1024, margin: 1024 * 1024, free: 2 * 1024 * 1024 }), 'disk_full');
    assert.equal(errorToJson(full, en).code, 'disk_full');
    assert.equal(errorToJson(full, en).reason, 'disk_space_unpack');
    assert.equal(full.describe(en).message, 'Not enough disk space for unpacking ModuleX: it needs 4.0 MiB (3.0 MiB and a 1.0 MiB reserve), and 2.0 MiB is free.');
    assert.equal(describeError(full, ru), 'Недостаточно места на диске для распаковки ModuleX: нужно 4.0 MiB (3.0 MiB и запас 1.0 MiB), а свободно 2.0 MiB.\nОсвободите хотя бы 2.0 MiB и повторите попытку; ничего не изменено.');

    const unsafe = new ArchiveError(reason('archive_unsafe_path', { entry: '"../etc/passwd"', why: 'dot_dot' }), '../etc/passwd');
    assert.equal(unsafe.describe(ru).message, 'Запись архива "../etc/passwd" была бы записана за пределами каталога модуля («..»); архив отклонён как небезопасный.');
    assert.equal(unsafe.describe(en).message, 'The archive entry "../etc/passwd" would be written outside the module directory (".."); the archive is refused as unsafe.');
  });

  it('a system error inside a module error is worded in the same language', () => {
    const cause = { errno: 'ENOSPC', path: '/var/lib/pbxmod', inodes: true };
    const error = new ModuleError(reason('module_unpack_no_inodes', { entry: '"Lib/a.php"', cause }), 'disk_full');
    assert.equal(error.describe(en).message, '"Lib/a.php" could not be unpacked: the file system holding /var/lib/pbxmod has no free inodes: it cannot hold more files, even if space is left.');
    assert.equal(error.describe(ru).message, 'Не удалось распаковать "Lib/a.php": в файловой системе, где находится /var/lib/pbxmod, нет свободных inode: она не может хранить больше файлов, даже если место ещё есть.');
    assert.deepEqual(errorToJson(error, ru).params, { entry: '"Lib/a.php"', cause });
  });
});
