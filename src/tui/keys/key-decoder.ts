import type { Key } from 'ink';
import { emptyKey, keyOfEscapeTail } from './escape-sequence.js';

/**
 * The one key decoder of the console. Over SSH or a serial line one read from the terminal
 * holds several keys (`jjj`, three Backspaces, `Acme Ltd\x7f\x7f`, an arrow split across two
 * reads, a paste). Ink hands a run of such bytes to its handlers as ONE key; this decoder turns
 * the byte stream into the keys a person pressed, one by one, whatever the read boundaries:
 *
 * - every printable character (a grapheme: an emoji with its joiners stays whole) is one key;
 * - DEL (0x7f) and BS (0x08) are Backspace; CR, LF or CR LF is Enter; TAB is Tab;
 * - other C0 controls are Ctrl keys (0x01 = Ctrl-A ... 0x1a = Ctrl-Z); C1 controls are dropped;
 * - ESC starts a sequence (CSI `ESC [ … final`, SS3 `ESC O x`) or an Alt key (`ESC x`); a
 *   sequence cut by a read boundary waits for its rest, and a lone ESC becomes Esc only when
 *   `flush()` says nothing more came (the caller's escape delay);
 * - bracketed paste (`ESC [200~ … ESC [201~`) is one paste: text, never commands.
 *
 * Pure and synchronous: the same bytes give the same keys, however they are cut.
 */

export type DecodedKey =
  /** A key press: Ink's `Key` flags plus the typed text ('' for special keys). */
  | { kind: 'key'; input: string; key: Key }
  /** Text that came in a bracketed paste, as pasted (line breaks as `\n`). */
  | { kind: 'paste'; text: string; typed?: boolean };

const ESC = '\u001B';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function press(input: string, flags: Partial<Key> = {}): DecodedKey {
  return { kind: 'key', input, key: { ...emptyKey(), ...flags } };
}

/** The key of one control character, or undefined for controls that are no key. */
function controlKey(char: string): DecodedKey | undefined {
  const code = char.charCodeAt(0);
  if (char === '\r' || char === '\n') return press('', { return: true });
  if (char === '\t') return press('', { tab: true });
  if (code === 0x7f || code === 0x08) return press('', { backspace: true });
  // Ctrl-A … Ctrl-Z (the ones not taken above): reported as the letter with ctrl.
  if (code >= 0x01 && code <= 0x1a) return press(String.fromCharCode(code + 0x60), { ctrl: true });
  return undefined;
}

/** Length of a complete CSI sequence at `at` (ESC [ …), 0 when incomplete, -1 when not one. */
function csiLength(text: string, at: number): number {
  let index = at + 2;
  // Legacy function keys: ESC [ [ A.
  if (text[index] === '[') index++;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code <= 0x3f) continue;
    if (code >= 0x40 && code <= 0x7e) return index + 1 - at;
    return -1;
  }
  return 0;
}

/** A decoder keeps what a read left unfinished (half a sequence, an open paste). */
export class KeyDecoder {
  private buffer = '';
  private paste: string | undefined;
  /** How much of the buffer came in earlier reads. */
  private carried = 0;

  /** Keys in `chunk` (with what earlier reads left over). */
  push(chunk: string): DecodedKey[] {
    this.carried = this.buffer.length;
    this.buffer += chunk;
    return this.drain(false);
  }

  /** Is a lone or partial escape sequence waiting for its rest? (Then call `flush()` later.) */
  get waiting(): boolean {
    return this.buffer.startsWith(ESC) && this.paste === undefined;
  }

  /** Nothing more came: a held ESC is Esc (and what followed it is read as keys). */
  flush(): DecodedKey[] {
    return this.drain(true);
  }

