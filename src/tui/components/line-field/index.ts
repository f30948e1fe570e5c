export { editLine, lineText, type LineEdit, type LineState } from './line-edit.js';
export { lineEditOf } from './line-keys.js';
export { LineValue, windowAround, type LineValueProps } from './line-value.js';
