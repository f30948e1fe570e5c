/** Texts of the console's read-only mode (`--readonly`, PBXMOD_READONLY=1). */
export const readOnly = {
  /** The toast when a changing key is pressed: one line, even at 80 columns with a long key name. */
  refused: (what: string) => `Read-only mode: "${what}" is off.`,
  /** A line in the help overlay. */
  helpNote: 'Read-only: the keys that change something are off.',
};
