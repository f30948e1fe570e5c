// How Asterisk reads a .conf file, ported from main/config.c so that pbxmod can say what
// Asterisk will load before it is loaded. Pure: text in, what Asterisk sees out.
//
// Followed functions (Asterisk 22; the loop has been the same since 1.6):
// - config_text_file_load(): fgets() into an 8192-byte buffer, the "too long" skip, and the
//   comment scan (`;` comments, `\;` escapes, nested `;-- … --;` block comments);
// - ast_strip() / ast_skip_blanks(): everything below byte 33 is a blank;
// - process_text_line(): `[category]`, `#directive`, `name = value` / `name => value`.
import { check, type DialplanCheck } from './checks.js';

/** config_text_file_load(): `char buf[8192]`, read with fgets(): at most 8,191 bytes a call. */
const FGETS_BYTES = 8191;
/**
 * The longest line Asterisk loads, in bytes without its newline. The check is
 * `strlen(buf) == sizeof(buf) - 1 && buf[sizeof(buf) - 1] != '\n'`: buf[8191] is always the
 * terminating NUL, so any fgets() read of 8,191 bytes counts as too long — even one that ends
 * with the newline. A line of 8,189 bytes (8,190 with its newline) loads; 8,190 (8,191) is
 * skipped. That agrees with the issue-14 run ("8,190 loads, 8,191 skipped") when its byte counts
 * include the newline, and it is what every stored version of config.c has.
 */
export const ASTERISK_LINE_MAX_BYTES = FGETS_BYTES - 2;
/** config.c MAX_NESTED_COMMENTS: at this depth another `;--` makes Asterisk loop on it forever. */
export const MAX_NESTED_COMMENTS = 128;

/** ast_skip_blanks() / ast_trim_blanks(): bytes below 33 (space, tab, CR, LF, controls). */
export function stripBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) < 33) start++;
  while (end > start && text.charCodeAt(end - 1) < 33) end--;
  return text.slice(start, end);
}

export function skipLeadingBlanks(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) < 33) start++;
  return text.slice(start);
}

/** What the comment scan of config_text_file_load() leaves of one line. */
export interface LineScan {
  /** process_buf: the text Asterisk goes on to parse, `null` when the line lies in a block comment. */
  processed: string | null;
  /** Block-comment depth after the line; below 0 after a `--;` outside any comment (see below). */
  depthAfter: number;
  /** Where a plain `;` comment cut `processed` (its length then), or `null`. */
  cutAt: number | null;
  /** A `;--` met at MAX_NESTED_COMMENTS: Asterisk would loop on it for ever. */
  nestLimit: boolean;
}

/**
 * The comment scan of config_text_file_load() over one line (without its newline), starting at
 * block-comment depth `depth`. Ported step by step, including what it does not guard against:
 * a `--;` met outside a block comment still decrements the depth, to -1, and from then on every
 * line of the file counts as inside a comment.
 */
export function scanLine(line: string, depth: number): LineScan {
  // Most lines hold no ';' at all: nothing to scan.
  const nul = line.indexOf('\0');
  const visible = nul < 0 ? line : line.slice(0, nul);
  if (!visible.includes(';')) return { processed: depth === 0 ? visible : null, depthAfter: depth, cutAt: null, nestLimit: false };
  // The C code edits a NUL-terminated buffer in place; an array of code units with '\0' does too.
  const b = [...visible.split(''), '\0'];
  const at = (i: number) => (i < b.length ? b[i]! : '\0');
  const strlen = (from: number) => cStrlen(b, from);
  const strchr = (from: number, ch: string) => cStrchr(b, from, ch);
  const moveDown = (to: number, from: number) => {
    const n = strlen(from);
    for (let k = 0; k < n; k++) b[to + k] = b[from + k]!;
    b[to + n] = '\0';
  };

  let comment = depth;
  let newBuf = 0;
  let processBuf: number | null = comment !== 0 ? null : 0;
  let cutAt: number | null = null;
  let nestLimit = false;
  for (let p = strchr(newBuf, ';'); p >= 0; p = strchr(newBuf, ';')) {
    if (p > newBuf && at(p - 1) === '\\') {
      // Escaped semicolons are not comments: the backslash goes, the ';' stays.
      moveDown(p - 1, p);
      newBuf = p;
    } else if (at(p + 1) === '-' && at(p + 2) === '-' && at(p + 3) !== '-') {
      // ";--" opens a block comment (";---" does not).
      if (comment >= MAX_NESTED_COMMENTS) {
        nestLimit = true;
        break;
      }
      b[p] = '\0';
      newBuf = p + 3;
      comment++;
    } else if (p >= newBuf + 2 && at(p - 1) === '-' && at(p - 2) === '-') {
      // "--;" closes one — whether or not one is open.
      comment--;
      newBuf = p + 1;
      if (comment === 0) {
        if (processBuf !== null) {
          const end = processBuf + strlen(processBuf);
          moveDown(end, newBuf);
          newBuf = end;
        } else {
          processBuf = newBuf;
        }
      }
    } else if (comment === 0) {
      // A plain comment: the rest of the line goes.
      if (processBuf !== null) cutAt = p - processBuf;
      b[p] = '\0';
      newBuf = p;
    } else {
      newBuf = p + 1;
    }
  }
  const processed = processBuf === null ? null : b.slice(processBuf, processBuf + strlen(processBuf)).join('');
  return { processed, depthAfter: comment, cutAt, nestLimit };
}

