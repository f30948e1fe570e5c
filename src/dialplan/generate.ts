// The Asterisk dialplan a PBX generates from its dialplan applications (SPEC §6), for the
// preview and for the export, and what Asterisk will make of each line of it: the lines are
// read back with pbxmod's ports of Asterisk's config parser and pbx_config. Pure: text in, text out.
import { DIALPLAN_EXTENSION_PATTERN, DIALPLAN_UNIQID_PATTERN, byExtension } from '../domain/dialplan.js';
import { ASTERISK_LINE_MAX_BYTES, MAX_NESTED_COMMENTS, readConfig, scanLine, stripBlanks, type ConfigLine } from './asterisk-config-reader.js';
import { ContextLoader, PRIORITY_HINT, type ExtensionLineOutcome } from './asterisk-extensions.js';
import type { DialplanApplication } from '../store/schema.js';

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
  reason: string;
  verdict?: LineVerdict;
}

/** What Asterisk makes of one non-blank line of a plaintext application's code. */
export interface CodeLineReading {
  /** Line of the code, from 1. */
  line: number;
  text: string;
  /** The line as written to the file. */
  written: string;
  verdict: LineVerdict;
  reason?: string;
  /** What Asterisk registers for it. */
  /** What Asterisk registers for it; `priority` is null when it counts on from the application above. */
  loaded?: { priority: number | null; label: string | null; application: string; data: string };
}

/** The hint line, and what Asterisk makes of it. */
export interface HintReading {
  /** The line as written, or null when it is left out. */
  written: string | null;
  verdict: LineVerdict;
  reason?: string;
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
  const hintLeftOut: DialplanLineProblem[] = hint.reading ? [{ line: null, text: '', reason: hint.reading.reason!, verdict: hint.reading.verdict }] : [];
  if (app.type === 'php') {
    const fileName = agiScriptName(app.uniqid);
    written.push({ text: `exten => _${app.extension},1,AGI(${fileName})`, source: null }, { text: `\tsame => n,Hangup()`, source: null });
    const reading = readWritten(app, written, []);
    const problems = [...hintLeftOut, ...reading.problems, ...phpProblems(app.code)];
    return { dialplan: joinLines(written.map((w) => w.text)), problems, script: { fileName, content: agiScriptContent(app.code) }, lines: [], hint: hint.reading ?? reading.hint, exportable: reading.exportable };
  }
  if (app.type !== 'plaintext') {
    return { dialplan: '', problems: [{ line: null, text: '', reason: `type "${app.type}" is not php or plaintext, so no dialplan is generated` }], script: null, lines: [], hint: null, exportable: false };
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
  if (first && reading.exportable) problems.push({ line: null, text: '', reason: `there are no dialplan lines, so a call to ${app.extension} finds nothing to run; add e.g. 1,Answer()` });
  else if (!reading.hasPriorityOne && reading.exportable) problems.push({ line: null, text: '', reason: `no line has priority 1, where a call to ${app.extension} starts; begin with e.g. 1,Answer()` });
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
        reason: `the hint is not written: Asterisk uses a hint on an exact number only, and ${app.extension} is a pattern no dialled number equals; give the application an exact number, or leave the hint empty`,
      },
    };
  }
  return { line: `exten => ${app.extension},hint,${hint}` };
}

