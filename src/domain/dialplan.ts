// Rules of a dialplan application (SPEC §6): formats, limits, number uniqueness, defaults.
// Pure: no I/O, so the console's form can run them on every key press.
import { activeMessages } from '../i18n/active.js';
import type { Messages } from '../i18n/en.js';
import type { ErrorText } from '../i18n/en/errors.js';
import { ValidationError, reason, renderReason, type ErrorJson, type Reason } from './errors.js';

export const dialplanTypes = ['php', 'plaintext'] as const;
export type DialplanType = (typeof dialplanTypes)[number];

/** `DIALPLAN-` + 8 upper-case hex digits. */
export const DIALPLAN_UNIQID_PATTERN = /^DIALPLAN-[0-9A-F]{8}$/;
/** Digits and the dialplan pattern characters the vendor allows, 1–64 long. */
export const DIALPLAN_EXTENSION_PATTERN = /^[0-9#+*|X]{1,64}$/;
export const DIALPLAN_NAME_MAX = 50;
export const DIALPLAN_EXTENSION_MAX = 64;
export const DIALPLAN_HINT_MAX = 255;
export const DIALPLAN_DESCRIPTION_MAX = 2000;
/** Code is stored inside the PBX store and read on every save; keep it a script, not a payload. */
export const DIALPLAN_CODE_MAX_BYTES = 256 * 1024;
/** Where new applications' numbers start (vendor default). */
export const FIRST_DIALPLAN_EXTENSION = 2200100;

/** The fields a person edits; `type` is a plain string so a form can hold a wrong value. */
export interface DialplanDraft {
  name: string;
  extension: string;
  hint: string;
  type: string;
  code: string;
  description: string;
}
export type DialplanField = keyof DialplanDraft;
/** Field order of the form; the first problem reported is the first field here. */
export const dialplanFields: readonly DialplanField[] = ['name', 'extension', 'type', 'hint', 'description', 'code'];
/** One message per field that has a problem, in the language in use. */
export type DialplanProblems = Partial<Record<DialplanField, string>>;
/** Why each field with a problem is wrong: a catalog id and its values. */
export type DialplanReasons = Partial<Record<DialplanField, Reason>>;

/** A dialplan application (SPEC §6), as the PBX store keeps it. */
export interface DialplanApplication {
  uniqid: string;
  name: string;
  extension: string;
  hint: string;
  type: 'php' | 'plaintext';
  code: string;
  description: string;
}

/** A number taken by another object of the PBX (an employee, a queue, an IVR menu...). */
export interface ExtensionNumber {
  number: string;
  kind: string;
  name: string;
}

/** The part of the PBX state the rules look at: every number of the PBX. */
export interface DialplanNumbering {
  extensions: ExtensionNumber[];
  dialplanApplications: DialplanApplication[];
}

/**
 * Invalid draft: `field` is the first field at fault, `reasons` holds every one. One field:
 * the error is that field's reason (code `dialplan_number_busy`, its values); several: code
 * `dialplan_draft_invalid`, each field's message on its own line.
 */
export class DialplanDraftError extends ValidationError {
  readonly reasons: DialplanReasons;
  private readonly fields: DialplanField[];

  constructor(reasons: DialplanReasons) {
    const fields = dialplanFields.filter((f) => reasons[f] !== undefined);
    super(fields.length === 1 ? reasons[fields[0]!]! : reason('dialplan_draft_invalid', { count: fields.length }), fields[0]);
    this.reasons = reasons;
    this.fields = fields;
  }

  /** Each field's message, in the language in use. */
  get problems(): DialplanProblems {
    return renderProblems(this.reasons, activeMessages());
  }

  override describe(messages: Messages = activeMessages()): ErrorText {
    if (this.fields.length <= 1) return super.describe(messages);
    const { hint } = super.describe(messages);
    const message = this.fields.map((f) => renderReason(messages, this.reasons[f]!).message).join('\n');
    return hint ? { message, hint } : { message };
  }

  override toJSON(): ReturnType<DialplanDraftError['toJson']> {
    return this.toJson();
  }

  override toJson(messages: Messages = activeMessages()): ErrorJson & { problems: Record<string, { reason: string; params: Readonly<Record<string, unknown>>; message: string }> } {
    const problems: Record<string, { reason: string; params: Readonly<Record<string, unknown>>; message: string }> = {};
    for (const f of this.fields) {
      const why = this.reasons[f]!;
      problems[f] = { reason: why.id, params: why.params, message: renderReason(messages, why).message };
    }
    return { ...super.toJson(messages), problems };
  }
}

function renderProblems(reasons: DialplanReasons, messages: Messages): DialplanProblems {
  const problems: DialplanProblems = {};
  for (const f of dialplanFields) {
    const why = reasons[f];
    if (why) problems[f] = renderReason(messages, why).message;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// uniqid

export function isDialplanUniqid(value: string): boolean {
  return DIALPLAN_UNIQID_PATTERN.test(value);
}

/** `DIALPLAN-` + the first 4 bytes as upper-case hex. */
export function formatDialplanUniqid(bytes: Uint8Array): string {
  if (bytes.length < 4) throw new RangeError('need 4 random bytes');
  return `DIALPLAN-${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** A fresh uniqid that none of `taken` has. */
export function generateDialplanUniqid(taken: Iterable<string>, random: () => Uint8Array = () => globalThis.crypto.getRandomValues(new Uint8Array(4))): string {
  const used = new Set(taken);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = formatDialplanUniqid(random());
    if (!used.has(id)) return id;
  }
  throw new Error('could not find a free dialplan application id; the random source repeats itself');
}

/** Accept `dialplan-0000064a` as typed; anything else is returned unchanged. */
export function normalizeDialplanUniqid(value: string): string {
  const upper = value.trim().toUpperCase();
  return DIALPLAN_UNIQID_PATTERN.test(upper) ? upper : value.trim();
}

// ---------------------------------------------------------------------------------------------
// numbers

/** Who holds a number, in words: `employee Reception`, `dialplan application Echo test (DIALPLAN-10003246)`. */
export interface NumberHolder {
  number: string;
  /** `employee Reception` */
  description: string;
  /** Set when a dialplan application holds it. */
  uniqid?: string;
}

/** Every number of the PBX and who holds it; `exceptUniqid` leaves out the application being edited. */
export function numbersInUse(state: DialplanNumbering, exceptUniqid?: string): Map<string, NumberHolder> {
  const used = new Map<string, NumberHolder>();
  for (const e of state.extensions) used.set(e.number, { number: e.number, description: describeExtension(e) });
  for (const app of state.dialplanApplications) {
    if (app.uniqid === exceptUniqid || used.has(app.extension)) continue;
    used.set(app.extension, { number: app.extension, description: describeApplication(app), uniqid: app.uniqid });
  }
  return used;
}

function describeApplication(app: DialplanApplication): string {
  return `dialplan application ${app.name || '(no name)'} (${app.uniqid})`;
}

function describeExtension(e: ExtensionNumber): string {
  return e.name ? `${e.kind} ${e.name}` : e.kind;
}

/** The first number from 2200100 upward that nothing on the PBX uses. */
export function nextFreeExtension(state: DialplanNumbering | ReadonlyMap<string, unknown>): string {
  const used = state instanceof Map ? state : numbersInUse(state as DialplanNumbering);
  let candidate = FIRST_DIALPLAN_EXTENSION;
  while (used.has(String(candidate))) candidate++;
  return String(candidate);
}

// ---------------------------------------------------------------------------------------------
// drafts

/** A new application: the next free number, type php, everything else empty. */
export function newDialplanDraft(state: DialplanNumbering): DialplanDraft {
  return { name: '', extension: nextFreeExtension(state), hint: '', type: 'php', code: '', description: '' };
}

export function draftOf(app: DialplanApplication): DialplanDraft {
  return { name: app.name, extension: app.extension, hint: app.hint, type: app.type, code: app.code, description: app.description };
}

/** The name of a copy: `... (copy)`, the original shortened so the whole fits in 50 characters. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  const base = [...name.trim()];
  const room = DIALPLAN_NAME_MAX - suffix.length;
  const kept = base.length > room ? `${base.slice(0, room - 3).join('').trimEnd()}...` : base.join('');
  return `${kept}${suffix}`;
}

/** What is stored: names, numbers and hints trimmed; code with Unix line ends. */
export function normalizeDraft(draft: DialplanDraft): DialplanDraft {
  return {
    name: draft.name.trim(),
    extension: draft.extension.trim(),
    hint: draft.hint.trim(),
    type: draft.type.trim().toLowerCase(),
    code: draft.code.replace(/\r\n?/g, '\n'),
    description: draft.description.replace(/\r\n?/g, '\n').trim(),
  };
}

/**
 * Every problem of a draft, one message per field (in the language in use), each saying what
 * to do — for a form that validates while the person types. `exceptUniqid` is the application
 * being edited (it keeps its own number). The draft is normalized first, as saving would.
 */
export function dialplanProblems(input: DialplanDraft, state: DialplanNumbering, exceptUniqid?: string): DialplanProblems {
  return renderProblems(dialplanReasons(input, state, exceptUniqid), activeMessages());
}

/** Every problem of a draft as a reason per field: the id and the values, no words. */
export function dialplanReasons(input: DialplanDraft, state: DialplanNumbering, exceptUniqid?: string): DialplanReasons {
  const draft = normalizeDraft(input);
  const problems: DialplanReasons = {};

  const name = lengthOf(draft.name);
  if (name === 0) problems.name = reason('dialplan_name_required');
  else if (/[\n\t\r]/.test(draft.name)) problems.name = reason('dialplan_name_multiline');
  else if (name > DIALPLAN_NAME_MAX) problems.name = reason('dialplan_too_long', { field: 'name', length: name, max: DIALPLAN_NAME_MAX });

  const extensionProblem = checkExtension(draft.extension, state, exceptUniqid);
  if (extensionProblem) problems.extension = extensionProblem;

  if (!(dialplanTypes as readonly string[]).includes(draft.type)) {
    problems.type = draft.type === '' ? reason('dialplan_type_required') : reason('dialplan_type_unknown', { type: input.type });
  }

  const hint = lengthOf(draft.hint);
  if (/[\n\r]/.test(draft.hint)) problems.hint = reason('dialplan_hint_multiline');
  else if (hint > DIALPLAN_HINT_MAX) problems.hint = reason('dialplan_too_long', { field: 'hint', length: hint, max: DIALPLAN_HINT_MAX });

  const description = lengthOf(draft.description);
  if (description > DIALPLAN_DESCRIPTION_MAX) problems.description = reason('dialplan_too_long', { field: 'description', length: description, max: DIALPLAN_DESCRIPTION_MAX });

  const bytes = utf8Length(draft.code);
  if (bytes > DIALPLAN_CODE_MAX_BYTES) problems.code = reason('dialplan_code_too_large', { kib: (bytes / 1024).toFixed(1), limitKib: DIALPLAN_CODE_MAX_BYTES / 1024 });
  return problems;
}

function checkExtension(extension: string, state: DialplanNumbering, exceptUniqid: string | undefined): Reason | undefined {
  // The suggestion walks every number of the PBX: only worth it when there is a problem.
  const suggestion = () => nextFreeExtension(numbersInUse(state, exceptUniqid));
  if (extension === '') return reason('dialplan_number_required', { suggestion: suggestion() });
  const length = lengthOf(extension);
  if (length > DIALPLAN_EXTENSION_MAX) return reason('dialplan_too_long', { field: 'extension', length, max: DIALPLAN_EXTENSION_MAX });
  if (!DIALPLAN_EXTENSION_PATTERN.test(extension)) {
    const characters = [...new Set([...extension].filter((c) => !/[0-9#+*|X]/.test(c)))];
    return reason('dialplan_number_characters', { number: extension, characters, suggestion: suggestion() });
  }
  const extensionHolder = state.extensions.find((e) => e.number === extension);
  if (extensionHolder) return reason('dialplan_number_busy', { number: extension, kind: extensionHolder.kind, owner: extensionHolder.name, suggestion: suggestion() });
  const app = state.dialplanApplications.find((a) => a.extension === extension && a.uniqid !== exceptUniqid);
  if (app) return reason('dialplan_number_busy', { number: extension, kind: 'dialplan_application', owner: app.name, uniqid: app.uniqid, suggestion: suggestion() });
  return undefined;
}

/** Who uses `number`, found without building the whole map (this runs on every key press). */
export function holderOf(number: string, state: DialplanNumbering, exceptUniqid?: string): NumberHolder | undefined {
  const extension = state.extensions.find((e) => e.number === number);
  if (extension) return { number, description: describeExtension(extension) };
  const app = state.dialplanApplications.find((a) => a.extension === number && a.uniqid !== exceptUniqid);
  return app ? { number, description: describeApplication(app), uniqid: app.uniqid } : undefined;
}

/** Characters as a person counts them (code points, not UTF-16 units). */
function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function utf8Length(text: string): number {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short texts are under the limit without encoding.
  if (text.length * 3 <= DIALPLAN_CODE_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Check a draft and return the fields to store, normalized; throws a DialplanDraftError naming
 * every problem.
 */
export function validateDialplanDraft(draft: DialplanDraft, state: DialplanNumbering, exceptUniqid?: string): Omit<DialplanApplication, 'uniqid'> {
  const problems = dialplanReasons(draft, state, exceptUniqid);
  if (Object.keys(problems).length > 0) throw new DialplanDraftError(problems);
  const clean = normalizeDraft(draft);
  return { ...clean, type: clean.type as DialplanType };
}

// ---------------------------------------------------------------------------------------------
// lists

/** Applications whose number, name, type, description or code contains `filter` (any case), by number. */
export function filterApplications(apps: readonly DialplanApplication[], filter?: string): DialplanApplication[] {
  const needle = filter?.trim().toLowerCase() ?? '';
  const matching = needle === ''
    ? [...apps]
    : apps.filter((a) => a.extension.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle) || a.type.includes(needle) || a.description.toLowerCase().includes(needle) || a.uniqid.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle));
  return matching.sort(byExtension);
}

/** Numbers in numeric order where both are plain digits, else as text. */
export function byExtension(a: Pick<DialplanApplication, 'extension'>, b: Pick<DialplanApplication, 'extension'>): number {
  return numberOrder.compare(a.extension, b.extension);
}

const numberOrder = new Intl.Collator('en', { numeric: true });
