// Operations on the PBX's dialplan applications (SPEC §6): one function per operation, called by
// the command line and by the console's screen. Every change is ONE store update that re-checks
// the rules on the freshest data under the store's cross-process lock, so two consoles saving at
// once lose nothing and cannot both take one number.
import { auditDetail, auditFailure, type AuditDetailFields } from '../domain/audit-words.js';
import { join } from 'node:path';
import {
  DialplanDraftError,
  DIALPLAN_UNIQID_PATTERN,
  copyName,
  dialplanFields,
  draftOf,
  filterApplications,
  generateDialplanUniqid,
  newDialplanDraft,
  nextFreeExtension,
  normalizeDialplanUniqid,
  normalizeDraft,
  validateDialplanDraft,
  type DialplanDraft,
  type DialplanField,
} from '../domain/dialplan.js';
import { NotFoundError, PbxmodError, StoreError, reason } from '../domain/errors.js';
import { appendAudit, audited, type PbxStore } from '../store/pbx-store.js';
import type { DialplanApplication, PbxState } from '../store/schema.js';
import { agiScriptLineOffset, generateApplicationDialplan, generateApplicationsContext, type ApplicationProblems, type GeneratedApplication } from './generate.js';
import { EXECUTABLE_MODE, prepareExportDirectory, removeStaleFiles, writeFileAtomically } from './export-files.js';
import { checkPhpSyntax, type PhpSyntaxCheck } from './php-lint.js';
import { check } from './checks.js';

/** Name of the exported context file; not `extensions.conf`, so an export never replaces the PBX's own. */
export const EXPORT_CONF_NAME = 'dialplan-applications.conf';
/** Folder of the exported PHP-AGI scripts, as in Asterisk's layout. */
export const EXPORT_AGI_DIR = 'agi-bin';

/** Someone else changed the application while this person was editing it. */
export class DialplanConflictError extends PbxmodError {
  readonly fields: DialplanField[];
  constructor(app: DialplanApplication, fields: DialplanField[]) {
    super('dialplan_conflict', reason('dialplan_conflict', { number: app.extension, name: app.name, fields }));
    this.fields = fields;
  }
}

/** The applications whose number, name, type, description or code contains `filter`, by number. */
export async function listApplications(store: PbxStore, filter?: string): Promise<DialplanApplication[]> {
  const state = await store.read();
  return filterApplications(state.dialplanApplications, filter);
}

/** One application, by uniqid (`DIALPLAN-0000064A`, any case) or by its number (`000064`). */
export async function getApplication(store: PbxStore, idOrExtension: string): Promise<DialplanApplication> {
  return requireApplication(await store.read(), idOrExtension);
}

/** Look an application up in a state you already hold; `undefined` when there is none. */
export function findApplication(state: Pick<PbxState, 'dialplanApplications'>, idOrExtension: string): DialplanApplication | undefined {
  const key = normalizeDialplanUniqid(idOrExtension);
  return DIALPLAN_UNIQID_PATTERN.test(key)
    ? state.dialplanApplications.find((a) => a.uniqid === key)
    : state.dialplanApplications.find((a) => a.extension === key);
}

function requireApplication(state: Pick<PbxState, 'dialplanApplications'>, idOrExtension: string): DialplanApplication {
  const found = findApplication(state, idOrExtension);
  if (found) return found;
  const key = normalizeDialplanUniqid(idOrExtension);
  throw new NotFoundError(reason('dialplan_not_found', DIALPLAN_UNIQID_PATTERN.test(key) ? { id: key } : { number: key }));
}

/** A new application's form as it opens: next free number, type php (SPEC §6). */
export async function newApplicationDraft(store: PbxStore): Promise<DialplanDraft> {
  return newDialplanDraft(await store.read());
}

/**
 * Add an application. Fields left out take the new-application defaults; the number, when
 * left out, is the next free one at the moment of saving.
 */
export async function createApplication(store: PbxStore, draft: Partial<DialplanDraft>): Promise<DialplanApplication> {
  return changeAndAudit(store, 'dialplan.create', draft.extension ?? draft.name, (state) => {
    const full: DialplanDraft = { ...newDialplanDraft(state), ...definedFields(draft) };
    const fields = validateDialplanDraft(full, state);
    const app: DialplanApplication = { uniqid: generateDialplanUniqid(state.dialplanApplications.map((a) => a.uniqid)), ...fields };
    refuseWhatLeaks(app);
    state.dialplanApplications.push(app);
    return { result: app, target: app.uniqid, detail: summary(app) };
  });
}

