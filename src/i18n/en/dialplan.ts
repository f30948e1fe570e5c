/** Texts of the dialplan screen (see ../en.ts for the conventions). */
export const dialplan = {
  title: 'Dialplan applications',
  shortTitle: 'Dialplan',
  placeholder: [
    'Dialplan applications will be here:',
    '- list, filter, new, copy, edit, delete;',
    '- code editing here or in $VISUAL / $EDITOR;',
    '- preview of the generated dialplan.',
  ],
};
