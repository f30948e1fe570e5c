import { useMemo, useReducer } from 'react';

/**
 * The code editor's state: the text as lines, the cursor, and which part of the text is in
 * view. Pure: every key press is one typed action, so the editing rules are tested without a
 * terminal. Columns count code points (a character typed is one step of the cursor).
 */
export interface CodeEditorState {
  lines: readonly string[];
  /** Cursor line, 0-based. */
  row: number;
  /** Cursor column in code points, 0 to the line's length. */
  column: number;
  /** The column ↑/↓ try to keep through shorter lines. */
  goalColumn: number;
  /** First line in view. */
  top: number;
  /** First column in view (horizontal scrolling of long lines). */
  left: number;
  /** Size of the text area, set by the view. */
  viewport: CodeEditorViewport;
  /** Goes up on every change of the text (not on cursor moves). */
  revision: number;
}

export interface CodeEditorViewport {
  /** Lines of text in view. */
  rows: number;
  /** Cells of text in view (the line numbers not counted). */
  columns: number;
}

export type CodeEditorAction =
  | { type: 'insert-text'; text: string }
  | { type: 'newline' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'move-up' }
  | { type: 'move-down' }
  | { type: 'move-left' }
  | { type: 'move-right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'page-up' }
  | { type: 'page-down' }
  /** A new empty line under the cursor's line; the cursor goes there. */
  | { type: 'insert-line' }
  /** Remove the cursor's line. */
  | { type: 'delete-line' }
  /** Replace the whole text (from $EDITOR); the cursor stays where it can. */
  | { type: 'set-text'; text: string }
  | { type: 'resize'; viewport: CodeEditorViewport };

/** Cells a tab takes on screen (code from $EDITOR may be indented with tabs). */
export const TAB_CELLS = 4;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function initialCodeEditorState(text: string, viewport: CodeEditorViewport = { rows: 10, columns: 60 }): CodeEditorState {
  return { lines: splitLines(text), row: 0, column: 0, goalColumn: 0, top: 0, left: 0, viewport, revision: 0 };
}

/** The text as one string, lines joined by "\n". */
export function codeEditorText(state: Pick<CodeEditorState, 'lines'>): string {
  return state.lines.join('\n');
}

export function codeEditorReducer(state: CodeEditorState, action: CodeEditorAction): CodeEditorState {
  const next = edit(state, action);
  return next === state ? state : scrollIntoView(next);
}

function edit(state: CodeEditorState, action: CodeEditorAction): CodeEditorState {
  const { lines, row, column } = state;
  const line = lines[row] ?? '';
  switch (action.type) {
    case 'insert-text': {
      if (action.text === '') return state;
      const [before, after] = splitAt(line, column);
      const parts = splitLines(action.text);
      const last = parts.length - 1;
      const inserted = parts.map((part, i) => (i === 0 ? before : '') + part + (i === last ? after : ''));
      const newColumn = (last === 0 ? length(before) : 0) + length(parts[last]!);
      return changed(state, replaceLines(lines, row, 1, inserted), row + last, newColumn);
    }
    case 'newline': {
      const [before, after] = splitAt(line, column);
      return changed(state, replaceLines(lines, row, 1, [before, after]), row + 1, 0);
    }
    case 'backspace': {
      if (column > 0) {
        const [before, after] = splitAt(line, column);
        return changed(state, replaceLines(lines, row, 1, [dropLast(before) + after]), row, column - 1);
      }
      if (row === 0) return state;
      const previous = lines[row - 1]!;
      return changed(state, replaceLines(lines, row - 1, 2, [previous + line]), row - 1, length(previous));
    }
    case 'delete': {
      if (column < length(line)) {
        const [before, after] = splitAt(line, column);
        return changed(state, replaceLines(lines, row, 1, [before + dropFirst(after)]), row, column);
      }
      if (row >= lines.length - 1) return state;
      return changed(state, replaceLines(lines, row, 2, [line + lines[row + 1]!]), row, column);
    }
    case 'move-left':
      if (column > 0) return moved(state, row, column - 1);
      return row > 0 ? moved(state, row - 1, length(lines[row - 1]!)) : state;
    case 'move-right':
      if (column < length(line)) return moved(state, row, column + 1);
      return row < lines.length - 1 ? moved(state, row + 1, 0) : state;
    case 'move-up':
      return row > 0 ? movedVertically(state, row - 1) : moved(state, 0, 0);
    case 'move-down':
      return row < lines.length - 1 ? movedVertically(state, row + 1) : moved(state, row, length(line));
    case 'home': {
      // First Home goes to the first non-blank character, the next to column 0 (like most editors).
      const indent = length(/^\s*/.exec(line)![0]);
      return moved(state, row, column === indent ? 0 : indent);
    }
    case 'end':
      return moved(state, row, length(line));
    case 'page-up': {
      const page = pageOf(state);
      const target = Math.max(0, row - page);
      return { ...movedVertically(state, target), top: Math.max(0, state.top - page) };
    }
    case 'page-down': {
      const page = pageOf(state);
      const target = Math.min(lines.length - 1, row + page);
      return { ...movedVertically(state, target), top: Math.min(Math.max(0, lines.length - state.viewport.rows), state.top + page) };
    }
    case 'insert-line':
      return changed(state, replaceLines(lines, row + 1, 0, ['']), row + 1, 0);
    case 'delete-line': {
      if (lines.length === 1) return line === '' ? state : changed(state, [''], 0, 0);
      const rest = replaceLines(lines, row, 1, []);
      const newRow = Math.min(row, rest.length - 1);
      return { ...changed(state, rest, newRow, Math.min(state.goalColumn, length(rest[newRow]!))), goalColumn: state.goalColumn };
    }
    case 'set-text': {
      const next = splitLines(action.text);
      const newRow = Math.min(row, next.length - 1);
      return changed(state, next, newRow, Math.min(column, length(next[newRow]!)));
    }
    case 'resize': {
      const rows = Math.max(1, Math.floor(action.viewport.rows));
      const columns = Math.max(1, Math.floor(action.viewport.columns));
      if (rows === state.viewport.rows && columns === state.viewport.columns) return state;
      return { ...state, viewport: { rows, columns } };
    }
  }
}

function pageOf(state: CodeEditorState): number {
  return Math.max(1, state.viewport.rows - 1);
}

function changed(state: CodeEditorState, lines: readonly string[], row: number, column: number): CodeEditorState {
  return { ...state, lines, row, column, goalColumn: column, revision: state.revision + 1 };
}

function moved(state: CodeEditorState, row: number, column: number): CodeEditorState {
  if (row === state.row && column === state.column) return state.goalColumn === column ? state : { ...state, goalColumn: column };
  return { ...state, row, column, goalColumn: column };
}

function movedVertically(state: CodeEditorState, row: number): CodeEditorState {
  const column = Math.min(state.goalColumn, length(state.lines[row] ?? ''));
  return { ...state, row, column };
}

/** Keep the cursor in view, moving the view as little as possible. */
export function scrollIntoView(state: CodeEditorState): CodeEditorState {
  const { rows, columns } = state.viewport;
  let top = Math.min(state.top, Math.max(0, state.lines.length - rows));
  if (state.row < top) top = state.row;
  else if (state.row >= top + rows) top = state.row - rows + 1;
  top = Math.max(0, top);
  const left = horizontalOffset(state.lines[state.row] ?? '', state.column, state.left, columns);
  return top === state.top && left === state.left ? state : { ...state, top, left };
}

/** The first column in view so that the cursor's cell (and the cell after it) is visible. */
function horizontalOffset(line: string, column: number, left: number, columns: number): number {
  if (column < left) return column;
  const chars = codePoints(line);
  // Walk back from the cursor while its cell still fits.
  let used = 1;
  let start = column;
  while (start > left && used + cellsOf(chars[start - 1]!) <= columns) {
    used += cellsOf(chars[start - 1]!);
    start--;
  }
  return start > left ? start : left;
}

/** Cells a character takes: a tab TAB_CELLS, anything else one. */
export function cellsOf(char: string): number {
  return char === '\t' ? TAB_CELLS : 1;
}

// ---------------------------------------------------------------------------------------------
// strings by code point: a column never splits a surrogate pair

function codePoints(text: string): string[] {
  return Array.from(text);
}

function length(text: string): number {
  // Most code is ASCII: count code points only when there are surrogates.
  return /[\uD800-\uDBFF]/.test(text) ? codePoints(text).length : text.length;
}

function splitAt(text: string, column: number): [string, string] {
  if (!/[\uD800-\uDBFF]/.test(text)) return [text.slice(0, column), text.slice(column)];
  const chars = codePoints(text);
  return [chars.slice(0, column).join(''), chars.slice(column).join('')];
}

function dropLast(text: string): string {
  return /[\uDC00-\uDFFF]$/.test(text) ? text.slice(0, -2) : text.slice(0, -1);
}

function dropFirst(text: string): string {
  return /^[\uD800-\uDBFF]/.test(text) ? text.slice(2) : text.slice(1);
}

function replaceLines(lines: readonly string[], at: number, remove: number, insert: readonly string[]): string[] {
  const copy = lines.slice();
  copy.splice(at, remove, ...insert);
  return copy;
}

// ---------------------------------------------------------------------------------------------

export interface CodeEditorHandle {
  state: CodeEditorState;
  dispatch: (action: CodeEditorAction) => void;
  /** The text, lines joined by "\n"; recomputed only when the text changes. */
  text: string;
}

/** Editor state for a text; the owner reads `text` (to save, to preview) and passes the handle to <CodeEditor>. */
export function useCodeEditorState(initialText: string): CodeEditorHandle {
  const [state, dispatch] = useReducer(codeEditorReducer, initialText, (text) => initialCodeEditorState(text));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const text = useMemo(() => codeEditorText(state), [state.lines]);
  return { state, dispatch, text };
}
