// `pbxmod dialplan …`: the dialplan applications of SPEC §6 without the console.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DIALPLAN_CODE_MAX_BYTES, type DialplanDraft } from '../domain/dialplan.js';
import { PbxmodError, ValidationError } from '../domain/errors.js';
import {
  EXPORT_CONF_NAME,
  checkApplicationScript,
  copyApplication,
  createApplication,
  deleteApplication,
  exportDialplan,
  getApplication,
  listApplications,
  previewApplication,
  updateApplication,
  type DialplanExport,
} from '../dialplan/applications.js';
import { editInExternalEditor, keepUnsavedEdit } from '../dialplan/external-editor.js';
import { describeLineProblem, type DialplanLineProblem } from '../dialplan/generate.js';
import type { PhpSyntaxCheck } from '../dialplan/php-lint.js';
import { visibleText } from '../domain/terminal-text.js';
import type { DialplanApplication } from '../store/schema.js';
import { confirmOrRefuse, runCommandAction, type CommandOutput } from './output.js';

interface FieldOptions {
  name?: string;
  ext?: string;
  type?: string;
  codeFile?: string;
  description?: string;
  hint?: string;
}

export function registerDialplanCommands(program: Command): void {
  const dialplan = program
    .command('dialplan')
    .description('dialplan applications: numbers that run Asterisk dialplan lines or a PHP-AGI script');

  dialplan
    .command('list')
    .description('list the applications: number, name, type, description')
    .option('--filter <text>', 'only those whose number, name, type, description or code contains TEXT')
    .action((options: { filter?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const apps = await listApplications(ctx.store, options.filter);
        return { json: { applications: apps, count: apps.length }, text: listText(apps, options.filter) };
      }),
    );

  dialplan
    .command('show')
    .description('show one application with its code')
    .argument('<id>', 'its number or DIALPLAN-… id')
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await getApplication(ctx.store, id);
        return { json: { application: app }, text: showText(app) };
      }),
    );

  withFieldOptions(dialplan.command('add').description('add an application (the number defaults to the next free one from 2200100)'))
    .action((options: FieldOptions, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await createApplication(ctx.store, await draftFromOptions(options));
        return appOutput(app, 'Added', await checkApplicationScript(app));
      }),
    );

  withFieldOptions(dialplan.command('edit').description('change an application; only the fields given change'))
    .argument('<id>', 'its number or DIALPLAN-… id')
    .option('--editor', 'edit the code in $VISUAL / $EDITOR (like git commit)')
    .action((id: string, options: FieldOptions & { editor?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const patch = await draftFromOptions(options);
        if (!options.editor) {
          if (Object.keys(patch).length === 0) {
            throw new ValidationError('Nothing to change.', 'Give at least one of --name, --ext, --type, --code-file, --description, --hint, or --editor.');
          }
          const saved = await updateApplication(ctx.store, id, patch);
          return appOutput(saved, 'Saved', await checkApplicationScript(saved));
        }
        const before = await getApplication(ctx.store, id);
        const edited = await editInExternalEditor(patch.code ?? before.code, { type: patch.type ?? before.type, baseName: before.uniqid });
        if (edited !== before.code) patch.code = edited;
        else delete patch.code;
        if (Object.keys(patch).length === 0) {
          return { json: { application: before, changed: false }, text: `No changes; ${label(before)} was left as it was.` };
        }
        let saved: DialplanApplication;
        try {
          saved = await updateApplication(ctx.store, before.uniqid, patch, { basedOn: before });
        } catch (error) {
          throw await keepEditedText(error, ctx.dataDir, before, patch.code);
        }
        return appOutput(saved, 'Saved', await checkApplicationScript(saved));
      }),
    );

  dialplan
    .command('copy')
    .description('copy an application to the next free number, named "… (copy)"')
    .argument('<id>', 'its number or DIALPLAN-… id')
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => appOutput(await copyApplication(ctx.store, id), 'Copied to')),
    );

  dialplan
    .command('rm')
    .description('delete an application (asks first)')
    .argument('<id>', 'its number or DIALPLAN-… id')
    .option('--yes', 'do not ask')
    .action((id: string, options: { yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await getApplication(ctx.store, id);
        await confirmOrRefuse(`Delete dialplan application ${label(app)}?`, options.yes, '--yes');
        const deleted = await deleteApplication(ctx.store, app.uniqid);
        return { json: { deleted }, text: `Deleted ${label(deleted)}.` };
      }),
    );

  dialplan
    .command('export')
    .description(`write the [applications] context (${EXPORT_CONF_NAME}) and agi-bin/*.php scripts`)
    .option('--out <dir>', 'where to write (default: DATA_DIR/dialplan)')
    .action((options: { out?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const result = await exportDialplan(ctx.store, options.out ?? join(ctx.dataDir, 'dialplan'));
        return { json: { export: result }, text: exportText(result) };
      }),
    );

  dialplan
    .command('preview')
    .description('show the dialplan generated for an application, and what Asterisk makes of each line (--json: a verdict per line)')
    .argument('<id>', 'its number or DIALPLAN-… id')
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { application, dialplan: lines, problems, script, lines: verdicts, hint, exportable, php } = await previewApplication(ctx.store, id);
        const text = [lines.trimEnd()];
        if (script) text.push('', `; agi-bin/${script.fileName} (executable):`, script.content.trimEnd());
        if (php) text.push('', phpText(php));
        if (problems.length > 0) text.push('', problemsText(problems));
        if (!exportable) text.push('', 'The export leaves this application out until the lines marked above are fixed: they would change the applications after it in the file.');
        return { json: { application, dialplan: lines, script, lines: verdicts, hint, exportable, php, problems }, text: text.join('\n') };
      }),
    );
}

