import { activeMessages } from '../i18n/active.js';
import type { Messages } from '../i18n/en.js';
import type { ErrorCatalog, ErrorId, ErrorText } from '../i18n/en/errors.js';

export type { ErrorId } from '../i18n/en/errors.js';

/** Why an error happened: a catalog id and the values its words need. */
export interface Reason<K extends ErrorId = ErrorId> {
  readonly id: K;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * `reason('dialplan_number_busy', {number: '201', owner: 'Reception'})`: the id and values,
 * checked against the English catalog's entry, with no words in them.
 */
export function reason<K extends ErrorId>(id: K, ...params: Parameters<ErrorCatalog[K]>): Reason<K> {
  return { id, params: (params[0] ?? {}) as Record<string, unknown> };
}

/** The words of a reason in a catalog; an id the catalog lacks is shown as itself. */
export function renderReason(messages: Messages, { id, params }: Reason): ErrorText {
  const entry = messages.errors[id] as ((p: unknown) => ErrorText) | undefined;
  return entry ? entry(params) : { message: String(id) };
}

/**
 * Errors are values with a code and the values that explain it (`reason`). The words — what
 * happened (`message`) and what to do (`hint`) — come from the catalog of the language in use
 * when the error is shown (`describe`, or `message`/`hint`, which read the active catalog).
 *
 * A plain string instead of a reason is for words that are not this program's to translate: the
 * licensing service's HTTP answers (the API speaks English, service-error.ts). Everything a person
 * reads from this program is a reason.
 */
export class PbxmodError extends Error {
  /** Stable machine-readable code, printed in `--json` output. */
  readonly code: string | number;
  readonly reason: Reason | undefined;
  private readonly fixedText: ErrorText | undefined;

  constructor(code: string | number, why: Reason | string, hint?: string) {
    super();
    this.name = new.target.name;
    this.code = code;
    if (typeof why === 'string') {
      this.reason = undefined;
      this.fixedText = hint === undefined ? { message: why } : { message: why, hint };
    } else {
      this.reason = why;
      this.fixedText = undefined;
    }
    // Read when shown, in the language in use then.
    Object.defineProperty(this, 'message', { get: () => this.describe().message, enumerable: false, configurable: true });
  }

  /** What the person can do next, in the language in use. */
  get hint(): string | undefined {
    return this.describe().hint;
  }

  /** The values of the reason (empty for an old-form error). */
  get params(): Readonly<Record<string, unknown>> {
    return this.reason?.params ?? {};
  }

  /** The words in a catalog (default: the one in use). */
  describe(messages: Messages = activeMessages()): ErrorText {
    return this.fixedText ?? renderReason(messages, this.reason!);
  }

  /** What `JSON.stringify` writes: in the language in use. */
  toJSON(): ErrorJson {
    return this.toJson();
  }

  toJson(messages: Messages = activeMessages()): ErrorJson {
    const { message, hint } = this.describe(messages);
    return {
      code: this.code,
      ...(this.reason && this.reason.id !== this.code ? { reason: this.reason.id } : {}),
      ...(this.reason ? { params: jsonParams(this.reason.params) } : {}),
      message,
      ...(hint ? { hint } : {}),
    };
  }
}

export interface ErrorJson {
  code: string | number;
  /** The catalog id, when it is not the code itself. */
  reason?: string;
  params?: Record<string, unknown>;
  message: string;
  hint?: string;
  /** The field or flag at fault, for bad input. */
  field?: string;
}

/** Bad input from a person or a script: a form field, a flag, a key that does not parse. Exit 2. */
export class ValidationError extends PbxmodError {
  readonly field: string | undefined;
  constructor(why: Reason, field?: string) {
    super(why.id, why);
    this.field = field;
  }

  override toJson(messages: Messages = activeMessages()): ErrorJson {
    return { ...super.toJson(messages), ...(this.field ? { field: this.field } : {}) };
  }
}

/** The local store cannot be read or written; it names the file and is never overwritten. */
export class StoreError extends PbxmodError {
  readonly file: string;
  /** `code`: the code it is reported under, when several reasons share one (default: the reason's id). */
  constructor(why: Reason, file: string, code?: string) {
    super(code ?? why.id, why);
    this.file = file;
  }
}

/** Something the person asked for does not exist (a module, an application, a host). */
export class NotFoundError extends PbxmodError {
  constructor(why: Reason) {
    super(why.id, why);
  }
}

/** The operation would need confirmation that was not given (non-interactive, no --yes). */
export class ConfirmationRequiredError extends PbxmodError {
  constructor(why: Reason) {
    super('confirmation_required', why);
  }
}

/** Plain text for a person: message, then the hint on its own line, in a catalog (default: the one in use). */
export function describeError(error: unknown, messages: Messages = activeMessages()): string {
  if (error instanceof PbxmodError) {
    const { message, hint } = error.describe(messages);
    return hint ? `${message}\n${hint}` : message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The JSON shape of an error in `--json` output: code, reason and values, and the words in the language in use. */
export function errorToJson(error: unknown, messages: Messages = activeMessages()): ErrorJson {
  if (error instanceof PbxmodError) return error.toJson(messages);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal_error', params: { detail }, message: renderReason(messages, reason('internal_error', { detail })).message };
}

function jsonParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = value;
  return out;
}
