import type { Key } from 'ink';

/**
 * Arrow keys and friends arrive as escape sequences (`ESC [ A`). Over a slow serial line or
 * a busy SSH session one sequence can be split across two reads; Ink then reports a bare
 * Esc followed by the text `[A`. Taken at face value that is "back" plus two typed letters.
 *
 * So a bare Esc is held for a short moment (`escapeDelayMs`, like ncurses' ESCDELAY or
 * vim's ttimeout): when what follows completes a sequence, the pair is one key; otherwise
 * the Esc counts as Esc. This file is the pure part: which tails continue a sequence, and
 * what key a completed sequence is.
 */

/** CSI (`[` params final) or SS3 (`O` final) tail, complete. */
const COMPLETE_TAIL = /^(?:\[\[?[0-9;]*[A-Za-z~]|O[A-DFHP-S])$/;
/** A tail that may still grow into a sequence: `[`, `[1`, `[1;5`, `O`. */
const PARTIAL_TAIL = /^(?:\[\[?[0-9;]*|O)$/;

export type TailKind = 'complete' | 'partial' | 'none';

export function classifyEscapeTail(tail: string): TailKind {
  if (COMPLETE_TAIL.test(tail)) return 'complete';
  if (PARTIAL_TAIL.test(tail)) return 'partial';
  return 'none';
}

const LEADING_TAIL = /^(?:\[\[?[0-9;]*[A-Za-z~]|O[A-DFHP-S])/;

/**
 * What text read after a held Esc means: a whole sequence (maybe followed by more typing),
 * the start of one, or nothing to do with the Esc.
 */
export function splitEscapeTail(tail: string): { kind: TailKind; sequence: string; rest: string } {
  const leading = LEADING_TAIL.exec(tail);
  if (leading) return { kind: 'complete', sequence: leading[0], rest: tail.slice(leading[0].length) };
  if (PARTIAL_TAIL.test(tail)) return { kind: 'partial', sequence: tail, rest: '' };
  return { kind: 'none', sequence: '', rest: tail };
}

export function emptyKey(): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
  };
}

/** The key a completed tail stands for (`[A` = up); `undefined` for sequences we do not use. */
export function keyOfEscapeTail(tail: string): Key | undefined {
  const key = emptyKey();
  const final = tail.at(-1);
  const params = tail.slice(1, -1).replace(/^\[/, '');
  const [first, modifier] = params.split(';');
  const mod = modifier ? Number(modifier) - 1 : 0;
  key.shift = (mod & 1) !== 0;
  key.meta = (mod & 2) !== 0;
  key.ctrl = (mod & 4) !== 0;
  switch (final) {
    case 'A':
      key.upArrow = true;
      return key;
    case 'B':
      key.downArrow = true;
      return key;
    case 'C':
      key.rightArrow = true;
      return key;
    case 'D':
      key.leftArrow = true;
      return key;
    case 'H':
      key.home = true;
      return key;
    case 'F':
      key.end = true;
      return key;
    case 'Z':
      key.tab = true;
      key.shift = true;
      return key;
    case '~':
      switch (first) {
        case '1':
        case '7':
          key.home = true;
          return key;
        case '4':
        case '8':
          key.end = true;
          return key;
        case '3':
          key.delete = true;
          return key;
        case '5':
          key.pageUp = true;
          return key;
        case '6':
          key.pageDown = true;
          return key;
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}
