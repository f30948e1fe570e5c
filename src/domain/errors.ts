/**
 * Errors are values with a code and two sentences for a person: what happened (`message`)
 * and what to do about it (`hint`). They are mapped once, where they arise, and shown the
 * same way by the console and the command line (see `describeError`).
 */
export class PbxmodError extends Error {
  /** Stable machine-readable code, printed in `--json` output. */
  readonly code: string | number;
  /** What the person can do next. */
  readonly hint: string | undefined;

  constructor(code: string | number, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }

  toJSON(): { code: string | number; message: string; hint?: string } {
    return this.hint ? { code: this.code, message: this.message, hint: this.hint } : { code: this.code, message: this.message };
  }
}

/** Bad input from a person or a script: a form field, a flag, a key that does not parse. */
export class ValidationError extends PbxmodError {
  readonly field: string | undefined;
  constructor(message: string, hint?: string, field?: string) {
    super('invalid_input', message, hint);
    this.field = field;
  }
}

/** The local store cannot be read or written; it names the file and is never overwritten. */
export class StoreError extends PbxmodError {
  readonly file: string;
  constructor(code: string, file: string, message: string, hint: string) {
    super(code, message, hint);
    this.file = file;
  }
}

/** Something the person asked for does not exist (a module, an application, a host). */
export class NotFoundError extends PbxmodError {
  constructor(message: string, hint?: string) {
    super('not_found', message, hint);
  }
}

/** The operation would need confirmation that was not given (non-interactive, no --yes). */
export class ConfirmationRequiredError extends PbxmodError {
  constructor(message: string, hint: string) {
    super('confirmation_required', message, hint);
  }
}

/** Plain text for a person: message, then the hint on its own line. */
export function describeError(error: unknown): string {
  if (error instanceof PbxmodError) return error.hint ? `${error.message}\n${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The JSON shape of an error in `--json` output. */
export function errorToJson(error: unknown): { code: string | number; message: string; hint?: string } {
  if (error instanceof PbxmodError) return error.toJSON();
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
