import type { ErrorText } from '../errors.js';

/** Errors any part can raise, in English. */
export const general = {
  internal_error: (p: { detail: string }) => ({ message: p.detail }),
  size_malformed: (p: { value: string }) => ({
    message: `--size must be columns x rows, like 80x24; got "${p.value}".`,
    hint: 'Give the size of the terminal on the other end of the line, for example --size 80x24.',
  }),
  language_unknown: (p: { value: string; known: string }) => ({
    message: `--lang must name a language pbxmod has (${p.known}); got "${p.value}".`,
    hint: 'Use --lang ru or --lang en.',
  }),
  confirmation_required: (p: { question: string; flag: string }) => ({
    message: `${p.question} Not confirmed: there is no terminal to ask on.`,
    hint: `Add ${p.flag} to confirm from a script.`,
  }),
  confirmation_cancelled: (p: { flag: string }) => ({
    message: 'Cancelled; nothing was changed.',
    hint: `Answer "y" to confirm, or add ${p.flag}.`,
  }),
  context_closed: () => ({
    message: 'pbxmod is closing: the licensing service is not started again.',
    hint: 'Start pbxmod again to reach the licensing service.',
  }),
} satisfies Record<string, (p: never) => ErrorText>;
