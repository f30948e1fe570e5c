// What the dialplan checker found, as ids and values (`check('no_lines', {extension})`), and its
// words in a catalog: the checker never words anything, the place that shows a problem does.
import { activeMessages } from '../i18n/active.js';
import type { Messages } from '../i18n/en.js';
import type { DialplanCheckCatalog, DialplanCheckId } from '../i18n/en/dialplan-checks.js';

export type { DialplanCheckId } from '../i18n/en/dialplan-checks.js';

/** One finding of the checker: a stable id (printed in `--json`) and the values its words need. */
export interface DialplanCheck<K extends DialplanCheckId = DialplanCheckId> {
  readonly id: K;
  readonly params: Readonly<Record<string, unknown>>;
}

/** `check('no_lines', {extension: '201'})`, type-checked against the English catalog's entry. */
export function check<K extends DialplanCheckId>(id: K, ...params: Parameters<DialplanCheckCatalog[K]>): DialplanCheck<K> {
  return { id, params: (params[0] ?? {}) as Record<string, unknown> };
}

/** The words of one finding (default: in the language in use). */
export function checkText({ id, params }: DialplanCheck, messages: Messages = activeMessages()): string {
  const entry = messages.dialplanChecks.checks[id] as ((p: unknown) => string) | undefined;
  return entry ? entry(params) : String(id);
}

/** The words of the findings of one line, together. */
export function checksText(checks: readonly DialplanCheck[], messages: Messages = activeMessages()): string {
  return checks.map((c) => checkText(c, messages)).join(messages.dialplanChecks.separator);
}

/** A finding for `--json`: its id, its values and its words in the language in use. */
export function checkJson(found: DialplanCheck, messages: Messages = activeMessages()): { code: DialplanCheckId; params: Readonly<Record<string, unknown>>; message: string } {
  return { code: found.id, params: found.params, message: checkText(found, messages) };
}
