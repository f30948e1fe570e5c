// The Asterisk dialplan a PBX generates from its dialplan applications (SPEC §6), for the
// preview and for the export. Pure: text in, text out.
import { DIALPLAN_EXTENSION_PATTERN, DIALPLAN_UNIQID_PATTERN, byExtension } from '../domain/dialplan.js';
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

/** A line of code Asterisk would reject or misread. `line` is 1-based; `null` = the code as a whole. */
export interface DialplanLineProblem {
  line: number | null;
  text: string;
  reason: string;
}

export interface AgiScriptFile {
  /** `DIALPLAN-XXXXXXXX.php`, in Asterisk's agi-bin. */
  fileName: string;
  content: string;
}

export interface GeneratedApplication {
  /** The `exten => …` / `same => …` lines, newline-terminated. */
  dialplan: string;
  /** Lines flagged for the person; they are still written as typed. */
  problems: DialplanLineProblem[];
  /** The PHP-AGI script, for type php. */
  script: AgiScriptFile | null;
}

/** The generated dialplan of one application. */
export function generateApplicationDialplan(app: DialplanSource): GeneratedApplication {
  const lines: string[] = [];
  if (app.hint.trim() !== '') lines.push(`exten => ${app.extension},hint,${oneLine(app.hint)}`);
  if (app.type === 'php') {
    const fileName = agiScriptName(app.uniqid);
    lines.push(`exten => _${app.extension},1,AGI(${fileName})`, `\tsame => n,Hangup()`);
    return { dialplan: joinLines(lines), problems: phpProblems(app.code), script: { fileName, content: app.code } };
  }
  if (app.type !== 'plaintext') {
    return { dialplan: joinLines(lines), problems: [{ line: null, text: '', reason: `type "${app.type}" is not php or plaintext, so no dialplan is generated` }], script: null };
  }
  const problems: DialplanLineProblem[] = [];
  let first = true;
  app.code.split(/\r?\n|\r/).forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    // A comment is kept as a comment; as a `same =>` line Asterisk would reject it.
    if (text.startsWith(';')) {
      lines.push(first ? text : `\t${text}`);
      return;
    }
    const reason = plaintextLineProblem(text, first);
    if (reason) problems.push({ line: index + 1, text, reason });
    lines.push(first ? `exten => _${app.extension},${text}` : `\tsame => ${text}`);
    first = false;
  });
  if (first) problems.push({ line: null, text: '', reason: `there are no dialplan lines, so a call to ${app.extension} finds nothing to run; add e.g. 1,Answer()` });
  return { dialplan: joinLines(lines), problems, script: null };
}

/** `DIALPLAN-XXXXXXXX.php` */
export function agiScriptName(uniqid: string): string {
  return `${uniqid}.php`;
}

const PRIORITY = /^(?:\d+|n)(?:\([A-Za-z_][A-Za-z0-9_-]*\))?$/;
const APPLICATION = /^([A-Za-z][A-Za-z0-9_]*)(.*)$/s;

/**
 * Why a line is not `priority,Application(args)`, or `null` when it is. The priority is a
 * number, `n`, or either with a label: `n(retry)`. The first line must be priority 1,
 * because a call enters an extension there.
 */
export function plaintextLineProblem(line: string, isFirst: boolean): string | null {
  const body = stripComment(line).trim();
  if (/^(exten|same)\s*=>/i.test(body)) {
    return `write only what follows "exten => _NUMBER," (e.g. n,Playback(hello-world)); the preview adds the prefix itself`;
  }
  const comma = body.indexOf(',');
  if (comma < 0) {
    return APPLICATION.test(body) && body.includes('(')
      ? `no priority: start the line with 1, n or n(label) and a comma, e.g. n,${body}`
      : 'expected priority,Application(arguments), e.g. n,Playback(hello-world)';
  }
  const priority = body.slice(0, comma).trim();
  const call = body.slice(comma + 1).trim();
  if (!PRIORITY.test(priority)) return `priority "${priority}" is not a number, n or n(label)`;
  if (isFirst && !/^1(\(|$)/.test(priority)) return `the first line must have priority 1, where a call starts (got ${priority}); write 1,${call}`;
  const match = APPLICATION.exec(call);
  if (!match) return call === '' ? 'no application after the priority, e.g. n,Hangup()' : `"${call.slice(0, 20)}" does not start with an application name such as Playback`;
  const [, name, rest = ''] = match;
  if (rest.trim() === '') return `${name} has no parentheses: write ${name}() even without arguments`;
  if (!rest.startsWith('(')) return `expected "(" right after the application name ${name}`;
  return parenthesesProblem(rest);
}

/** Asterisk drops text after an unescaped `;` as a comment. */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === ';') return line.slice(0, i);
  }
  return line;
}

/** `rest` starts with "(": it must close exactly at its end; quoted text and `\(` do not count. */
function parenthesesProblem(rest: string): string | null {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i < rest.length - 1) return `text after the closing ")": "${rest.slice(i + 1).trim().slice(0, 20)}"`;
    }
  }
  if (quoted) return 'a double quote (") is not closed';
  if (depth > 0) return depth === 1 ? 'the "(" is not closed: end the line with ")"' : `${depth} "(" are not closed`;
  return null;
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
    parts.push(`; ${app.extension} ${oneLine(app.name)} (${app.uniqid}, ${app.type})`, generated.dialplan);
    if (generated.script) scripts[generated.script.fileName] = generated.script.content;
    report(generated.problems);
  }
  return { conf: `${parts.join('\n').replace(/\n+$/, '')}\n`, scripts, problems };
}

/** `line 3: reason: text` for a person. */
export function describeLineProblem(problem: DialplanLineProblem): string {
  if (problem.line === null) return problem.reason;
  return `line ${problem.line}: ${problem.reason}${problem.text ? `: ${problem.text}` : ''}`;
}
