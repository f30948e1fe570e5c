// How Asterisk turns `exten =>` / `same =>` lines into a context's extensions, ported from
// pbx/pbx_config.c (pbx_load_config(), pbx_strsep()) and main/pbx.c (add_priority()), so the
// preview can say what each line becomes. Pure.
import { readConfig, skipLeadingBlanks, stripBlanks, type ConfigRead, type ConfigVariable } from './asterisk-config-reader.js';

/** pbx.h PRIORITY_HINT. */
export const PRIORITY_HINT = -1;

/** One priority of an extension, as registered. */
export interface ExtensionEntry {
  priority: number;
  label: string | null;
  application: string;
  data: string;
  physical: number;
}

/** What became of one `exten`/`same` line. */
export type ExtensionLineOutcome =
  | {
      kind: 'added';
      extension: string;
      entry: ExtensionEntry;
      /** Text after the last ")" of the arguments, which Asterisk drops. */
      tail: string;
      /** There was a "(" but no ")": Asterisk warns and takes the rest as the arguments. */
      noClosingParenthesis: boolean;
      /** The label was already used at another priority: Asterisk dropped it from this line. */
      droppedLabel: string | null;
      /** Text after the label's ")" in the priority field, which Asterisk ignores. */
      afterLabel: string;
      /** The priority field as sscanf("%d") read it, when it read less than the whole field. */
      priorityReadAs: string | null;
      /** `+x` read by atoi(): its text, when it is not plain digits. */
      oddOffset: string | null;
      /** `n`/`s` counted on from the priority before this context's lines here (another application's). */
      continuedFromBefore: boolean;
    }
  | { kind: 'dropped'; extension: string; reason: string }
  /** A context line that is no extension: `include` and friends (`known`), or an unknown directive. */
  | { kind: 'other'; name: string; known: boolean };

export interface ContinuationState {
  /** lastextension: what a `same =>` line continues. */
  lastExtension: string;
  /** lastpri: what `n` counts on from; -2 at the start of a context. */
  lastPriority: number;
}

/** The extensions of one context, filled line by line as pbx_load_config() does. */
export class ContextLoader {
  /** Each extension's priorities, in ascending order (the peer list of pbx.c). */
  readonly extensions = new Map<string, ExtensionEntry[]>();
  /** extension NUL label → the priorities that carry it. */
  private readonly labels = new Map<string, number[]>();
  private lastExtension: string;
  private lastPriority: number;
  /** lastpri still holds what it held before these lines (another application's count). */
  private priorityFromBefore: boolean;

  constructor(start: Partial<ContinuationState> = {}) {
    this.lastExtension = start.lastExtension ?? '';
    this.lastPriority = start.lastPriority ?? -2;
    this.priorityFromBefore = start.lastPriority !== undefined;
  }

  /** pbx_load_config() resets the continuation at each [category] of the context. */
  resetContinuation(): void {
    this.lastExtension = '';
    this.lastPriority = -2;
    this.priorityFromBefore = false;
  }

