export { CodeEditor, visiblePart, type CodeEditorProps } from './code-editor.js';
export { useCodeEditorInput, useForwardDeleteDetector, type CodeEditorInputOptions } from './use-code-editor-input.js';
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
export { isMultiKeyChunk, splitChunk, type ChunkPart } from './input-chunks.js';
