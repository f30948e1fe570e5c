import type { Key } from 'ink';
import type { ThemeSymbols } from '../theme.js';

/**
 * Keys are bound to named commands; components ask `event.is('nav.down')` instead of
 * testing letters, so that a binding changes in one place and the help shows it right.
 */

/** One way to press a command: a special key (Ink's `Key` flag) or a typed character. */
export interface KeyChord {
  /** Ink key flag that must be set (`upArrow`, `return`, `escape`, `tab`...). */
  key?: KeyFlag;
  /** The typed text (`k`, `?`, `G`); compared exactly. */
  input?: string;
  ctrl?: boolean;
  shift?: boolean;
  /** How the help shows this chord; derived when absent. */
  label?: string;
}

export type KeyFlag = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

export const builtInBindings = {
  'nav.up': [{ key: 'upArrow' }, { input: 'k' }],
  'nav.down': [{ key: 'downArrow' }, { input: 'j' }],
  'nav.left': [{ key: 'leftArrow' }],
  'nav.right': [{ key: 'rightArrow' }],
  'nav.pageUp': [{ key: 'pageUp' }, { input: 'b', ctrl: true }],
  'nav.pageDown': [{ key: 'pageDown' }, { input: 'f', ctrl: true }],
  'nav.home': [{ key: 'home' }, { input: 'g' }],
  'nav.end': [{ key: 'end' }, { input: 'G' }],
  'basic.confirm': [{ key: 'return' }],
  'basic.back': [{ key: 'escape' }],
  'basic.toggle': [{ input: ' ', label: 'Space' }],
  'app.help': [{ input: '?' }],
  'app.quit': [{ input: 'q' }],
  'app.forceQuit': [{ input: 'c', ctrl: true }],
  'app.reload': [{ input: 'r' }, { input: 'r', ctrl: true }],
  'app.redraw': [{ input: 'l', ctrl: true }],
  'app.language': [{ input: 'L' }],
  'screen.next': [{ key: 'tab', shift: false }],
  'screen.previous': [{ key: 'tab', shift: true }],
  'filter.start': [{ input: '/' }],
  /** Every list: the sort menu (components/table/use-table-sort.ts). */
  'table.sort': [{ input: 's' }],
  'confirm.yes': [{ input: 'y' }, { input: 'Y' }],
  'confirm.no': [{ input: 'n' }, { input: 'N' }],
  'form.nextField': [{ key: 'tab', shift: false }, { key: 'downArrow' }],
  'form.previousField': [{ key: 'tab', shift: true }, { key: 'upArrow' }],
} satisfies Record<string, KeyChord[]>;

export type BuiltInCommand = keyof typeof builtInBindings;
/** Built-in commands, plus `screen.action` names a screen adds with `addKeyBindings`. */
export type CommandName = BuiltInCommand | `${string}.${string}`;

const bindings = new Map<string, readonly KeyChord[]>(Object.entries(builtInBindings));

/**
 * Add commands of a screen, e.g. `addKeyBindings({'modules.delete': [{input: 'd'}]})`,
 * at module load. A name already bound is replaced.
 */
export function addKeyBindings(more: Record<string, readonly KeyChord[]>): void {
  for (const [name, chords] of Object.entries(more)) bindings.set(name, chords);
}

export function chordsOf(command: CommandName): readonly KeyChord[] {
  return bindings.get(command) ?? [];
}

function chordMatches(chord: KeyChord, input: string, key: Key): boolean {
  if (chord.key !== undefined && !key[chord.key]) return false;
  if (chord.input !== undefined && input !== chord.input) return false;
  if (chord.ctrl !== undefined ? chord.ctrl !== key.ctrl : key.ctrl) return false;
  // Shift matters for special keys (Tab vs Shift-Tab); for letters the input says it.
  if (chord.key !== undefined && chord.shift !== undefined && chord.shift !== key.shift) return false;
  // Alt/Meta + letter is not the letter.
  if (chord.input !== undefined && key.meta && !key.escape) return false;
  return true;
}

/** Does this key press trigger the command? */
export function matchesCommand(command: CommandName, input: string, key: Key): boolean {
  return chordsOf(command).some((chord) => chordMatches(chord, input, key));
}

const flagLabels: Record<KeyFlag, (s: ThemeSymbols) => string> = {
  upArrow: (s) => s.keyUp,
  downArrow: (s) => s.keyDown,
  leftArrow: (s) => s.keyLeft,
  rightArrow: (s) => s.keyRight,
  pageUp: () => 'PgUp',
  pageDown: () => 'PgDn',
  home: () => 'Home',
  end: () => 'End',
  return: () => 'Enter',
  escape: () => 'Esc',
  tab: () => 'Tab',
  backspace: () => 'Backspace',
  delete: () => 'Del',
};

export function chordLabel(chord: KeyChord, symbols: ThemeSymbols): string {
  if (chord.label) return chord.label;
  let base = chord.key ? flagLabels[chord.key](symbols) : (chord.input ?? '');
  if (chord.key === 'tab' && chord.shift) base = 'Shift-Tab';
  return chord.ctrl ? `Ctrl-${base.toUpperCase()}` : base;
}

/** How the help and the footer name a command's keys: "↑/k", "Enter", "Ctrl-C". */
export function commandLabel(command: CommandName, symbols: ThemeSymbols, options: { first?: boolean } = {}): string {
  const chords = chordsOf(command);
  const labels = (options.first ? chords.slice(0, 1) : chords).map((c) => chordLabel(c, symbols));
  return labels.join('/');
}
