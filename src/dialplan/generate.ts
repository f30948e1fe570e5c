// The Asterisk dialplan a PBX generates from its dialplan applications (SPEC §6), for the
// preview and for the export, and what Asterisk will make of each line of it: the lines are
// read back with pbxmod's ports of Asterisk's config parser and pbx_config. Pure: text in, text out.
import { DIALPLAN_EXTENSION_PATTERN, DIALPLAN_UNIQID_PATTERN, byExtension } from '../domain/dialplan.js';
import { ASTERISK_LINE_MAX_BYTES, MAX_NESTED_COMMENTS, readConfig, scanLine, stripBlanks, type ConfigLine } from './asterisk-config-reader.js';
import { ContextLoader, PRIORITY_HINT, type ExtensionLineOutcome } from './asterisk-extensions.js';
import type { DialplanApplication } from '../store/schema.js';
import { activeMessages } from '../i18n/active.js';
import type { Messages } from '../i18n/en.js';
import { check, checkJson, checksText, type DialplanCheck } from './checks.js';

/** The Asterisk context the applications live in. */
export const APPLICATIONS_CONTEXT = 'applications';

/** What the generator needs; a form can pass an unsaved draft (type as typed). */
export interface DialplanSource {
  uniqid: string;
  name?: string;
  extension: string;
  hint: string;
  type: string;
  code: string;
}

/** What Asterisk does with a line: loads it as written, reads it as a comment, drops it, reads
 * it differently, loads it but stops a call there, or would change what follows in the file. */
export type LineVerdict = 'loads' | 'comment' | 'dropped' | 'misread' | 'fails' | 'leaks';

/** A line of code Asterisk would drop or misread. `line` is 1-based; `null` = the application as a whole. */
export interface DialplanLineProblem {
  line: number | null;
  text: string;
  /** What was found, as ids and values; worded where it is shown (`problemReason`, `describeLineProblem`). */
  checks: DialplanCheck[];
  verdict?: LineVerdict;
  /** A problem of the hint line (`text` is the hint). */
  hint?: true;
}

/** What Asterisk makes of one non-blank line of a plaintext application's code. */
export interface CodeLineReading {
  /** Line of the code, from 1. */
  line: number;
  text: string;
  /** The line as written to the file. */
  written: string;
  verdict: LineVerdict;
  /** Why the verdict, when it is not "loads" or "comment". */
  checks?: DialplanCheck[];
  /** What Asterisk registers for it; `priority` is null when it counts on from the application above. */
  loaded?: { priority: number | null; label: string | null; application: string; data: string };
}

/** The hint line, and what Asterisk makes of it. */
export interface HintReading {
  /** The line as written, or null when it is left out. */
  written: string | null;
  verdict: LineVerdict;
  checks?: DialplanCheck[];
  /** The device state string Asterisk registers. */
  loaded?: string;
}

export interface AgiScriptFile {
  /** `DIALPLAN-XXXXXXXX.php`, in Asterisk's agi-bin. */
  fileName: string;
  /** As written to agi-bin: the code, with a `#!` line when it had none. */
  content: string;
}

export interface GeneratedApplication {
  /** The `exten => …` / `same => …` lines, newline-terminated. */
  dialplan: string;
  /** Lines flagged for the person; apart from those that leak, they are still written as typed. */
  problems: DialplanLineProblem[];
  /** The PHP-AGI script, for type php. */
  script: AgiScriptFile | null;
  /** Plaintext: every non-blank line of code with Asterisk's verdict. */
  lines: CodeLineReading[];
  hint: HintReading | null;
  /** False when the text would change what follows it in the file: the export leaves it out. */
  exportable: boolean;
}

/** AGI executes the script, so it needs an interpreter line; MikoPBX writes this one. */
export const PHP_SHEBANG = '#!/usr/bin/php';

