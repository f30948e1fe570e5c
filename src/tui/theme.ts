import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { BoxProps } from 'ink';

/**
 * The console's look, by meaning rather than by colour: `theme.text.error`, not "red".
 * Three switches make the variants:
 * - colour on/off: `NO_COLOR` (any non-empty value) turns colours off entirely. Ink's chalk
 *   ignores NO_COLOR, so the theme itself emits no colour names then; emphasis falls back
 *   to bold / inverse / underline, which NO_COLOR allows.
 * - Unicode on/off: `--ascii` gives plain ASCII borders and symbols for consoles without
 *   Unicode (serial consoles, the Linux VGA console).
 */

/** Props of an Ink <Text> that make a style; spread them: `<Text {...theme.text.error}>`. */
export interface TextStyle {
  color?: string;
  bold?: boolean;
  inverse?: boolean;
  underline?: boolean;
  dimColor?: boolean;
}

/** Semantic colour names (undefined = terminal default). */
export interface ThemeColors {
  accent: string | undefined;
  muted: string | undefined;
  border: string | undefined;
  selection: string | undefined;
  status: { ok: string | undefined; error: string | undefined; warning: string | undefined; info: string | undefined };
}

/** Text styles built from the colours; what components spread onto <Text>. */
export interface ThemeText {
  /** Ordinary text. */
  normal: TextStyle;
  /** Titles: the active tab, dialog titles. */
  heading: TextStyle;
  /** Something to notice: key names in hints, the product name. */
  accent: TextStyle;
  /** Secondary text: hints, counts, placeholders. */
  muted: TextStyle;
  /** The cursor row of a list, the highlighted answer of a dialog. */
  selection: TextStyle;
  /** Key names in the footer and help. */
  key: TextStyle;
  ok: TextStyle;
  error: TextStyle;
  warning: TextStyle;
  info: TextStyle;
}

/** Symbols; the ASCII variant keeps every one of them in 0x20-0x7E. */
export interface ThemeSymbols {
  check: string;
  cross: string;
  /** A module disabled by its license: a crossed-out key (ASCII `[lic]`). */
  licenseBlocked: string;
  /** A module disabled by an exception: a bug (ASCII `[err]`). */
  bug: string;
  /** A module disabled after restarting in a loop (ASCII `[crash]`). */
  crashLoop: string;
  /** A newer release of a module is available (ASCII `[upd]`). */
  update: string;
  warning: string;
  info: string;
  bullet: string;
  /** Marks the cursor row / the highlighted choice. */
  pointer: string;
  ellipsis: string;
  times: string;
  separator: string;
  /** A horizontal rule character, repeated to the width. */
  rule: string;
  checkboxOn: string;
  checkboxOff: string;
  progressFull: string;
  progressEmpty: string;
  groupOpen: string;
  keyUp: string;
  keyDown: string;
  keyLeft: string;
  keyRight: string;
  /** Between the line numbers and the text of a code editor. */
  gutterRule: string;
  /** A line of code goes on past the left / right edge of the editor. */
  clipLeft: string;
  clipRight: string;
  /** The column a list is sorted by, ascending / descending (ASCII `^` / `v`). */
  sortAscending: string;
  sortDescending: string;
  /** The chosen / another answer of a one-of-several field. */
  radioOn: string;
  radioOff: string;
}

export interface Theme {
  name: 'color' | 'no-color' | 'ascii' | 'ascii-no-color';
  useColor: boolean;
  unicode: boolean;
  colors: ThemeColors;
  text: ThemeText;
  symbols: ThemeSymbols;
  /** For bordered boxes (help, dialogs): `<Box borderStyle={theme.borderStyle}>`. */
  borderStyle: NonNullable<BoxProps['borderStyle']>;
}