export interface UpdateOptions {
  /**
   * The application as the person saw it when they started editing. A field they changed that
   * someone else has changed since is a conflict, refused with DialplanConflictError.
   */
  basedOn?: DialplanApplication;
}

/** Change some fields of an application; it keeps its own number unless `patch` gives another. */
export async function updateApplication(store: PbxStore, idOrExtension: string, patch: Partial<DialplanDraft>, options: UpdateOptions = {}): Promise<DialplanApplication> {
  return changeAndAudit(store, 'dialplan.update', idOrExtension, (state) => {
    const current = requireApplication(state, options.basedOn?.uniqid ?? idOrExtension);
    const changes = definedFields(patch);
    if (options.basedOn) {
      const base = options.basedOn;
      const wanted = normalizeDraft({ ...draftOf(current), ...changes });
      const clashing = (Object.keys(changes) as DialplanField[]).filter((f) => current[f] !== base[f] && current[f] !== wanted[f]);
      if (clashing.length > 0) throw new DialplanConflictError(current, clashing);
    }
    const fields = validateDialplanDraft({ ...draftOf(current), ...changes }, state, current.uniqid);
    const updated: DialplanApplication = { uniqid: current.uniqid, ...fields };
    refuseWhatLeaks(updated);
    state.dialplanApplications[state.dialplanApplications.indexOf(current)] = updated;
    const changed = (Object.keys(fields) as DialplanField[]).filter((f) => current[f] !== updated[f]);
    return { result: updated, target: updated.uniqid, detail: changed.length > 0 ? auditDetail('applicationChanged', { fields: changed.join(', ') }) : auditDetail('applicationUnchanged') };
  });
}

/** Copy an application: new id, the next free number, name `… (copy)`. */
export async function copyApplication(store: PbxStore, idOrExtension: string): Promise<DialplanApplication> {
  return changeAndAudit(store, 'dialplan.copy', idOrExtension, (state) => {
    const source = requireApplication(state, idOrExtension);
    const fields = validateDialplanDraft({ ...draftOf(source), name: copyName(source.name), extension: nextFreeExtension(state) }, state);
    const copy: DialplanApplication = { uniqid: generateDialplanUniqid(state.dialplanApplications.map((a) => a.uniqid)), ...fields };
    refuseWhatLeaks(copy);
    state.dialplanApplications.push(copy);
    return { result: copy, target: copy.uniqid, detail: auditDetail('applicationCopy', { source: source.uniqid, extension: copy.extension, name: copy.name, type: copy.type }) };
  });
}

/** Delete an application; returns what was deleted. */
export async function deleteApplication(store: PbxStore, idOrExtension: string): Promise<DialplanApplication> {
  return changeAndAudit(store, 'dialplan.delete', idOrExtension, (state) => {
    const app = requireApplication(state, idOrExtension);
    state.dialplanApplications.splice(state.dialplanApplications.indexOf(app), 1);
    return { result: app, target: app.uniqid, detail: summary(app) };
  });
}

/**
 * Text that would change what follows it in the exported file (an unclosed `;--`, a line
 * Asterisk skips for its length...) is refused on save, naming the line: the export could only
 * leave such an application out.
 */
function refuseWhatLeaks(app: DialplanApplication): void {
  const leaks = generateApplicationDialplan(app).problems.filter((p) => p.verdict === 'leaks');
  if (leaks.length === 0) return;
  const hint = leaks.filter((p) => p.line === null).map((p) => ({ text: p.text, checks: p.checks }));
  const code = leaks.flatMap((p) => (p.line === null ? [] : [{ line: p.line, checks: p.checks }]));
  throw new DialplanDraftError({
    ...(hint.length > 0 ? { hint: reason('dialplan_hint_leaks', { problems: hint }) } : {}),
    ...(code.length > 0 ? { code: reason('dialplan_code_leaks', { problems: code }) } : {}),
  });
}

export interface ApplicationPreview extends GeneratedApplication {
  application: DialplanApplication;
  /** php: `php -l` on the script as written to agi-bin, or why it was not checked. */
  php: PhpSyntaxCheck | null;
}

