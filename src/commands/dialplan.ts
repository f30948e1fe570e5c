// `pbxmod dialplan …`: the dialplan applications of SPEC §6 without the console.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DIALPLAN_CODE_MAX_BYTES, type DialplanDraft } from '../domain/dialplan.js';
import { PbxmodError, ValidationError, reason } from '../domain/errors.js';
import type { CodeFileProblem } from '../i18n/en/errors/commands.js';
import { currentMessages } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/en.js';
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
import { describeLineProblem, problemJson, readingJson, type ApplicationProblems, type DialplanLineProblem } from '../dialplan/generate.js';
import type { PhpSyntaxCheck } from '../dialplan/php-lint.js';
import { visibleText } from '../domain/terminal-text.js';
import type { DialplanApplication } from '../store/schema.js';
import { ErrorInContext, confirmOrRefuse, runCommandAction, type CommandOutput } from './output.js';
import { formatTable, tableFitOf, type TableFit } from './text-table.js';

type Words = Messages['cli']['dialplan'];

interface FieldOptions {
  name?: string;
  ext?: string;
  type?: string;
  codeFile?: string;
  description?: string;
  hint?: string;
}

export function registerDialplanCommands(program: Command): void {
  const t = currentMessages().cli;
  const words = t.dialplan;
  const dialplan = program.command('dialplan').description(words.description);

  dialplan
    .command('list')
    .description(words.list.description)
    .option('--filter <text>', words.list.filter)
    .action((options: { filter?: string }, command: Command) =>
      runCommandAction(command, async (ctx, globals) => {
        const apps = await listApplications(ctx.store, options.filter);
        return { json: { applications: apps, count: apps.length }, text: listText(apps, options.filter, words, tableFitOf(globals)) };
      }),
    );

  dialplan
    .command('show')
    .description(words.show.description)
    .argument('<id>', words.id)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await getApplication(ctx.store, id);
        return { json: { application: app }, text: showText(app, words) };
      }),
    );

  withFieldOptions(dialplan.command('add').description(words.add.description), words)
    .action((options: FieldOptions, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await createApplication(ctx.store, await draftFromOptions(options));
        return appOutput(app, words.added, await checkApplicationScript(app));
      }),
    );

  withFieldOptions(dialplan.command('edit').description(words.edit.description), words)
    .argument('<id>', words.id)
    .option('--editor', words.edit.editor)
    .action((id: string, options: FieldOptions & { editor?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const patch = await draftFromOptions(options);
        if (!options.editor) {
          if (Object.keys(patch).length === 0) {
            throw new ValidationError(reason('nothing_to_change'));
          }
          const saved = await updateApplication(ctx.store, id, patch);
          return appOutput(saved, words.saved, await checkApplicationScript(saved));
        }
        const before = await getApplication(ctx.store, id);
        const edited = await editInExternalEditor(patch.code ?? before.code, { type: patch.type ?? before.type, baseName: before.uniqid });
        if (edited !== before.code) patch.code = edited;
        else delete patch.code;
        if (Object.keys(patch).length === 0) {
          return { json: { application: before, changed: false }, text: words.unchanged(label(before)) };
        }
        let saved: DialplanApplication;
        try {
          saved = await updateApplication(ctx.store, before.uniqid, patch, { basedOn: before });
        } catch (error) {
          throw await keepEditedText(error, ctx.dataDir, before, patch.code);
        }
        return appOutput(saved, words.saved, await checkApplicationScript(saved));
      }),
    );

  dialplan
    .command('copy')
    .description(words.copy.description)
    .argument('<id>', words.id)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => appOutput(await copyApplication(ctx.store, id), words.copied)),
    );

  dialplan
    .command('rm')
    .description(words.rm.description)
    .argument('<id>', words.id)
    .option('--yes', t.common.yes)
    .action((id: string, options: { yes?: boolean }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const app = await getApplication(ctx.store, id);
        await confirmOrRefuse(words.rm.confirm(label(app)), options.yes, '--yes');
        const deleted = await deleteApplication(ctx.store, app.uniqid);
        return { json: { deleted }, text: words.rm.done(label(deleted)) };
      }),
    );

  dialplan
    .command('export')
    .description(words.export.description(EXPORT_CONF_NAME))
    .option('--out <dir>', words.export.out)
    .action((options: { out?: string }, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const result = await exportDialplan(ctx.store, options.out ?? join(ctx.dataDir, 'dialplan'));
        const perApplication = (list: ApplicationProblems[]) => list.map((app) => ({ ...app, problems: app.problems.map((p) => problemJson(p)) }));
        const json = { ...result, problems: perApplication(result.problems), leftOut: perApplication(result.leftOut) };
        return { json: { export: json }, text: exportText(result, words) };
      }),
    );

  dialplan
    .command('preview')
    .description(words.preview.description)
    .argument('<id>', words.id)
    .action((id: string, _options: unknown, command: Command) =>
      runCommandAction(command, async (ctx) => {
        const { application, dialplan: lines, problems, script, lines: verdicts, hint, exportable, php } = await previewApplication(ctx.store, id);
        const text = [lines.trimEnd()];
        if (script) text.push('', words.preview.script(script.fileName), script.content.trimEnd());
        if (php) text.push('', phpText(php, words));
        if (problems.length > 0) text.push('', problemsText(problems, words));
        if (!exportable) text.push('', words.preview.notExportable);
        const json = { application, dialplan: lines, script, lines: verdicts.map((l) => readingJson(l)), hint: hint && readingJson(hint), exportable, php, problems: problems.map((p) => problemJson(p)) };
        return { json, text: text.join('\n') };
      }),
    );
}