function cStrlen(b: readonly string[], from: number): number {
  let i = from;
  while (i < b.length && b[i] !== '\0') i++;
  return i - from;
}

function cStrchr(b: readonly string[], from: number, ch: string): number {
  for (let i = from; i < b.length && b[i] !== '\0'; i++) if (b[i] === ch) return i;
  return -1;
}

/** One line as config_text_file_load() took it from the file. */
export interface ConfigLine {
  /** Physical line of the file, from 1. */
  physical: number;
  /** Asterisk's own count, used in its messages; it lags behind after a skipped long line. */
  lineno: number;
  /** Bytes of the line without its newline. */
  bytes: number;
  /** Skipped whole for its length ("Line N too long, skipping"). */
  tooLong: boolean;
  /** Skipped with the too-long line before it, which ended exactly where a read did. */
  swallowed: boolean;
  depthBefore: number;
  depthAfter: number;
  /** What the comment scan left, blanks stripped; `null` when nothing was left to parse. */
  text: string | null;
  /** Position in `text` where a plain `;` comment cut the line, or `null`. */
  cutAt: number | null;
}

export interface ConfigVariable {
  name: string;
  value: string;
  /** `=>` rather than `=`. */
  object: boolean;
  physical: number;
}

export interface ConfigCategory {
  name: string;
  physical: number;
  variables: ConfigVariable[];
}

export interface ConfigProblem {
  physical: number;
  /** What Asterisk would log (its words: `checkText`). */
  check: DialplanCheck;
}

export interface ConfigRead {
  lines: ConfigLine[];
  categories: ConfigCategory[];
  /** `#include` and friends, which pbxmod never writes. */
  directives: { physical: number; text: string }[];
  /** Warnings Asterisk would log. */
  warnings: ConfigProblem[];
  /** Asterisk refuses the whole file (process_text_line() returned -1). */
  invalid: ConfigProblem | null;
  /** A block comment still open at the end: its first line ("Unterminated comment detected"). */
  unterminatedFrom: number | null;
  /** A `;--` at the nesting limit: Asterisk would hang on it. */
  hangsAt: number | null;
}

/**
 * Read a whole .conf text the way config_text_file_load() does, byte by byte: fgets() chunks
 * of at most 8,191 bytes, C strings that end at a NUL byte, the long-line skip that swallows the
 * rest of the line, the comment scan, and process_text_line()'s split into categories and
 * variables.
 */
