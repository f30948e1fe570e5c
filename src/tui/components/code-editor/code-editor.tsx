import { useEffect, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { hasControlCharacters } from '../../../domain/terminal-text.js';
import { useTheme } from '../../theme.js';
import { useCodeEditorInput } from './use-code-editor-input.js';
import { cellsOf, scrollIntoView, type CodeEditorHandle } from './use-code-editor-state.js';

export interface CodeEditorProps {
  /** From `useCodeEditorState(text)`; the owner keeps it to read the text. */
  editor: CodeEditorHandle;
  /** Cells available, line numbers included. */
  width: number;
  /** Lines available. */
  height: number;
  /** Only an active editor hears keys and shows its cursor. Default true. */
  isActive?: boolean;
  /** Esc / Shift-Tab: back to whatever is around the editor. */
  onLeave?: () => void;
  /** Line numbers (1-based) to mark as having a problem. */
  markedLines?: ReadonlySet<number>;
}

/**
 * A multi-line text editor inside the terminal: line numbers, a visible cursor (inverse),
 * vertical and horizontal scrolling, long lines clipped with a marker at the edge. Only the
 * lines in view are drawn, so a long script costs as much as a short one.
 */
export function CodeEditor({ editor, width, height, isActive = true, onLeave, markedLines }: CodeEditorProps) {
  const theme = useTheme();
  const { state, dispatch } = editor;
  const digits = Math.max(3, String(state.lines.length).length);
  // mark, number, space, rule, left-clip marker ... text ... right-clip marker
  const gutter = digits + 4;
  const viewport = { rows: Math.max(1, height), columns: Math.max(1, width - gutter - 1) };

  useEffect(() => {
    dispatch({ type: 'resize', viewport });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewport.rows, viewport.columns, dispatch]);
  useCodeEditorInput(editor, { isActive, onLeave });

  // Until the resize above has run, scroll with the size drawn now.
  const view = scrollIntoView({ ...state, viewport });
  const { cross, gutterRule, clipLeft, clipRight } = theme.symbols;
  const rows: ReactNode[] = [];
  const end = Math.min(state.lines.length, view.top + viewport.rows);
  for (let index = view.top; index < end; index++) {
    const number = index + 1;
    const marked = markedLines?.has(number) ?? false;
    const shown = visiblePart(state.lines[index]!, view.left, viewport.columns, isActive && index === state.row ? state.column : undefined);
    rows.push(
      <Text key={index}>
        <Text {...(marked ? theme.text.error : theme.text.muted)}>{`${marked ? cross : ' '}${String(number).padStart(digits)} ${gutterRule}`}</Text>
        <Text {...theme.text.muted}>{shown.clippedLeft ? clipLeft : ' '}</Text>
        {shown.cursor === undefined ? (
          shown.text
        ) : (
          <>
            {shown.text.slice(0, shown.cursor)}
            <Text inverse>{shown.text.slice(shown.cursor, shown.cursorEnd) || ' '}</Text>
            {shown.text.slice(shown.cursorEnd)}
          </>
        )}
        {shown.clippedRight ? <Text {...theme.text.muted}>{' '.repeat(Math.max(0, viewport.columns - shown.cells))}{clipRight}</Text> : null}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows}
    </Box>
  );
}

interface VisiblePart {
  /** What is drawn: the columns in view, tabs as spaces, control characters as "?". */
  text: string;
  /** Cells `text` takes. */
  cells: number;
  /** Where in `text` the cursor's character starts and ends, when the cursor is on this line. */
  cursor: number | undefined;
  cursorEnd: number;
  clippedLeft: boolean;
  clippedRight: boolean;
}

/** The part of a line from column `left` that fits in `columns` cells. */
export function visiblePart(line: string, left: number, columns: number, cursorColumn: number | undefined): VisiblePart {
  const chars = Array.from(line);
  let text = '';
  let cells = 0;
  let cursor: number | undefined;
  let cursorEnd = 0;
  let column = left;
  for (; column < chars.length; column++) {
    const char = chars[column]!;
    const width = cellsOf(char);
    if (cells + width > columns) break;
    if (column === cursorColumn) cursor = text.length;
    // Code may come from the store or a paste: a control character, C1 control or bidirectional
    // override is shown as one "?" cell, never sent to the terminal (and the columns stay aligned).
    text += char === '\t' ? ' '.repeat(width) : hasControlCharacters(char) ? '?' : char;
    if (column === cursorColumn) cursorEnd = char === '\t' ? cursor! + 1 : text.length;
    cells += width;
  }
  if (cursorColumn !== undefined && cursor === undefined && cursorColumn === column) cursor = cursorEnd = text.length;
  return { text, cells, cursor, cursorEnd, clippedLeft: left > 0 && chars.length > 0, clippedRight: column < chars.length };
}
