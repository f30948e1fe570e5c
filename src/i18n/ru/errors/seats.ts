import type { seats as English } from '../../en/errors/seats.js';

/** Errors of this PBX's seats (taking them back), in Russian. */
export const seats: typeof English = {
  seats_no_license_key: () => ({
    message: 'На этой АТС нет лицензионного ключа, поэтому ей нечего занимать.',
    hint: 'Зарегистрируйтесь командой `pbxmod license register ...` или сохраните свой ключ: `pbxmod license set-key KEY` (в консоли — экран 1).',
  }),
};
