import { addKeyBindings } from '../../keys/bindings.js';

/**
 * The editor's own commands. Everything else it hears is text or movement; Ctrl keys it does
 * not know (Ctrl-S save, Ctrl-E $EDITOR) fall through to the screen around it.
 */
addKeyBindings({
  'codeEditor.insertLine': [{ input: 'o', ctrl: true }],
  'codeEditor.deleteLine': [{ input: 'k', ctrl: true }],
  'codeEditor.indent': [{ key: 'tab', shift: false }],
  'codeEditor.leave': [{ key: 'escape' }, { key: 'tab', shift: true }],
});

/** Spaces a Tab inserts. */
export const INDENT = '    ';