  private drain(final: boolean): DecodedKey[] {
    const out: DecodedKey[] = [];
    let text = this.buffer;
    let at = 0;
    while (at < text.length) {
      if (this.paste !== undefined) {
        const end = text.indexOf(PASTE_END, at);
        if (end < 0) {
          // Keep a possible start of the end marker for the next read.
          let keep = 0;
          for (let n = Math.min(PASTE_END.length - 1, text.length - at); n > 0; n--) {
            if (PASTE_END.startsWith(text.slice(text.length - n))) {
              keep = n;
              break;
            }
          }
          this.paste += text.slice(at, text.length - keep);
          at = text.length - keep;
          if (keep === 0 || !final) break;
          // A final flush with an unfinished marker: it was text.
          this.paste += text.slice(at);
          at = text.length;
          break;
        }
        this.paste += text.slice(at, end);
        out.push({ kind: 'paste', text: this.paste.replace(/\r\n?/g, '\n') });
        this.paste = undefined;
        at = end + PASTE_END.length;
        continue;
      }
      const char = text[at]!;
      if (char === ESC) {
        const used = this.escape(text, at, final, out);
        if (used === 0) break;
        at += used;
        continue;
      }
      const code = char.charCodeAt(0);
      if (code < 0x20 || code === 0x7f) {
        const key = controlKey(char);
        if (key) out.push(key);
        // CR LF is one Enter.
        at += char === '\r' && text[at + 1] === '\n' ? 2 : 1;
        // A CR at the end of a read may be followed by LF in the next; that LF is another
        // Enter then, which is what a terminal in raw mode sends anyway (CR only).
        continue;
      }
      if (code >= 0x80 && code <= 0x9f) {
        at++;
        continue;
      }
      // A run of printable text, one key per grapheme.
      let end = at;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) break;
        end++;
      }
      for (const { segment } of graphemes.segment(text.slice(at, end))) {
        out.push(press(segment, /^[A-Z]$/.test(segment) ? { shift: true } : {}));
      }
      at = end;
    }
    text = text.slice(at);
    this.buffer = text;
    this.carried = 0;
    return out;
  }

  /** Decode the escape at `at`; returns characters used, 0 to wait for more. */
  private escape(text: string, at: number, final: boolean, out: DecodedKey[]): number {
    const next = text[at + 1];
    if (next === undefined) {
      if (!final) return 0;
      out.push(press('', { escape: true, meta: true }));
      return 1;
    }
    if (next === '[') {
      const length = csiLength(text, at);
      if (length === 0 && !final) return 0;
      if (length <= 0) {
        // Not a sequence after all: Esc, then the rest as typed.
        out.push(press('', { escape: true, meta: true }));
        return 1;
      }
      const sequence = text.slice(at, at + length);
      if (sequence === PASTE_START) {
        this.paste = '';
        return length;
      }
      if (sequence === PASTE_END) return length;
      const key = keyOfEscapeTail(sequence.slice(1));
      if (key) out.push({ kind: 'key', input: '', key });
      // Sequences we have no use for (focus, mouse, unknown keys) are dropped whole.
      return length;
    }
    if (next === 'O') {
      if (text.length < at + 3) {
        if (!final) return 0;
        out.push(press('', { escape: true, meta: true }));
        return 1;
      }
      const key = keyOfEscapeTail(text.slice(at + 1, at + 3));
      if (key) out.push({ kind: 'key', input: '', key });
      return 3;
    }
    if (next === ESC) {
      // ESC ESC [A: Alt + arrow; ESC ESC alone: two Escs.
      const inner = text[at + 2];
      if (inner === undefined && !final) return 0;
      if (inner === '[' || inner === 'O') {
        const sub: DecodedKey[] = [];
        const used = this.escape(text, at + 1, final, sub);
        if (used === 0) return 0;
        for (const k of sub) out.push(k.kind === 'key' ? { ...k, key: { ...k.key, meta: true } } : k);
        return 1 + used;
      }
      out.push(press('', { escape: true, meta: true }));
      return 1;
    }
    // Alt + key is ESC and the character in ONE read; an Esc that waited for the next read
    // was a press of Esc, and the letter after it is typed on its own.
    if (at < this.carried && at + 1 >= this.carried) {
      out.push(press('', { escape: true, meta: true }));
      return 1;
    }
    const code = next.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) {
      const key = controlKey(next);
      if (key?.kind === 'key') out.push({ ...key, key: { ...key.key, meta: true } });
      return 2;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(at + 1)!);
    out.push(press(codePoint, { meta: true }));
    return 1 + codePoint.length;
  }
}
