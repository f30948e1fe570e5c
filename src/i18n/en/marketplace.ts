/** Texts of the marketplace screen (see ../en.ts for the conventions). */
export const marketplace = {
  title: 'Marketplace & license',
  shortTitle: 'License',
  placeholder: [
    'Marketplace and license will be here:',
    '- register this PBX in the module marketplace, or enter an existing key;',
    '- license information: owner, products, features, expiry;',
    '- coupon activation, reset key;',
    '- the marketplace catalog: install, update and roll back modules.',
  ],
};