/** The generated dialplan of one application. */
export function generateApplicationDialplan(app: DialplanSource): GeneratedApplication {
  const written: WrittenLine[] = [];
  const hint = hintLine(app);
  if (hint.line !== null) written.push({ text: hint.line, source: 'hint' });
  const hintLeftOut: DialplanLineProblem[] = hint.reading ? [{ line: null, text: '', checks: hint.reading.checks!, verdict: hint.reading.verdict }] : [];
  if (app.type === 'php') {
    const fileName = agiScriptName(app.uniqid);
    written.push({ text: `exten => _${app.extension},1,AGI(${fileName})`, source: null }, { text: `\tsame => n,Hangup()`, source: null });
    const reading = readWritten(app, written, []);
    const problems = [...hintLeftOut, ...reading.problems, ...phpProblems(app.code)];
    return { dialplan: joinLines(written.map((w) => w.text)), problems, script: { fileName, content: agiScriptContent(app.code) }, lines: [], hint: hint.reading ?? reading.hint, exportable: reading.exportable };
  }
  if (app.type !== 'plaintext') {
    return { dialplan: '', problems: [{ line: null, text: '', checks: [check('type_not_generated', { type: app.type })] }], script: null, lines: [], hint: null, exportable: false };
  }
  const codeLines: { line: number; text: string }[] = [];
  let depth = 0;
  let first = true;
  app.code.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    codeLines.push({ line: index + 1, text });
    // The prefix goes on the lines Asterisk will parse; the others (comments, lines inside a
    // block comment) are written as they are. The prefix holds no ';', '-' or '\', so it never
    // changes how the comment scan reads the line.
    const scan = scanLine(text, depth);
    const parsed = depth === 0 && scan.processed !== null && stripBlanks(scan.processed) !== '';
    const line = !parsed ? (first ? text : `\t${text}`) : first ? `exten => _${app.extension},${text}` : `\tsame => ${text}`;
    if (parsed) first = false;
    written.push({ text: line, source: index + 1 });
    depth = scan.depthAfter;
  });
  const reading = readWritten(app, written, codeLines);
  const problems = [...hintLeftOut, ...reading.problems];
  if (first && reading.exportable) problems.push({ line: null, text: '', checks: [check('no_lines', { extension: app.extension })] });
  else if (!reading.hasPriorityOne && reading.exportable) problems.push({ line: null, text: '', checks: [check('no_priority_one', { extension: app.extension })] });
  return { dialplan: joinLines(written.map((w) => w.text)), problems, script: null, lines: reading.lines, hint: hint.reading ?? reading.hint, exportable: reading.exportable };
}

interface WrittenLine {
  text: string;
  /** Code line it comes from, `hint`, or null for lines pbxmod adds. */
  source: number | 'hint' | null;
}