export function readConfig(text: string): ConfigRead {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const result: ConfigRead = { lines: [], categories: [], directives: [], warnings: [], invalid: null, unterminatedFrom: null, hangsAt: null };
  let pos = 0;
  let physical = 1;
  let lineno = 0;
  let depth = 0;
  const openedAt: number[] = [];
  let category: ConfigCategory | null = null;

  /** fgets(buf, 8192, f): up to and with the next '\n', at most 8,191 bytes. */
  const fgets = (): { start: number; end: number } | null => {
    if (pos >= bytes.length) return null;
    const start = pos;
    const limit = Math.min(bytes.length, start + FGETS_BYTES);
    let end = start;
    while (end < limit) {
      end++;
      if (bytes[end - 1] === 0x0a) break;
    }
    pos = end;
    return { start, end };
  };
  const strlen = (chunk: { start: number; end: number }) => {
    const nul = bytes.subarray(chunk.start, chunk.end).indexOf(0);
    return nul < 0 ? chunk.end - chunk.start : nul;
  };
  const newlinesIn = (chunk: { start: number; end: number }) => (chunk.end > chunk.start && bytes[chunk.end - 1] === 0x0a ? 1 : 0);

  for (let chunk = fgets(); chunk; chunk = fgets()) {
    lineno++;
    const startLine = physical;
    physical += newlinesIn(chunk);
    const length = strlen(chunk);
    if (length === FGETS_BYTES) {
      // "Skip lines that are too long": further reads are dropped up to the first that is not
      // 8,191 bytes long. When the long line ended inside a read, the reads after it are the
      // next lines, and they go too.
      const skipped: ConfigLine = { physical: startLine, lineno, bytes: chunk.end - chunk.start - newlinesIn(chunk), tooLong: true, swallowed: false, depthBefore: depth, depthAfter: depth, text: null, cutAt: null };
      result.lines.push(skipped);
      result.warnings.push({ physical: startLine, check: check('config_line_too_long', { lineno }) });
      let current = skipped;
      let lineEnded = newlinesIn(chunk) === 1;
      for (let more = fgets(); more; more = fgets()) {
        const bytesOf = more.end - more.start - newlinesIn(more);
        if (lineEnded) {
          current = { physical, lineno, bytes: bytesOf, tooLong: false, swallowed: true, depthBefore: depth, depthAfter: depth, text: null, cutAt: null };
          result.lines.push(current);
        } else {
          current.bytes += bytesOf;
        }
        physical += newlinesIn(more);
        lineEnded = newlinesIn(more) === 1;
        if (strlen(more) !== FGETS_BYTES) break;
      }
      continue;
    }
    const line = decoder.decode(bytes.subarray(chunk.start, chunk.start + length)).replace(/\n$/, '');
    const scan = scanLine(line, depth);
    if (scan.nestLimit && result.hangsAt === null) result.hangsAt = startLine;
    for (let d = depth; d < scan.depthAfter; d++) openedAt.push(startLine);
    for (let d = scan.depthAfter; d < depth; d++) openedAt.pop();
    const stripped = scan.processed === null ? null : stripBlanks(scan.processed);
    const lead = scan.processed === null ? 0 : scan.processed.length - skipLeadingBlanks(scan.processed).length;
    result.lines.push({
      physical: startLine,
      lineno,
      bytes: chunk.end - chunk.start - newlinesIn(chunk),
      tooLong: false,
      swallowed: false,
      depthBefore: depth,
      depthAfter: scan.depthAfter,
      text: stripped === '' ? null : stripped,
      cutAt: scan.cutAt === null ? null : Math.max(0, scan.cutAt - lead),
    });
    depth = scan.depthAfter;
    if (stripped && result.invalid === null) category = processTextLine(stripped, startLine, category, result);
  }
  if (depth > 0) result.unterminatedFrom = openedAt[0] ?? null;
  else if (depth < 0) result.unterminatedFrom = result.lines.find((l) => l.depthAfter < 0)?.physical ?? null;
  return result;
}

/** process_text_line(): a category, a directive or a variable; returns the current category. */
function processTextLine(cur: string, physical: number, category: ConfigCategory | null, result: ConfigRead): ConfigCategory | null {
  if (cur.startsWith('[')) {
    const close = cur.indexOf(']');
    if (close < 0) {
      result.invalid = { physical, check: check('config_no_closing_bracket', { line: physical }) };
      return category;
    }
    const created: ConfigCategory = { name: cur.slice(1, close), physical, variables: [] };
    result.categories.push(created);
    return created;
  }
  if (cur.startsWith('#')) {
    result.directives.push({ physical, text: cur });
    return category;
  }
  if (!category) {
    result.invalid = { physical, check: check('config_no_category', { line: physical }) };
    return category;
  }
  const escaped = cur.startsWith('\\') ? 1 : 0;
  const eq = cur.indexOf('=', escaped * 2);
  if (eq < 0) {
    result.warnings.push({ physical, check: check('config_no_equal_sign', { line: physical }) });
    return category;
  }
  const object = cur[eq + 1] === '>';
  const name = stripBlanks(cur.slice(escaped, eq));
  const value = stripBlanks(cur.slice(eq + (object ? 2 : 1)));
  if (name === '') result.warnings.push({ physical, check: check('config_no_variable_name', { line: physical }) });
  else category.variables.push({ name, value, object, physical });
  return category;
}
