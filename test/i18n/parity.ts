/**
 * Do two message catalogs have the same shape? Same keys at every depth, and every message
 * takes the same values: a string names the same `{placeholders}`; a function declares as many
 * parameters, reads the same keys of an object parameter, and shows the same values.
 *
 * A function is called with sentinels and its output searched for them, so a translation that
 * drops `${p.number}` is caught, while the words around it may be any language: the check is
 * about structure, not wording. The reference catalog (English) decides how a function is
 * called; the other is called the same way.
 */

/** One difference, at a dotted path of the catalog (`errors.size_malformed`). */
export interface ParityProblem {
  path: string;
  problem: string;
}

export interface ParityNames {
  /** Name of the reference catalog in the problems (default 'en'). */
  reference?: string;
  /** Name of the catalog checked against it (default 'ru'). */
  other?: string;
}

export function catalogParity(reference: unknown, other: unknown, names: ParityNames = {}): ParityProblem[] {
  const problems: ParityProblem[] = [];
  compare(reference, other, '', { reference: names.reference ?? 'en', other: names.other ?? 'ru' }, problems);
  return problems;
}

/** The problems as lines, for an assertion message. */
export function formatProblems(problems: readonly ParityProblem[]): string {
  return problems.map(({ path, problem }) => `  ${path || '(root)'}: ${problem}`).join('\n');
}

function compare(a: unknown, b: unknown, path: string, names: Required<ParityNames>, problems: ParityProblem[]): void {
  const report = (problem: string): void => {
    problems.push({ path, problem });
  };
  const kindA = kindOf(a);
  const kindB = kindOf(b);
  if (kindA !== kindB) return report(`is ${kindA} in ${names.reference} but ${kindB} in ${names.other}`);
  switch (kindA) {
    case 'object': {
      if (isPluralForms(a) && isPluralForms(b)) {
        // Each language has its own plural categories (en: one, other; ru: one, few, many, other).
        const all = (forms: Record<string, string>) => placeholders(Object.values(forms));
        return compareSets(all(a), all(b), 'placeholder', names, report);
      }
      const objA = a as Record<string, unknown>;
      const objB = b as Record<string, unknown>;
      for (const key of Object.keys(objA)) {
        if (!(key in objB)) problems.push({ path: join(path, key), problem: `missing in ${names.other}` });
      }
      for (const key of Object.keys(objB)) {
        if (!(key in objA)) problems.push({ path: join(path, key), problem: `extra in ${names.other} (not in ${names.reference})` });
      }
      for (const key of Object.keys(objA)) if (key in objB) compare(objA[key], objB[key], join(path, key), names, problems);
      return;
    }
    case 'text': {
      const placeholdersA = placeholders(a as string | string[]);
      const placeholdersB = placeholders(b as string | string[]);
      compareSets(placeholdersA, placeholdersB, 'placeholder', names, report);
      return;
    }
    case 'array': {
      const listA = a as unknown[];
      const listB = b as unknown[];
      if (listA.length !== listB.length) report(`has ${listA.length} entries in ${names.reference} but ${listB.length} in ${names.other}`);
      listA.forEach((item, i) => i < listB.length && compare(item, listB[i], join(path, String(i)), names, problems));
      return;
    }
    case 'function':
      return compareFunctions(a as Message, b as Message, names, report);
    default:
      return;
  }
}

type Kind = 'object' | 'text' | 'array' | 'function' | 'number' | 'boolean' | 'null' | 'undefined' | 'other';

/**
 * A string is text; so is a list of strings (lines of one message: a translation may wrap
 * them into more or fewer lines, so only their placeholders together are compared).
 */
function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? 'text' : 'array';
  if (typeof value === 'function') return 'function';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return typeof value as Kind;
  return 'other';
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** `{one, few, many, other}` of strings, as `pluralForm` takes them (src/i18n/plural.ts). */
function isPluralForms(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return 'other' in value && entries.every(([key, text]) => PLURAL_CATEGORIES.has(key) && typeof text === 'string');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** `{name}` placeholders of a string (or of lines together). */
export function placeholders(text: string | readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const line of typeof text === 'string' ? [text] : text) for (const match of line.matchAll(/\{(\w+)\}/g)) found.add(match[1]!);
  return found;
}