function withFieldOptions(command: Command): Command {
  return command
    .option('--name <name>', 'name shown in the list (required for add, up to 50 characters)')
    .option('--ext <number>', 'the number to dial: digits and # + * | X, up to 64')
    .option('--type <type>', 'php (a PHP-AGI script) or plaintext (dialplan lines); default php')
    .option('--code-file <file>', 'read the code from FILE; - reads standard input')
    .option('--description <text>', 'up to 2000 characters')
    .option('--hint <text>', 'device state hint, e.g. Custom:2200101 (up to 255)');
}

async function draftFromOptions(options: FieldOptions): Promise<Partial<DialplanDraft>> {
  const draft: Partial<DialplanDraft> = {};
  if (options.name !== undefined) draft.name = options.name;
  if (options.ext !== undefined) draft.extension = options.ext;
  if (options.type !== undefined) draft.type = options.type;
  if (options.description !== undefined) draft.description = options.description;
  if (options.hint !== undefined) draft.hint = options.hint;
  if (options.codeFile !== undefined) draft.code = await readCodeFile(options.codeFile);
  return draft;
}

/** The code from a file, or from standard input for `-`. */
export async function readCodeFile(path: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if (path === '-') {
    if ((stdin as NodeJS.ReadStream).isTTY) process.stderr.write('Reading the code from the terminal; end it with Ctrl-D.\n');
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  const fail = (why: string, hint = 'Check the path, or give - to read the code from standard input.') =>
    new ValidationError(`Cannot read the code file ${path}: ${why}.`, hint, 'code');
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw fail('it is a directory');
    // Refuse early rather than load a huge file only to reject it.
    if (info.size > DIALPLAN_CODE_MAX_BYTES * 4) throw fail(`it is ${(info.size / 1024).toFixed(0)} KiB; code is limited to ${DIALPLAN_CODE_MAX_BYTES / 1024} KiB`, 'Keep large logic in a script file on the PBX and call it from here.');
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail('there is no such file');
    if (code === 'EACCES' || code === 'EPERM') throw fail('permission denied', 'Make the file readable for you, or pipe it in with --code-file - < FILE.');
    throw fail((error as Error).message);
  }
}