/** The generated dialplan of a saved application (for an unsaved draft, call generateApplicationDialplan). */
export async function previewApplication(store: PbxStore, idOrExtension: string): Promise<ApplicationPreview> {
  const application = await getApplication(store, idOrExtension);
  const generated = generateApplicationDialplan(application);
  const php = await checkApplicationScript(application, generated);
  const problems = php && php.checked && !php.ok ? [...generated.problems, { line: php.line, text: '', checks: [check('php_lint', { message: php.message })] }] : generated.problems;
  return { application, ...generated, problems, php };
}

/**
 * `php -l` on a php application's script as AGI will run it (with its `#!` line), when a php
 * binary is on PATH; null for plaintext. Used on save and in the preview.
 */
export async function checkApplicationScript(app: DialplanApplication, generated = generateApplicationDialplan(app)): Promise<PhpSyntaxCheck | null> {
  if (!generated.script) return null;
  const result = await checkPhpSyntax(generated.script.content);
  if (result.checked && !result.ok && result.line !== null) return { ...result, line: codeLineOf(app, result.line) };
  return result;
}

/** A line of the written script back to the line of the code the person edits (a #! line may have been added). */
function codeLineOf(app: DialplanApplication, scriptLine: number): number {
  return Math.max(1, scriptLine - agiScriptLineOffset(app.code));
}

export interface DialplanExport {
  /** The directory written, absolute. */
  dir: string;
  /** Path of the `[applications]` context file. */
  conf: string;
  /** Paths of the PHP-AGI scripts written. */
  scripts: string[];
  /** Scripts of applications that no longer exist, removed from agi-bin. */
  removed: string[];
  /** Lines flagged, per application; they were written as typed, except in applications left out. */
  problems: ApplicationProblems[];
  /** Applications not written, whose text would have changed what follows it in the file. */
  leftOut: ApplicationProblems[];
}

/**
 * Write the `[applications]` context (dialplan-applications.conf, for `#include` in
 * extensions.conf) and `agi-bin/<uniqid>.php` for every php application into `outDir`, each file
 * atomically. Scripts named like ours whose application is gone are removed.
 */
export async function exportDialplan(store: PbxStore, outDir: string): Promise<DialplanExport> {
  return audited(store, 'dialplan.export', outDir, async () => {
    const state = await store.read();
    const generated = generateApplicationsContext(state.dialplanApplications);
    const dir = await prepareExportDirectory(outDir);
    const agiDir = join(dir, EXPORT_AGI_DIR);
    const scripts: string[] = [];
    for (const [name, content] of Object.entries(generated.scripts)) {
      const path = join(agiDir, name);
      await writeFileAtomically(path, content, EXECUTABLE_MODE);
      scripts.push(path);
    }
    // The context last: when it appears, the scripts it calls are already there.
    const conf = join(dir, EXPORT_CONF_NAME);
    await writeFileAtomically(conf, generated.conf);
    const removed = await removeStaleFiles(agiDir, /^DIALPLAN-[0-9A-F]{8}\.php$/, new Set(Object.keys(generated.scripts)));
    return { dir, conf, scripts, removed, problems: generated.problems.filter((p) => !p.leftOut), leftOut: generated.problems.filter((p) => p.leftOut) };
  });
}

// ---------------------------------------------------------------------------------------------

interface AuditedChange<R> {
  result: R;
  target: string;
  detail: AuditDetailFields;
}

/** One locked update that changes the state and logs it; a refused change is logged as failed. */
async function changeAndAudit<R>(store: PbxStore, action: string, attemptedTarget: string | undefined, change: (state: PbxState) => AuditedChange<R>): Promise<R> {
  try {
    return await store.update((state) => {
      const { result, target, detail } = change(state);
      appendAudit(state, { action, target, outcome: 'ok', ...detail });
      return result;
    });
  } catch (error) {
    // When the store itself fails there is nowhere to log the failure.
    if (!(error instanceof StoreError)) {
      await store.update((s) => appendAudit(s, { action, target: attemptedTarget, outcome: 'failed', ...auditFailure(error) })).catch(() => undefined);
    }
    throw error;
  }
}

/** The draft fields that were given; anything else in the object (an id, a stray key) is ignored. */
function definedFields(draft: Partial<DialplanDraft>): Partial<DialplanDraft> {
  const given: Partial<DialplanDraft> = {};
  for (const field of dialplanFields) if (typeof draft[field] === 'string') given[field] = draft[field];
  return given;
}

function summary(app: DialplanApplication): AuditDetailFields {
  return auditDetail('application', { extension: app.extension, name: app.name, type: app.type });
}
