/** Choosing the console's language (a global key; see ../en.ts for the conventions). */
export const language = {
  /** The help overlay. */
  helpLong: (name: string) => `switch the console to ${name} (saved in the PBX settings)`,
  /** Toasts, in the language just chosen. */
  switched: 'The console is in English now; saved in the PBX settings for the next start.',
  switchedReadonly: 'The console is in English for this session; read-only (--readonly), so not saved.',
  notSaved: (why: string) => `The console is in English for this session; not saved: ${why}`,
};
