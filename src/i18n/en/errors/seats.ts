import type { ErrorText } from '../errors.js';

/** Errors of this PBX's seats (taking them back), in English. */
export const seats = {
  seats_no_license_key: () => ({
    message: 'This PBX has no license key, so it holds no seats to take back.',
    hint: 'Register with `pbxmod license register ...` or save your key with `pbxmod license set-key KEY` (console: screen 1).',
  }),
} satisfies Record<string, (p: never) => ErrorText>;