  load(variable: ConfigVariable): ExtensionLineOutcome {
    const name = variable.name;
    let extension: string;
    let rest: string | null;
    if (name.slice(0, 4).toLowerCase() === 'same') {
      if (this.lastExtension === '') return { kind: 'dropped', extension: '', reason: `No previous pattern in the first entry of context to match '${name}'` };
      extension = this.lastExtension;
      rest = variable.value;
    } else if (name.toLowerCase() === 'exten') {
      const [ext, after] = pbxStrsep(variable.value, ',');
      extension = ext;
      this.lastExtension = extension;
      rest = after;
    } else if (['include', 'ignorepat', 'switch', 'lswitch', 'eswitch'].includes(name.toLowerCase())) {
      return { kind: 'other', name, known: true };
    } else {
      return { kind: 'other', name, known: false };
    }
    // process_extension:
    const slash = extension.indexOf('/');
    if (slash >= 0) extension = extension.slice(0, slash);
    const [priorityField, afterPriority] = strsep(rest, ',');
    let pri = stripBlanks(priorityField ?? '');
    let label: string | null = null;
    let afterLabel = '';
    const open = pri.indexOf('(');
    if (open >= 0) {
      const inside = pri.slice(open + 1);
      pri = pri.slice(0, open);
      const close = inside.indexOf(')');
      if (close < 0) return { kind: 'dropped', extension, reason: "Label missing trailing ')'" };
      label = inside.slice(0, close);
      afterLabel = inside.slice(close + 1);
    }
    let plus: string | null = null;
    const plusAt = pri.indexOf('+');
    if (plusAt >= 0) {
      plus = pri.slice(plusAt + 1);
      pri = pri.slice(0, plusAt);
    }
    let priority: number;
    let priorityReadAs: string | null = null;
    let continuedFromBefore = false;
    if (pri === 'hint') {
      priority = PRIORITY_HINT;
    } else if (pri === 'next' || pri === 'n' || pri === 'same' || pri === 's') {
      const next = pri === 'next' || pri === 'n';
      if (this.lastPriority <= -2) return { kind: 'dropped', extension, reason: `Can't use '${next ? 'next' : 'same'}' priority on the first entry` };
      priority = this.lastPriority + (next ? 1 : 0);
      continuedFromBefore = this.priorityFromBefore;
    } else {
      const scanned = scanInteger(pri);
      if (scanned === null) {
        const byLabel = this.findLabel(extension, pri);
        if (byLabel < 1) return { kind: 'dropped', extension, reason: `Invalid priority/label '${pri}'` };
        priority = byLabel;
      } else {
        if (scanned.value < 1) return { kind: 'dropped', extension, reason: `Invalid priority '${pri}'` };
        priority = scanned.value;
        if (scanned.length < pri.length) priorityReadAs = String(scanned.value);
      }
    }
    const { application, data, tail, noClosingParenthesis } = splitApplication(afterPriority ?? '');
    // `if (ipri)`: a priority of 0 (n after a hint) adds nothing and says nothing.
    if (priority === 0) return { kind: 'dropped', extension, reason: 'the priority works out to 0, so Asterisk adds nothing (and says nothing)' };
    if (plus !== null) priority += atoi(plus);
    this.lastPriority = priority;
    this.priorityFromBefore = false;
    const entry: ExtensionEntry = { priority, label, application, data, physical: variable.physical };
    const added = this.addPriority(extension, entry);
    if (added.refused) return { kind: 'dropped', extension, reason: added.refused };
    return {
      kind: 'added',
      extension,
      entry,
      tail,
      noClosingParenthesis,
      droppedLabel: added.droppedLabel,
      afterLabel,
      priorityReadAs,
      oddOffset: plus !== null && !/^\d+$/.test(plus) ? plus : null,
      continuedFromBefore,
    };
  }

  /**
   * add_priority(): walking the priorities up to the new one's place, a label already used at
   * another of them is dropped from the new line; a priority already in use refuses the line.
   */
  private addPriority(extension: string, entry: ExtensionEntry): { refused?: string; droppedLabel: string | null } {
    const entries = this.extensions.get(extension) ?? [];
    const at = firstAtOrAbove(entries, entry.priority);
    // The walk stops at the first priority at or above the new one, that one included.
    const stop = at < entries.length ? entries[at]!.priority : Number.POSITIVE_INFINITY;
    let droppedLabel: string | null = null;
    if (entry.label !== null) {
      const labelled = this.labels.get(`${extension}\u0000${entry.label}`) ?? [];
      if (labelled.some((p) => p !== entry.priority && p <= stop)) droppedLabel = entry.label;
    }
    if (droppedLabel !== null) entry.label = null;
    if (at < entries.length && entries[at]!.priority === entry.priority) {
      const what = entry.priority === PRIORITY_HINT ? 'hint' : `priority ${entry.priority}`;
      return { refused: `Unable to register extension '${extension}' ${what}, already in use`, droppedLabel };
    }
    entries.splice(at, 0, entry);
    this.extensions.set(extension, entries);
    if (entry.label !== null) {
      const key = `${extension}\u0000${entry.label}`;
      this.labels.set(key, [...(this.labels.get(key) ?? []), entry.priority]);
    }
    return { droppedLabel };
  }