/** Exact numbers only: Asterisk matches a hint by the dialled number, and a pattern is no number. */
const HINT_EXTENSION = /^[0-9*#+]+$/;

function hintLine(app: DialplanSource): { line: string | null; reading?: HintReading } {
  const hint = oneLine(app.hint);
  if (hint === '') return { line: null };
  if (!HINT_EXTENSION.test(app.extension)) {
    return {
      line: null,
      reading: {
        written: null,
        verdict: 'dropped',
        checks: [check('hint_on_pattern', { extension: app.extension })],
      },
    };
  }
  return { line: `exten => ${app.extension},hint,${hint}` };
}

/**
 * Read the written lines as Asterisk would (the config parser, then pbx_config), in a context of
 * their own that continues from some other application's lines, and give each code line its verdict.
 */
function readWritten(app: DialplanSource, written: WrittenLine[], codeLines: { line: number; text: string }[]) {
  const text = `[${APPLICATIONS_CONTEXT}]\n${written.map((w) => `${w.text}\n`).join('')}`;
  const config = readConfig(text);
  // An application follows another one in the file: `same` and `n` would continue from it.
  const loader = new ContextLoader({ lastExtension: PREVIOUS_APPLICATION, lastPriority: PREVIOUS_PRIORITY });
  const byPhysical = new Map(config.lines.map((l) => [l.physical, l]));
  const variables = new Map(config.categories.flatMap((c) => c.variables).map((v) => [v.physical, v]));
  const opener = config.unterminatedFrom;
  const results = new Map<number | 'hint', { verdict: LineVerdict; checks: DialplanCheck[]; loaded?: CodeLineReading['loaded']; hintLoaded?: string }>();
  let exportable = config.invalid === null && config.directives.length === 0 && config.hangsAt === null;
  const codeByLine = new Map(codeLines.map((c) => [c.line, c.text]));

  written.forEach((w, index) => {
    const physical = index + 2;
    const read = byPhysical.get(physical);
    const verdicts: { verdict: LineVerdict; found: DialplanCheck | null }[] = [];
    const note: Note = (verdict, found) => verdicts.push({ verdict, found });
    let loaded: CodeLineReading['loaded'];
    let hintLoaded: string | undefined;
    const isFirstParsed = w.text.startsWith('exten => _');
    const codeText = typeof w.source === 'number' ? codeByLine.get(w.source) ?? '' : w.source === 'hint' ? oneLine(app.hint) : '';
    if (codeText.includes('\0')) note('leaks', check('nul'));
    if (!read || read.tooLong) {
      const bytes = read?.bytes ?? new TextEncoder().encode(w.text).length;
      note('leaks', check('too_long', { bytes, max: ASTERISK_LINE_MAX_BYTES, joinsAbove: isFirstParsed }));
    } else if (read.swallowed) {
      note('dropped', check('swallowed'));
    } else {
      if (read.depthAfter < 0 && read.depthBefore >= 0) note('leaks', check('close_outside_comment'));
      if (read.depthBefore > 0 && read.text !== null) note('leaks', check('text_after_close'));
      if (opener === physical && read.depthAfter > 0) note('leaks', check('comment_never_closed'));
      if (config.hangsAt === physical) note('leaks', check('too_many_nested', { max: MAX_NESTED_COMMENTS }));
      const variable = variables.get(physical);
      if (read.text === null || !variable) {
        if (verdicts.length === 0) note('comment', null);
      } else {
        const outcome = loader.load(variable);
        if (outcome.kind === 'added') {
          const { entry } = outcome;
          loaded = { priority: entry.priority > PREVIOUS_PRIORITY / 2 ? null : entry.priority, label: entry.label, application: entry.application, data: entry.data };
          if (w.source === 'hint') {
            hintLoaded = entry.priority === PRIORITY_HINT ? entry.application : undefined;
            hintReadings(oneLine(app.hint), entry.application, read.cutAt !== null, note);
          } else if (typeof w.source === 'number') {
            lineReadings(outcome, read, w.text, app.extension, note);
          }
        } else if (outcome.kind === 'dropped') {
          note('dropped', droppedReason(outcome.reason, codeText));
        } else {
          note('leaks', check('read_as_context_line', { name: outcome.name, known: outcome.known }));
        }
      }
    }
    if (verdicts.some((v) => v.verdict === 'leaks')) exportable = false;
    if (w.source === null) return;
    const worst = verdicts.reduce((a, b) => (SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a), verdicts[0] ?? { verdict: 'loads' as LineVerdict, found: null });
    const found = verdicts.filter((v) => v.verdict !== 'loads' && v.verdict !== 'comment').flatMap((v) => (v.found ? [v.found] : []));
    results.set(w.source, { verdict: worst.verdict, checks: found, ...(loaded && w.source !== 'hint' ? { loaded } : {}), ...(hintLoaded !== undefined ? { hintLoaded } : {}) });
  });

  const lines: CodeLineReading[] = [];
  const problems: DialplanLineProblem[] = [];
  for (const [i, w] of written.entries()) {
    if (typeof w.source !== 'number') continue;
    const result = results.get(w.source)!;
    const text = codeByLine.get(w.source) ?? '';
    const found = result.checks;
    lines.push({ line: w.source, text, written: w.text, verdict: result.verdict, ...(found.length > 0 ? { checks: found } : {}), ...(result.loaded ? { loaded: result.loaded } : {}) });
    if (found.length > 0) problems.push({ line: w.source, text, checks: found, verdict: result.verdict });
    void i;
  }
  let hint: HintReading | null = null;
  const hintWritten = written.find((w) => w.source === 'hint');
  if (hintWritten) {
    const result = results.get('hint')!;
    const found = result.checks;
    hint = { written: hintWritten.text, verdict: result.verdict, ...(found.length > 0 ? { checks: found } : {}), ...(result.hintLoaded !== undefined ? { loaded: result.hintLoaded } : {}) };
    if (found.length > 0) problems.unshift({ line: null, text: oneLine(app.hint), checks: found, verdict: result.verdict, hint: true });
  }
  const own = loader.extensions.get(`_${app.extension}`) ?? [];
  return { lines, problems, hint, exportable, hasPriorityOne: own.some((e) => e.priority === 1) };
}

/** Stands for the application above this one in the file, whose lines `same` and `n` would continue. */
const PREVIOUS_APPLICATION = '(the application above)';
const PREVIOUS_PRIORITY = 1_000_000;

const SEVERITY: Record<LineVerdict, number> = { loads: 0, comment: 0, fails: 1, misread: 2, dropped: 3, leaks: 4 };

/** A verdict on the line and what explains it (none for a plain comment). */
type Note = (verdict: LineVerdict, found: DialplanCheck | null) => void;

/** What pbx_config loaded for a code line, against what was written. */
function lineReadings(outcome: Extract<ExtensionLineOutcome, { kind: 'added' }>, read: ConfigLine, written: string, extension: string, note: Note): void {
  const { entry } = outcome;
  if (outcome.extension !== `_${extension}`) {
    note('leaks', outcome.extension === PREVIOUS_APPLICATION ? check('added_to_application_above') : check('added_to_other_extension', { extension: outcome.extension }));
    return;
  }
  if (outcome.continuedFromBefore) note('misread', check('counts_on_from_above', { example: written.replace(/^\s*(exten => _[^,]*,|same => )/, '').replace(/^[^,]*,/, '') }));
  if (outcome.priorityReadAs !== null) note('misread', check('priority_read_as', { priority: outcome.priorityReadAs }));
  if (outcome.oddOffset !== null) note('misread', check('odd_offset', { offset: outcome.oddOffset }));
  if (outcome.afterLabel.trim() !== '') note('misread', check('after_label', { text: outcome.afterLabel.trim() }));
  if (outcome.droppedLabel !== null) note('misread', check('label_in_use', { label: outcome.droppedLabel }));
  // A ";" comment that left the arguments open, or whose text holds their ")", cut them short.
  const comment = commentOf(written);
  const cutInArguments = read.cutAt !== null && (outcome.noClosingParenthesis || (comment.includes(')') && unclosed(read.text ?? '')));
  if (cutInArguments) {
    note('misread', check('arguments_cut', { end: shorten(entry.data, 24, true) }));
  } else if (outcome.tail.trim() !== '') {
    note('misread', check('tail_dropped', { tail: shorten(outcome.tail.trim(), 20) }));
  }
  if (entry.application === '') note('fails', check('no_application'));
  else if (!APPLICATION_NAME.test(entry.application)) note('fails', check('bad_application_name', { name: shorten(entry.application, 24) }));
}

/**
 * Asterisk's applications are named with letters, digits and "_"; pbx_config registers any name,
 * and a call reaching another stops there (pbx_extension_helper(): pbx_findapp() finds nothing).
 */
const APPLICATION_NAME = /^[A-Za-z0-9_]+$/;

/** The text from the first plain ";" on (an escaped "\;" is no comment). */
function commentOf(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ';' && line[i - 1] !== '\\') return line.slice(i);
  }
  return '';
}

