/**
 * Copy text to the clipboard of the terminal the person sits at, not the PBX's: OSC 52
 * (`ESC ] 52 ; c ; <base64> BEL`) travels with the output, so it works over SSH and through
 * tmux (with `set-clipboard on`). Terminals that do not support it, or have it switched off,
 * ignore it silently.
 */

/** The escape sequence that puts `text` on the terminal's clipboard. */
export function osc52Sequence(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Something with `write`, like `process.stdout`. */
export interface TerminalOutput {
  write(data: string): boolean;
}

/** Send `text` to the terminal's clipboard through `output`. */
export function copyToTerminalClipboard(output: TerminalOutput, text: string): void {
  output.write(osc52Sequence(text));
}