  /** ast_findlabel_extension2() within this context's lines so far: the lowest priority with the label. */
  private findLabel(extension: string, label: string): number {
    const priorities = this.labels.get(`${extension}\u0000${label}`);
    return priorities && priorities.length > 0 ? Math.min(...priorities) : -1;
  }
}

/** Index of the first entry whose priority is at or above `priority` (entries are sorted). */
function firstAtOrAbove(entries: readonly ExtensionEntry[], priority: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid]!.priority < priority) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The application and its arguments, as pbx_load_config() splits them: no "(" → all of it is
 * the name; else the name ends at the first "(" and the arguments at the LAST ")" — whatever
 * follows that ")" is dropped. A name holding `${` or `$[` (a hint's device) is kept whole.
 */
export function splitApplication(text: string): { application: string; data: string; tail: string; noClosingParenthesis: boolean } {
  const open = text.indexOf('(');
  if (open < 0) return { application: skipLeadingBlanks(text), data: '', tail: '', noClosingParenthesis: false };
  const name = text.slice(0, open);
  if (name.includes('${') || name.includes('$[')) return { application: skipLeadingBlanks(text), data: '', tail: '', noClosingParenthesis: false };
  const args = text.slice(open + 1);
  const close = args.lastIndexOf(')');
  if (close < 0) return { application: skipLeadingBlanks(name), data: args, tail: '', noClosingParenthesis: true };
  return { application: skipLeadingBlanks(name), data: args.slice(0, close), tail: args.slice(close + 1), noClosingParenthesis: false };
}

/** pbx_strsep(): splits at `delim` outside [...] and not after a backslash (kept). */
function pbxStrsep(text: string, delim: string): [string, string | null] {
  let square = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '[') square++;
    else if (c === ']') square = Math.max(0, square - 1);
    else if (c === '\\') i++;
    else if (c === delim && square === 0) return [text.slice(0, i), i + 1 < text.length ? text.slice(i + 1) : null];
  }
  return [text, null];
}

/** strsep(): before the first `delim`, and the rest (null when there was no delimiter). */
function strsep(text: string | null, delim: string): [string | null, string | null] {
  if (text === null) return [null, null];
  const at = text.indexOf(delim);
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

/** sscanf(text, "%30d"): blanks, a sign, digits; the rest is ignored. `length` = characters read. */
function scanInteger(text: string): { value: number; length: number } | null {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text.slice(0, 30 + (text.length - text.trimStart().length)));
  if (!match) return null;
  return { value: Number.parseInt(match[1]!, 10), length: match[0].length };
}

/** atoi(): like sscanf, 0 when nothing numeric begins the text. */
function atoi(text: string): number {
  return scanInteger(text)?.value ?? 0;
}

/** Every context of a dialplan text, loaded as pbx_load_config() would. */
export interface LoadedDialplan {
  config: ConfigRead;
  contexts: Map<string, ContextLoader>;
}

/** Read and load a whole extensions.conf-style text (pbx_load_config() over config_text_file_load()). */
export function loadDialplan(text: string): LoadedDialplan {
  const config = readConfig(text);
  const contexts = new Map<string, ContextLoader>();
  if (config.invalid) return { config, contexts };
  for (const category of config.categories) {
    if (['general', 'globals'].includes(category.name.toLowerCase())) continue;
    const loader = contexts.get(category.name) ?? new ContextLoader();
    loader.resetContinuation();
    contexts.set(category.name, loader);
    for (const variable of category.variables) loader.load(variable);
  }
  return { config, contexts };
}