/** After a long edit the text is too precious to drop on a refused save: keep it in a file. */
async function keepEditedText(error: unknown, dataDir: string, app: DialplanApplication, code: string | undefined): Promise<unknown> {
  if (code === undefined || !(error instanceof PbxmodError)) return error;
  let file: string;
  try {
    file = await keepUnsavedEdit(dataDir, code, { baseName: app.uniqid, type: app.type });
  } catch {
    return error;
  }
  const hint = `${error.hint ? `${error.hint} ` : ''}Your edited code was kept in ${file}; use it with --code-file ${file}.`;
  return error instanceof ValidationError ? new ValidationError(error.message, hint, error.field) : new PbxmodError(error.code, error.message, hint);
}

// ---------------------------------------------------------------------------------------------
// text for a person

function label(app: DialplanApplication): string {
  return `${app.extension} "${app.name}" (${app.uniqid})`;
}

function appOutput(app: DialplanApplication, verb: string, php: PhpSyntaxCheck | null = null): CommandOutput {
  const text = `${verb} dialplan application ${label(app)}, type ${app.type}.`;
  return { json: { application: app, ...(php ? { php } : {}) }, text: php ? `${text}\n${phpText(php)}` : text };
}

function phpText(php: PhpSyntaxCheck): string {
  const where = php.checked && !php.ok && php.line !== null ? ` (line ${php.line} of the code)` : '';
  return `PHP syntax: ${visibleText(php.message)}${where}`;
}

function listText(apps: DialplanApplication[], filter: string | undefined): string {
  if (apps.length === 0) {
    return filter ? `No dialplan application matches "${filter}".` : 'No dialplan applications yet. Add one with `pbxmod dialplan add --name NAME`.';
  }
  const numberWidth = Math.max(6, ...apps.map((a) => a.extension.length));
  const nameWidth = Math.min(30, Math.max(4, ...apps.map((a) => a.name.length)));
  const descriptionWidth = Math.max(10, 80 - numberWidth - nameWidth - 9 - 6);
  const row = (n: string, name: string, type: string, d: string) => `${n.padEnd(numberWidth)}  ${fit(name, nameWidth).padEnd(nameWidth)}  ${type.padEnd(9)}  ${fit(d, descriptionWidth)}`.trimEnd();
  return [row('NUMBER', 'NAME', 'TYPE', 'DESCRIPTION'), ...apps.map((a) => row(a.extension, a.name, a.type, a.description.split('\n')[0] ?? ''))].join('\n');
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function showText(app: DialplanApplication): string {
  return [
    `${app.extension}  ${app.name}`,
    `Id:           ${app.uniqid}`,
    `Type:         ${app.type === 'php' ? 'php (PHP-AGI script)' : 'plaintext (dialplan lines)'}`,
    `Hint:         ${app.hint || '(none)'}`,
    `Description:  ${app.description ? app.description.replace(/\n/g, '\n              ') : '(none)'}`,
    '--- code ---',
    app.code.trimEnd() || '(empty)',
  ].join('\n');
}

function exportText(result: DialplanExport): string {
  const lines = [`Exported to ${result.dir}:`, `  ${result.conf}`, ...result.scripts.map((s) => `  ${s}`)];
  if (result.removed.length > 0) lines.push(`Removed ${result.removed.length} script(s) of deleted applications: ${result.removed.join(', ')}`);
  lines.push(`Include it in extensions.conf with: #include ${result.conf}`);
  for (const app of result.leftOut) {
    lines.push('', `Left out: ${app.extension} "${visibleText(app.name)}" (${app.uniqid}) was not written, so that it cannot change the applications after it:`, ...app.problems.map((p) => `  ${visibleText(describeLineProblem(p))}`));
  }
  if (result.leftOut.length > 0) lines.push('', `Fix the lines named above (pbxmod dialplan edit ID), then export again; the ${result.leftOut.length === 1 ? 'application stays' : 'applications stay'} in the store meanwhile.`);
  for (const app of result.problems) lines.push('', `${app.extension} "${visibleText(app.name)}" (${app.uniqid}):`, problemsText(app.problems));
  return lines.join('\n');
}

function problemsText(problems: DialplanLineProblem[]): string {
  return ['Check these; Asterisk would drop or misread them:', ...problems.map((p) => `  ${visibleText(describeLineProblem(p))}`)].join('\n');
}
