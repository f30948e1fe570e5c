/**
 * Text that comes from outside the program — module.json, zip entry names, the service's
 * messages, other PBXs' binding fields, values read back from the store — may carry control
 * characters and escape sequences. Drawn raw they drive the administrator's terminal (set the
 * window title, move the cursor, hide text). `visibleText` is the one function every face uses
 * before such text reaches a terminal: C0 and C1 controls, DEL and the bidirectional
 * overrides become visible escapes (`\x1b`, `\u202e`); everything else is left as written.
 */

// C0 controls, DEL, C1 controls; the bidi embeddings/overrides/isolates and marks; BOM.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function escapeOf(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface VisibleTextOptions {
  /** Keep line breaks (`\n`) and tabs as they are, for text shown on several lines (a tab only moves to the next stop). Default: false. */
  keepLineBreaks?: boolean;
}

/** `text` with every character that could drive a terminal shown as an escape instead. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  const unsafe = options.keepLineBreaks ? UNSAFE_BUT_LINES : UNSAFE;
  return text.replace(unsafe, escapeOf);
}

/** Whether `text` holds a character `visibleText` would change. */
export function hasControlCharacters(text: string, options: VisibleTextOptions = {}): boolean {
  const unsafe = options.keepLineBreaks ? UNSAFE_BUT_LINES : UNSAFE;
  unsafe.lastIndex = 0;
  const found = unsafe.test(text);
  unsafe.lastIndex = 0;
  return found;
}