const MAX = ASTERISK_LINE_MAX_BYTES.toLocaleString('en-US');
const MAX_WITH_NEWLINE = (ASTERISK_LINE_MAX_BYTES + 1).toLocaleString('en-US');

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
  const results = new Map<number | 'hint', { verdict: LineVerdict; reasons: string[]; loaded?: CodeLineReading['loaded']; hintLoaded?: string }>();
  let exportable = config.invalid === null && config.directives.length === 0 && config.hangsAt === null;
  const codeByLine = new Map(codeLines.map((c) => [c.line, c.text]));

  written.forEach((w, index) => {
    const physical = index + 2;
    const read = byPhysical.get(physical);
    const verdicts: { verdict: LineVerdict; reason: string }[] = [];
    const note = (verdict: LineVerdict, reason: string) => verdicts.push({ verdict, reason });
    let loaded: CodeLineReading['loaded'];
    let hintLoaded: string | undefined;
    const isFirstParsed = w.text.startsWith('exten => _');
    const codeText = typeof w.source === 'number' ? codeByLine.get(w.source) ?? '' : w.source === 'hint' ? oneLine(app.hint) : '';
    if (codeText.includes('\0')) note('leaks', 'it holds a NUL character: Asterisk stops reading the line there, and in a long line reads what follows as a line of its own; remove it');
    if (!read || read.tooLong) {
      const bytes = read?.bytes ?? new TextEncoder().encode(w.text).length;
      note('leaks', `the line is ${bytes.toLocaleString('en-US')} bytes as written; Asterisk skips a line longer than ${MAX} bytes (${MAX_WITH_NEWLINE} with its newline: "Line too long, skipping")${isFirstParsed ? ', and the lines after it would join the application above this one in the file' : ''}. Split it, or move the work into a script`);
    } else if (read.swallowed) {
      note('dropped', 'Asterisk skips this line too: the too-long line before it ended exactly where one of its reads did');
    } else {
      if (read.depthAfter < 0 && read.depthBefore >= 0) note('leaks', '"--;" outside a block comment: Asterisk then counts every later line of the file as a comment, other applications included; write "-- ;" or "--\\;"');
      if (read.depthBefore > 0 && read.text !== null) note('leaks', 'the text after "--;" is read as a line of its own, outside this application; put it on the next line');
      if (opener === physical && read.depthAfter > 0) note('leaks', '";--" opens a block comment that is never closed: Asterisk would skip everything after it in the file, other applications included; close it with "--;", or write "; --" or "\\;--" for plain text');
      if (config.hangsAt === physical) note('leaks', `more than ${MAX_NESTED_COMMENTS} nested ";--" block comments: Asterisk would loop on this line for ever`);
      const variable = variables.get(physical);
      if (read.text === null || !variable) {
        if (verdicts.length === 0) note('comment', '');
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
          note('leaks', `Asterisk reads it as a ${outcome.reason} of the context, not as a line of this application`);
        }
      }
    }
    if (verdicts.some((v) => v.verdict === 'leaks')) exportable = false;
    if (w.source === null) return;
    const worst = verdicts.reduce((a, b) => (SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a), verdicts[0] ?? { verdict: 'loads' as LineVerdict, reason: '' });
    const reasons = verdicts.filter((v) => v.verdict !== 'loads' && v.verdict !== 'comment' && v.reason !== '').map((v) => v.reason);
    results.set(w.source, { verdict: worst.verdict, reasons, ...(loaded && w.source !== 'hint' ? { loaded } : {}), ...(hintLoaded !== undefined ? { hintLoaded } : {}) });
  });

  const lines: CodeLineReading[] = [];
  const problems: DialplanLineProblem[] = [];
  for (const [i, w] of written.entries()) {
    if (typeof w.source !== 'number') continue;
    const result = results.get(w.source)!;
    const text = codeByLine.get(w.source) ?? '';
    const reason = result.reasons.join('; ');
    lines.push({ line: w.source, text, written: w.text, verdict: result.verdict, ...(reason ? { reason } : {}), ...(result.loaded ? { loaded: result.loaded } : {}) });
    if (reason) problems.push({ line: w.source, text, reason, verdict: result.verdict });
    void i;
  }
  let hint: HintReading | null = null;
  const hintWritten = written.find((w) => w.source === 'hint');
  if (hintWritten) {
    const result = results.get('hint')!;
    const reason = result.reasons.join('; ');
    hint = { written: hintWritten.text, verdict: result.verdict, ...(reason ? { reason } : {}), ...(result.hintLoaded !== undefined ? { loaded: result.hintLoaded } : {}) };
    if (reason) problems.unshift({ line: null, text: oneLine(app.hint), reason: `the hint: ${reason}`, verdict: result.verdict });
  }
  const own = loader.extensions.get(`_${app.extension}`) ?? [];
  return { lines, problems, hint, exportable, hasPriorityOne: own.some((e) => e.priority === 1) };
}

/** Stands for the application above this one in the file, whose lines `same` and `n` would continue. */
const PREVIOUS_APPLICATION = '(the application above)';
const PREVIOUS_PRIORITY = 1_000_000;

const SEVERITY: Record<LineVerdict, number> = { loads: 0, comment: 0, fails: 1, misread: 2, dropped: 3, leaks: 4 };

type Note = (verdict: LineVerdict, reason: string) => void;

