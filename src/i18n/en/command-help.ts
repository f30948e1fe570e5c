/** Texts of the command line's own help: `pbxmod help`, `--wide` (see ../en.ts for the conventions). */
export const commandHelp = {
  helpDescription: 'show the help of a command, e.g. `pbxmod help modules` or `pbxmod help modules install`',
  helpArgument: 'the command (and subcommand) to explain',
};
