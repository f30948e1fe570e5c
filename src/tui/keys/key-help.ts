import type { ThemeSymbols } from '../theme.js';
import { commandLabel, type CommandName } from './bindings.js';

/** One line of the help overlay (and, with `footer`, of the footer). */
export interface KeyHelp {
  /** A named command; its keys are shown as bound ("↑/k"). */
  command?: CommandName;
  /** Or a pair of commands that go together (up and down): "↑/k ↓/j". */
  commands?: readonly CommandName[];
  /** Or the keys as text, when there is no single command ("1-4", "d"). */
  keys?: string;
  /** What the key does, from the message catalog. */
  description: string;
  /** Also shown in the footer. Default false. */
  footer?: boolean;
  /**
   * The key changes something (saves, installs, drops a binding). In read-only mode the frame
   * leaves it out of the footer and help and refuses it with a toast, whatever the screen does.
   */
  changes?: boolean;
  /** A shorter description for the footer. Default `description`. */
  footerDescription?: string;
}

/** The keys of a help entry as text: all of them ("↑/k"), or the first only (for the footer). */
export function keysOf(entry: KeyHelp, symbols: ThemeSymbols, options: { first?: boolean } = {}): string {
  if (entry.keys !== undefined) return entry.keys;
  if (entry.commands) return entry.commands.map((c) => commandLabel(c, symbols, options)).join(' ');
  return entry.command ? commandLabel(entry.command, symbols, options) : '';
}
