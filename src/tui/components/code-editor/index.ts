export { CodeEditor, visiblePart, type CodeEditorProps } from './code-editor.js';
export { pastedCode, useCodeEditorInput, type CodeEditorInputOptions } from './use-code-editor-input.js';
export {
  codeEditorReducer,
  codeEditorText,
  initialCodeEditorState,
  scrollIntoView,
  splitLines,
  useCodeEditorState,
  TAB_CELLS,
  type CodeEditorAction,
  type CodeEditorHandle,
  type CodeEditorState,
  type CodeEditorViewport,
} from './use-code-editor-state.js';
