/** Texts of the modules screen (see ../en.ts for the conventions). */
export const modules = {
  title: 'Modules',
  shortTitle: 'Modules',
  placeholder: [
    'Installed modules will be here:',
    '- enable / disable, update, delete (keeping settings);',
    '- license, error and crash markers, update markers;',
    '- install from a zip file on this PBX.',
  ],
};
