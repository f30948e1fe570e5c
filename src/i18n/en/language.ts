/** Choosing the console's language (a global key; see ../en.ts for the conventions). */
export const language = {
  /** The help overlay. */
  helpLong: (name: string) => `switch the console to ${name} (saved in the PBX settings)`,
  /** Toasts, in the language just chosen. */
  switched: 'The console is in English now; saved in the PBX settings for the next start.',
  switchedReadonly: 'The console is in English until you quit; not saved (--readonly).',
  notSaved: (why: string) => `The console is in English until you quit; not saved: ${why}`,
};