function compareSets(a: Set<string>, b: Set<string>, what: string, names: Required<ParityNames>, report: (problem: string) => void): void {
  const missing = [...a].filter((item) => !b.has(item));
  const extra = [...b].filter((item) => !a.has(item));
  if (missing.length > 0) report(`${what} ${missing.map((m) => `{${m}}`).join(', ')} in ${names.reference} but not in ${names.other}`);
  if (extra.length > 0) report(`${what} ${extra.map((m) => `{${m}}`).join(', ')} in ${names.other} but not in ${names.reference}`);
}

// ---------------------------------------------------------------------------------------------
// Functions: called with sentinels.

type Message = (...args: unknown[]) => unknown;

/**
 * How the arguments are made:
 * - `probe`: each parameter is a Proxy that reads as a string sentinel (`⟦0⟧`), as a number
 *   where a number is needed (plural rules, comparisons), and as an object whose keys, when
 *   read, are recorded and give further sentinels (`⟦0.number⟧`). One call serves positional
 *   strings, counts and an object parameter `p` alike.
 * - `numbers` / `strings`: plain primitives (an object parameter still a Proxy, its keys giving
 *   primitives), for a function that needs real numbers (`new Date(ms)`) or real strings.
 * The first way under which the reference neither throws nor prints NaN is used for both.
 */
const MODES = ['probe', 'numbers', 'strings'] as const;
type Mode = (typeof MODES)[number];

interface Call {
  mode: Mode;
  /** The sentinels seen in the output (labels: `0`, `1`, `0.number`). */
  shown: Set<string>;
  /** Keys read of object parameters (`0.number`). */
  read: Set<string>;
  /** The shape of a structured result (`{message, hint}` → 'hint,message'). */
  shape: string;
  error?: unknown;
}

function compareFunctions(a: Message, b: Message, names: Required<ParityNames>, report: (problem: string) => void): void {
  if (a.length !== b.length) report(`takes ${a.length} parameter(s) in ${names.reference} but ${b.length} in ${names.other}`);
  const arity = Math.max(a.length, b.length);
  // The keys an object parameter has, learnt from the reference's first call.
  let callA: Call | undefined;
  for (const mode of MODES) {
    callA = call(a, arity, mode, callA?.read);
    if (!callA.error && !callA.shape.includes('NaN')) break;
  }
  if (!callA || callA.error) return report(`${names.reference} throws when called with sentinels: ${String(callA?.error)}`);
  const callB = call(b, arity, callA.mode, callA.read);
  if (callB.error) return report(`${names.other} throws when called like ${names.reference}: ${String(callB.error)}`);
  if (callA.shape !== callB.shape) report(`returns ${callA.shape} in ${names.reference} but ${callB.shape} in ${names.other}`);
  compareLabels(callA.read, callB.read, 'reads', names, report);
  compareLabels(callA.shown, callB.shown, 'shows', names, report);
}

/**
 * Values a translation may leave out: the licensing service's own sentence is English (the API
 * speaks English), so a Russian message gives the catalog's words for the code instead of quoting
 * it. Every other value must be shown in both languages.
 */
const MAY_BE_LEFT_OUT = new Set(['serviceMessage']);

function compareLabels(a: Set<string>, b: Set<string>, verb: string, names: Required<ParityNames>, report: (problem: string) => void): void {
  const missing = [...a].filter((label) => !b.has(label) && !MAY_BE_LEFT_OUT.has(label.split('.').at(-1) ?? ''));
  const extra = [...b].filter((label) => !a.has(label));
  const describe = (labels: string[]) => labels.map(parameterName).join(', ');
  if (missing.length > 0) report(`${names.reference} ${verb} ${describe(missing)} but ${names.other} does not`);
  if (extra.length > 0) report(`${names.other} ${verb} ${describe(extra)} but ${names.reference} does not`);
}

/** `0` → 'parameter 1', `0.number` → 'p.number'. */
function parameterName(label: string): string {
  const [index, ...keys] = label.split('.');
  return keys.length > 0 ? `p.${keys.join('.')}` : `parameter ${Number(index) + 1}`;
}

