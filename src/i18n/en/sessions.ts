/** Texts of the sessions screen (see ../en.ts for the conventions). */
export const sessions = {
  title: 'Session monitor',
  shortTitle: 'Sessions',
  placeholder: [
    'The session monitor will be here:',
    '- log in with the license key or a coupon;',
    '- license bindings grouped by host, with details;',
    '- drop a binding (after confirmation).',
  ],
};
