import { describeLineProblem, type GeneratedApplication } from '../../../dialplan/generate.js';
import type { PhpSyntaxCheck } from '../../../dialplan/php-lint.js';
import { visibleText } from '../../../domain/terminal-text.js';
import { activeMessages } from '../../../i18n/active.js';
import type { Messages } from '../../../i18n/en.js';

/** One line of the generated-dialplan preview. */
export interface PreviewLine {
  text: string;
  tone?: 'muted' | 'error';
}

export interface PreviewText {
  /** The dialplan lines, then for php the script file's name and the script. */
  content: PreviewLine[];
  /** Lines Asterisk would reject or misread, with their line numbers; each one's lines (wrapped). */
  problems: PreviewLine[][];
}

export interface PreviewTexts {
  script: (fileName: string) => string;
  phpCheck?: (message: string) => string;
  empty: string;
}

/** What the preview shows for a generated application, in `messages`' language; tabs as four spaces. */
export function previewText(generated: GeneratedApplication & { php?: PhpSyntaxCheck | null }, texts: PreviewTexts, cross: string, messages: Messages = activeMessages()): PreviewText {
  const content: PreviewLine[] = linesOf(generated.dialplan).map((text) => ({ text }));
  if (generated.script) {
    content.push({ text: texts.script(generated.script.fileName), tone: 'muted' });
    for (const text of linesOf(generated.script.content)) content.push({ text });
  }
  // A syntax error is listed with the problems; "ok" and "not checked" are said here.
  const php = generated.php;
  if (php && texts.phpCheck && !(php.checked && !php.ok)) content.push({ text: texts.phpCheck(visibleText(php.message)), tone: 'muted' });
  if (content.length === 0) content.push({ text: texts.empty, tone: 'muted' });
  const problems = generated.problems.map((p): PreviewLine[] => [{ text: `${cross} ${describeLineProblem(p, messages)}`, tone: 'error' }]);
  return { content, problems };
}

function linesOf(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n').map((line) => line.replace(/\t/g, '    '));
}

export interface MoreTexts {
  more: (count: number) => string;
  moreProblems: (count: number) => string;
}

/**
 * The preview cut to `rows` lines. Problems keep at least half the rows, so a flagged line
 * is seen even when the dialplan does not fit; what is left out is counted.
 */
export function fitPreview({ content, problems }: PreviewText, rows: number, texts: MoreTexts): PreviewLine[] {
  if (rows <= 0) return [];
  const problemLines = problems.reduce((sum, lines) => sum + lines.length, 0);
  if (content.length + problemLines <= rows) return [...content, ...problems.flat()];
  let budget = problems.length === 0 ? 0 : Math.min(problemLines, Math.ceil(rows / 2));
  if (content.length <= rows - budget) budget = rows - content.length;
  const shownProblems = fitProblems(problems, budget, texts);
  const contentRows = rows - shownProblems.length;
  const shownContent = content.length <= contentRows ? content : [...content.slice(0, contentRows - 1), { text: texts.more(content.length - (contentRows - 1)), tone: 'muted' as const }];
  return [...(contentRows > 0 ? shownContent : []), ...shownProblems];
}

/** Whole problems while they fit in `rows`, then a count of the others; the first one at least begins. */
function fitProblems(problems: readonly PreviewLine[][], rows: number, texts: MoreTexts): PreviewLine[] {
  const shown: PreviewLine[] = [];
  for (const [i, lines] of problems.entries()) {
    const left = problems.length - i - 1;
    const room = rows - shown.length - (left > 0 ? 1 : 0);
    if (lines.length <= room) {
      shown.push(...lines);
      continue;
    }
    if (i === 0) shown.push(...lines.slice(0, Math.max(1, room)));
    const more = problems.length - (i === 0 ? 1 : i);
    if (more > 0 && shown.length < rows) shown.push({ text: texts.moreProblems(more), tone: 'error' });
    break;
  }
  return shown.slice(0, rows);
}