const unicodeSymbols: ThemeSymbols = {
  check: '✓',
  cross: '✗',
  // A key (U+26BF) struck through by a combining overlay (U+0338): one cell wide.
  licenseBlocked: '\u26BF\u0338',
  bug: '✱',
  crashLoop: '↻',
  update: '↑',
  warning: '!',
  info: 'i',
  bullet: '•',
  pointer: '›',
  ellipsis: '…',
  times: '×',
  separator: '·',
  rule: '─',
  checkboxOn: '[x]',
  checkboxOff: '[ ]',
  progressFull: '█',
  progressEmpty: '░',
  groupOpen: '▾',
  keyUp: '↑',
  keyDown: '↓',
  keyLeft: '←',
  keyRight: '→',
  gutterRule: '│',
  clipLeft: '«',
  clipRight: '»',
  sortAscending: '▲',
  sortDescending: '▼',
  radioOn: '(•)',
  radioOff: '( )',
};

const asciiSymbols: ThemeSymbols = {
  check: '+',
  cross: 'x',
  licenseBlocked: '[lic]',
  bug: '[err]',
  crashLoop: '[crash]',
  update: '[upd]',
  warning: '!',
  info: 'i',
  bullet: '*',
  pointer: '>',
  ellipsis: '...',
  times: 'x',
  separator: '|',
  rule: '-',
  checkboxOn: '[x]',
  checkboxOff: '[ ]',
  progressFull: '#',
  progressEmpty: '-',
  groupOpen: '+',
  keyUp: 'Up',
  keyDown: 'Down',
  keyLeft: 'Left',
  keyRight: 'Right',
  gutterRule: '|',
  clipLeft: '<',
  clipRight: '>',
  sortAscending: '^',
  sortDescending: 'v',
  radioOn: '(*)',
  radioOff: '( )',
};

const palette: ThemeColors = {
  accent: 'cyan',
  muted: 'gray',
  border: 'gray',
  selection: 'cyan',
  status: { ok: 'green', error: 'red', warning: 'yellow', info: 'blue' },
};

const noColors: ThemeColors = {
  accent: undefined,
  muted: undefined,
  border: undefined,
  selection: undefined,
  status: { ok: undefined, error: undefined, warning: undefined, info: undefined },
};

function textStyles(colors: ThemeColors, useColor: boolean): ThemeText {
  if (!useColor) {
    return {
      normal: {},
      heading: { bold: true },
      accent: { bold: true },
      muted: {},
      selection: { inverse: true },
      key: { bold: true },
      ok: {},
      error: { bold: true },
      warning: { bold: true },
      info: {},
    };
  }
  return {
    normal: {},
    heading: { bold: true, color: colors.accent },
    accent: { color: colors.accent },
    muted: { color: colors.muted },
    selection: { inverse: true },
    key: { bold: true, color: colors.accent },
    ok: { color: colors.status.ok },
    error: { color: colors.status.error, bold: true },
    warning: { color: colors.status.warning },
    info: { color: colors.status.info },
  };
}

export interface ThemeOptions {
  /** Colours on (default) or off. */
  color?: boolean;
  /** Unicode symbols and borders (default) or plain ASCII. */
  unicode?: boolean;
}

export function createTheme({ color = true, unicode = true }: ThemeOptions = {}): Theme {
  const colors = color ? palette : noColors;
  const name = unicode ? (color ? 'color' : 'no-color') : color ? 'ascii' : 'ascii-no-color';
  return {
    name,
    useColor: color,
    unicode,
    colors,
    text: textStyles(colors, color),
    symbols: unicode ? unicodeSymbols : asciiSymbols,
    borderStyle: unicode ? 'round' : 'classic',
  };
}

/** NO_COLOR (https://no-color.org): set to any non-empty value, colours are off. */
export function colorDisabledBy(env: NodeJS.ProcessEnv): boolean {
  return typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '';
}

/** The theme for this run: `NO_COLOR` from the environment, `--ascii` from the flags. */
export function themeFor(env: NodeJS.ProcessEnv, flags: { ascii?: boolean | undefined }): Theme {
  return createTheme({ color: !colorDisabledBy(env), unicode: !flags.ascii });
}

const ThemeContext = createContext<Theme>(createTheme());

export function ThemeProvider({ theme, children }: { theme: Theme; children?: ReactNode }) {
  return createElement(ThemeContext.Provider, { value: theme }, children);
}

/** The console's theme: `const theme = useTheme(); <Text {...theme.text.error}>`. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