function withFieldOptions(command: Command, words: Words): Command {
  return command
    .option('--name <name>', words.fields.name)
    .option('--ext <number>', words.fields.ext)
    .option('--type <type>', words.fields.type)
    .option('--code-file <file>', words.fields.codeFile)
    .option('--description <text>', words.fields.description)
    .option('--hint <text>', words.fields.hint);
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
    if ((stdin as NodeJS.ReadStream).isTTY) process.stderr.write(`${currentMessages().cli.common.codeFromTerminal}\n`);
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  const fail = (problem: Omit<CodeFileProblem, 'path'>) => new ValidationError(reason('code_file_unreadable', { path, ...problem }), 'code');
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw fail({ cause: 'directory' });
    // Refuse early rather than load a huge file only to reject it.
    if (info.size > DIALPLAN_CODE_MAX_BYTES * 4) throw fail({ cause: 'too_large', sizeKib: Math.round(info.size / 1024), limitKib: DIALPLAN_CODE_MAX_BYTES / 1024 });
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail({ cause: 'missing' });
    if (code === 'EACCES' || code === 'EPERM') throw fail({ cause: 'denied' });
    throw fail({ cause: 'other', detail: (error as Error).message });
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
  return new ErrorInContext(error, { after: reason('dialplan_edit_kept', { file }) });
}

// ---------------------------------------------------------------------------------------------
// text for a person

function label(app: DialplanApplication): string {
  return currentMessages().cli.dialplan.label(app.extension, app.name, app.uniqid);
}

function appOutput(app: DialplanApplication, said: (label: string, type: string) => string, php: PhpSyntaxCheck | null = null): CommandOutput {
  const text = said(label(app), app.type);
  return { json: { application: app, ...(php ? { php } : {}) }, text: php ? `${text}\n${phpText(php, currentMessages().cli.dialplan)}` : text };
}

function phpText(php: PhpSyntaxCheck, words: Words): string {
  return words.php(visibleText(php.message), php.checked && !php.ok && php.line !== null ? php.line : null);
}

function listText(apps: DialplanApplication[], filter: string | undefined, words: Words, fit: TableFit): string {
  if (apps.length === 0) return filter ? words.list.noMatch(filter) : words.list.empty;
  const header = words.list.header;
  const rows = apps.map((a) => [a.extension, a.name, a.type, a.description.split('\n')[0] ?? '']);
  return formatTable({ header: [header.number, header.name, header.type, header.description], rows, keep: [0, 2] }, fit);
}

function showText(app: DialplanApplication, words: Words): string {
  const w = words.show;
  const indent = ' '.repeat(w.descriptionLabel.length);
  return [
    `${app.extension}  ${app.name}`,
    `${w.idLabel}${app.uniqid}`,
    `${w.typeLabel}${w.typeName(app.type)}`,
    `${w.hintLabel}${app.hint || w.none}`,
    `${w.descriptionLabel}${app.description ? app.description.replace(/\n/g, `\n${indent}`) : w.none}`,
    w.code,
    app.code.trimEnd() || w.empty,
  ].join('\n');
}

function exportText(result: DialplanExport, words: Words): string {
  const w = words.export;
  const lines = [w.exported(result.dir), `  ${result.conf}`, ...result.scripts.map((s) => `  ${s}`)];
  if (result.removed.length > 0) lines.push(w.removed(result.removed.length, result.removed.join(', ')));
  lines.push(w.include(result.conf));
  for (const app of result.leftOut) {
    lines.push('', w.leftOut(words.label(app.extension, visibleText(app.name), app.uniqid)), ...app.problems.map((p) => `  ${visibleText(describeLineProblem(p))}`));
  }
  if (result.leftOut.length > 0) lines.push('', w.fixLeftOut(result.leftOut.length));
  for (const app of result.problems) lines.push('', `${words.label(app.extension, visibleText(app.name), app.uniqid)}:`, problemsText(app.problems, words));
  return lines.join('\n');
}

function problemsText(problems: DialplanLineProblem[], words: Words): string {
  return [words.checkThese, ...problems.map((p) => `  ${visibleText(describeLineProblem(p))}`)].join('\n');
}