function call(fn: Message, arity: number, mode: Mode, objectKeys?: Set<string>): Call {
  const sentinels = new Sentinels(mode, objectKeys);
  const args = Array.from({ length: arity }, (_, i) => sentinels.argument(String(i)));
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    return { mode, shown: new Set(), read: sentinels.read, shape: '', error };
  }
  const texts: string[] = [];
  const shape = sentinels.collect(result, texts);
  return { mode, shown: sentinels.find(texts.join('\n')), read: sentinels.read, shape: shape + (texts.some((t) => /\bNaN\b|Invalid Date/.test(t)) ? ' (NaN)' : '') };
}

/** Sentinel values of one call, and what they can be found by. */
class Sentinels {
  readonly read = new Set<string>();
  private readonly proxies = new WeakMap<object, string>();
  private readonly byNumber = new Map<number, string>();

  constructor(
    private readonly mode: Mode,
    /** Keys of object parameters read in an earlier call: those parameters stay objects. */
    private readonly objectKeys: Set<string> = new Set(),
  ) {}

  /** The value given for parameter `label`. */
  argument(label: string): unknown {
    const isObject = [...this.objectKeys].some((key) => key.startsWith(`${label}.`));
    if (this.mode === 'probe' || isObject) return this.proxy(label);
    return this.primitive(label);
  }

  private text(label: string): string {
    return `⟦${label}⟧`;
  }

  /** Three-digit numbers from 901: no thousands separator in any language, unlike 9001. */
  private number(label: string): number {
    const existing = [...this.byNumber].find(([, l]) => l === label);
    if (existing) return existing[0];
    const value = 901 + this.byNumber.size;
    this.byNumber.set(value, label);
    return value;
  }

  private primitive(label: string): string | number {
    return this.mode === 'numbers' ? this.number(label) : this.text(label);
  }

  private proxy(label: string): object {
    const text = this.text(label);
    const number = this.number(label);
    const proxy: object = new Proxy(Object.create(null) as object, {
      get: (_target, key) => {
        if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? number : text);
        if (typeof key === 'symbol' || key === 'then') return undefined;
        // A parameter used as a number or a string: its formatting methods give the sentinel.
        if (['toString', 'toLocaleString', 'toFixed', 'toPrecision', 'toJSON', 'valueOf'].includes(key)) return () => text;
        // A parameter used as a list (`p.known.join(', ')`, `p.problems.map(...)`): a list of one
        // sentinel item, whose own keys are read like a parameter's.
        if (key === 'join') return () => text;
        if (key === 'length') return 1;
        if (['map', 'flatMap', 'filter', 'forEach', 'some', 'every', 'find'].includes(key)) {
          const list = [this.proxy(`${label}.0`)];
          return (list[key as keyof typeof list] as Message).bind(list);
        }
        if (key in String.prototype) {
          const member = (text as unknown as Record<string, unknown>)[key];
          return typeof member === 'function' ? (member as Message).bind(text) : member;
        }
        const child = `${label}.${key}`;
        this.read.add(child);
        return this.mode === 'probe' ? this.proxy(child) : this.primitive(child);
      },
    });
    this.proxies.set(proxy, text);
    return proxy;
  }

  /** The texts of a result (a string, or an object or list of them), and its shape. */
  collect(value: unknown, texts: string[]): string {
    if (value !== null && typeof value === 'object' && this.proxies.has(value)) {
      texts.push(this.proxies.get(value)!);
      return 'text';
    }
    if (typeof value === 'string' || typeof value === 'number') {
      texts.push(String(value));
      return 'text';
    }
    if (Array.isArray(value)) return `[${value.map((item) => this.collect(item, texts)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      return `{${entries
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([key, v]) => `${key}: ${this.collect(v, texts)}`)
        .join(', ')}}`;
    }
    return String(value);
  }

  /** The sentinels that show in an output. */
  find(output: string): Set<string> {
    const shown = new Set<string>();
    for (const match of output.matchAll(/⟦([^⟧]+)⟧/g)) shown.add(match[1]!);
    for (const match of output.matchAll(/(?<![\d.,])9\d\d(?![\d])/g)) {
      const label = this.byNumber.get(Number(match[0]));
      if (label !== undefined) shown.add(label);
    }
    return shown;
  }
}
