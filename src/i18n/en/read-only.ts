/** Texts of the console's read-only mode (`--readonly`, PBXMOD_READONLY=1). */
export const readOnly = {
  /** The toast when a changing key is pressed. */
  refused: (what: string) => `Read-only: "${what}" changes something and is off (--readonly or PBXMOD_READONLY).`,
  /** A line in the help overlay. */
  helpNote: 'Read-only: the keys that change something are off.',
};