/** What pbx_config loaded for a code line, against what was written. */
function lineReadings(outcome: Extract<ExtensionLineOutcome, { kind: 'added' }>, read: ConfigLine, written: string, extension: string, note: Note): void {
  const { entry } = outcome;
  if (outcome.extension !== `_${extension}`) {
    note('leaks', `Asterisk adds it to ${outcome.extension === PREVIOUS_APPLICATION ? 'the application above this one in the file' : `extension ${outcome.extension}`}, not to this application`);
    return;
  }
  if (outcome.continuedFromBefore) note('misread', `n (or s) here counts on from the application above this one in the file, since no earlier line of this one was loaded; give the line a number, e.g. 1,${written.replace(/^\s*(exten => _[^,]*,|same => )/, '').replace(/^[^,]*,/, '')}`);
  if (outcome.priorityReadAs !== null) note('misread', `Asterisk reads this priority as ${outcome.priorityReadAs} and ignores the rest of it`);
  if (outcome.oddOffset !== null) note('misread', `Asterisk reads "+${outcome.oddOffset}" as a number with atoi(); write +1, +2...`);
  if (outcome.afterLabel.trim() !== '') note('misread', `Asterisk ignores "${outcome.afterLabel.trim()}" after the label's ")"`);
  if (outcome.droppedLabel !== null) note('misread', `label "${outcome.droppedLabel}" is already used at another priority of this application: Asterisk drops the label from this line ("already in use")`);
  // A ";" comment that left the arguments open, or whose text holds their ")", cut them short.
  const comment = commentOf(written);
  const cutInArguments = read.cutAt !== null && (outcome.noClosingParenthesis || (comment.includes(')') && unclosed(read.text ?? '')));
  if (cutInArguments) {
    note('misread', `";" starts a comment in Asterisk, so the arguments end at "${shorten(entry.data, 24, true)}"; write \\; for a semicolon`);
  } else if (outcome.tail.trim() !== '') {
    note('misread', `Asterisk drops "${shorten(outcome.tail.trim(), 20)}" after the last ")"`);
  }
  if (entry.application === '') note('fails', 'no application after the priority: a call stops here; write e.g. n,Hangup()');
  else if (!APPLICATION_NAME.test(entry.application)) note('fails', `"${shorten(entry.application, 24)}" cannot be an application's name, so a call stops here ("No application"); write e.g. n,Playback(hello-world)`);
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
  if (cut) note('misread', `";" starts a comment in Asterisk, so the hint ends at "${shorten(loaded, 24, true)}"; write \\; for a semicolon`);
  else if (typed.includes('(')) note('misread', `Asterisk keeps only "${shorten(loaded, 24, true)}", what comes before "("`);
  else note('misread', `Asterisk reads the hint as "${shorten(loaded, 40)}"`);
}

/** Asterisk's log message, put the way a person can act on. */
function droppedReason(reason: string, text: string): string {
  const body = stripBlanks(text.split(';')[0] ?? '');
  if (reason.startsWith('Invalid priority/label')) {
    if (/^(exten|same)\s*=>/i.test(body)) return 'write only what follows "exten => _NUMBER," (e.g. n,Playback(hello-world)); the preview adds the prefix itself';
    if (!body.includes(',') && /^[A-Za-z][A-Za-z0-9_]*\s*\(/.test(body)) return `no priority: start the line with 1, n or n(label) and a comma, e.g. n,${body}; Asterisk drops it ("Invalid priority/label")`;
    const field = stripBlanks(body.split(',')[0] ?? '').replace(/\(.*$/, '');
    return `"${shorten(field, 20)}" is not a priority (a number from 1, n, s, or a label of this application): Asterisk drops the line ("Invalid priority/label"); e.g. n,Playback(hello-world)`;
  }
  if (reason.startsWith('Invalid priority')) return 'priorities start at 1: Asterisk drops the line ("Invalid priority")';
  if (reason.startsWith("Label missing trailing ')'")) return 'the label has no closing ")": Asterisk drops the line ("Label missing trailing \')\'"); write e.g. n(retry),Wait(1)';
  if (reason.includes('already in use')) return `${reason.replace(/^Unable to register extension '[^']*' /, 'that ').replace(/, already in use$/, '')} is already used by an earlier line: Asterisk drops this one ("already in use"); write n, or another number`;
  if (reason.includes('works out to 0')) return `${reason}; give the line a number`;
  return `Asterisk drops the line: ${reason}`;
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
  if (code.trim() === '') return [{ line: null, text: '', reason: 'the script is empty, so a call is hung up at once; write the PHP-AGI script' }];
  if (!/<\?php\b/.test(code)) return [{ line: 1, text: firstLine(code), reason: 'there is no "<?php" tag, so PHP would send the text to Asterisk instead of running it; start the script with <?php' }];
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
      ? `its id "${app.uniqid}" is not DIALPLAN- and 8 hex digits; it was left out`
      : !DIALPLAN_EXTENSION_PATTERN.test(app.extension)
        ? `its number "${app.extension}" is not a valid dialplan number; it was left out`
        : seen.has(app.extension)
          ? `another application already has number ${app.extension}; this one was left out`
          : null;
    if (skip) {
      report([{ line: null, text: '', reason: skip }]);
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

/** `line 3: reason: text` for a person. */
export function describeLineProblem(problem: DialplanLineProblem): string {
  if (problem.line === null) return problem.reason;
  return `line ${problem.line}: ${problem.reason}${problem.text ? `: ${problem.text}` : ''}`;
}