/**
 * More "(" than ")" in the text that a ";" cut: the cut fell inside the arguments. (pbxmod's
 * judgement of what was meant; what Asterisk loads is in the verdict's `loaded`.)
 */
function unclosed(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth > 0;
}

function hintReadings(typed: string, loaded: string, cut: boolean, note: Note): void {
  // "\;" is how a ";" is written: Asterisk reads it as one.
  if (loaded === typed.replace(/\\;/g, ';')) return;
  if (cut) note('misread', check('hint_cut', { end: shorten(loaded, 24, true) }));
  else if (typed.includes('(')) note('misread', check('hint_before_parenthesis', { kept: shorten(loaded, 24, true) }));
  else note('misread', check('hint_read_as', { read: shorten(loaded, 40) }));
}

/** Asterisk's log message, put the way a person can act on. */
function droppedReason(reason: string, text: string): DialplanCheck {
  const body = stripBlanks(text.split(';')[0] ?? '');
  if (reason.startsWith('Invalid priority/label')) {
    if (/^(exten|same)\s*=>/i.test(body)) return check('prefix_written');
    if (!body.includes(',') && /^[A-Za-z][A-Za-z0-9_]*\s*\(/.test(body)) return check('no_priority', { body });
    const field = stripBlanks(body.split(',')[0] ?? '').replace(/\(.*$/, '');
    return check('not_a_priority', { field: shorten(field, 20) });
  }
  if (reason.startsWith('Invalid priority')) return check('priority_below_one');
  if (reason.startsWith("Label missing trailing ')'")) return check('label_unclosed');
  const inUse = / (hint|priority (-?\d+)), already in use$/.exec(reason);
  if (inUse) return check('priority_in_use', { priority: inUse[2] === undefined ? null : Number(inUse[2]) });
  if (reason.includes('works out to 0')) return check('priority_zero');
  return check('asterisk_drops', { log: reason });
}

function shorten(text: string, max: number, fromEnd = false): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return fromEnd ? `…${chars.slice(-max + 1).join('')}` : `${chars.slice(0, max - 1).join('')}…`;
}

/** `DIALPLAN-XXXXXXXX.php` */
export function agiScriptName(uniqid: string): string {
  return `${uniqid}.php`;
}

/**
 * The script as AGI needs it: Asterisk executes the file, so without a `#!` line the kernel
 * refuses it ("Exec format error"). Blank lines before a `#!` line are dropped, since only the
 * very first line can name the interpreter.
 */
export function agiScriptContent(code: string): string {
  const trimmed = code.replace(/^\s*\n/, '');
  if (trimmed.startsWith('#!')) return trimmed.replace(/^([^\n]*?)\r\n/, '$1\n');
  return `${PHP_SHEBANG}\n${code}`;
}

/** Lines the written script has more than the code (1 for an added `#!` line; less when blank lines went). */
export function agiScriptLineOffset(code: string): number {
  const lead = /^\s*\n/.exec(code)?.[0] ?? '';
  return code.slice(lead.length).startsWith('#!') ? -(lead.split('\n').length - 1) : 1;
}

function phpProblems(code: string): DialplanLineProblem[] {
  if (code.trim() === '') return [{ line: null, text: '', checks: [check('script_empty')] }];
  if (!/<\?php\b/.test(code)) return [{ line: 1, text: firstLine(code), checks: [check('no_php_tag')] }];
  return [];
}

function firstLine(code: string): string {
  return code.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// the whole context

export interface ApplicationProblems {
  uniqid: string;
  extension: string;
  name: string;
  problems: DialplanLineProblem[];
  /** The application is not in the file: its text would have changed what follows it. */
  leftOut?: boolean;
}

export interface GeneratedContext {
  /** `[applications]` with every application, ready for extensions.conf (`#include`). */
  conf: string;
  /** agi-bin file name → script. */
  scripts: Record<string, string>;
  /** Per application, what was flagged or left out. */
  problems: ApplicationProblems[];
}

/**
 * The `[applications]` context of all applications, by number, and their AGI scripts.
 * Records that could break the file (a number or id in a wrong format, a duplicate number —
 * possible only in a hand-edited store) are left out and reported.
 */
export function generateApplicationsContext(apps: readonly DialplanApplication[]): GeneratedContext {
  const parts = [
    '; Dialplan applications of this PBX, generated by pbxmod from its store.',
    '; Edits here are lost on the next export: change the applications with `pbxmod dialplan edit`.',
    '',
    `[${APPLICATIONS_CONTEXT}]`,
    '',
  ];
  const scripts: Record<string, string> = {};
  const problems: ApplicationProblems[] = [];
  const seen = new Set<string>();
  for (const app of [...apps].sort(byExtension)) {
    const report = (list: DialplanLineProblem[]) => {
      if (list.length > 0) problems.push({ uniqid: app.uniqid, extension: app.extension, name: app.name, problems: list });
    };
    const skip = !DIALPLAN_UNIQID_PATTERN.test(app.uniqid)
      ? check('bad_uniqid', { uniqid: app.uniqid })
      : !DIALPLAN_EXTENSION_PATTERN.test(app.extension)
        ? check('bad_extension', { extension: app.extension })
        : seen.has(app.extension)
          ? check('duplicate_extension', { extension: app.extension })
          : null;
    if (skip) {
      report([{ line: null, text: '', checks: [skip] }]);
      continue;
    }
    seen.add(app.extension);
    const generated = generateApplicationDialplan(app);
    if (!generated.exportable) {
      // One application can never change another: refuse it whole, and say which line.
      const leaks = generated.problems.filter((p) => p.verdict === 'leaks');
      problems.push({ uniqid: app.uniqid, extension: app.extension, name: app.name, problems: leaks.length > 0 ? leaks : generated.problems, leftOut: true });
      continue;
    }
    parts.push(`; ${app.extension} ${commentText(app.name)} (${app.uniqid}, ${app.type})`, generated.dialplan);
    if (generated.script) scripts[generated.script.fileName] = generated.script.content;
    report(generated.problems);
  }
  return { conf: `${parts.join('\n').replace(/\n+$/, '')}\n`, scripts, problems };
}

/** A name inside "; …": one line, no control characters, short (a comment line is safe as long as it is a line). */
function commentText(name: string): string {
  return shorten(oneLine(name).replace(/[\u0000-\u001f\u007f]/g, ' '), 80);
}

/** Why a line is flagged, in words (default: the language in use); a hint's problem says so. */
export function problemReason(problem: Pick<DialplanLineProblem, 'checks' | 'hint'>, messages: Messages = activeMessages()): string {
  const reason = checksText(problem.checks, messages);
  return problem.hint ? messages.dialplanChecks.hint({ reason }) : reason;
}

/** `line 3: reason: text` for a person (default: in the language in use). */
export function describeLineProblem(problem: DialplanLineProblem, messages: Messages = activeMessages()): string {
  const reason = problemReason(problem, messages);
  if (problem.line === null) return reason;
  return messages.dialplanChecks.line({ line: problem.line, reason, text: problem.text });
}

/** A problem for `--json`: the id of its first finding as a stable code, every finding, and the words in the language in use. */
export function problemJson(problem: DialplanLineProblem, messages: Messages = activeMessages()) {
  return {
    line: problem.line,
    text: problem.text,
    ...(problem.verdict ? { verdict: problem.verdict } : {}),
    ...(problem.hint ? { hint: true } : {}),
    code: problem.checks[0]?.id ?? null,
    message: problemReason(problem, messages),
    checks: problem.checks.map((c) => checkJson(c, messages)),
  };
}

/** A line's or the hint's reading for `--json`: its findings with their codes and words. */
export function readingJson<T extends { checks?: DialplanCheck[] }>(reading: T, messages: Messages = activeMessages()): Omit<T, 'checks'> & { message?: string; checks?: ReturnType<typeof checkJson>[] } {
  const { checks, ...rest } = reading;
  return checks && checks.length > 0 ? { ...rest, message: checksText(checks, messages), checks: checks.map((c) => checkJson(c, messages)) } : rest;
}
