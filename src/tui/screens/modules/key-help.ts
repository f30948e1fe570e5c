import type { Messages } from '../../../i18n/index.js';
import { sortKeyHelp } from '../../components/table/index.js';
import { addKeyBindings } from '../../keys/bindings.js';
import type { KeyHelp } from '../../keys/key-help.js';
import type { ThemeSymbols } from '../../theme.js';
import type { ModulesView } from './use-view-stack.js';

/** The screen's letters; Space (basic.toggle), Enter, Esc and `/` are the built-in commands. */
addKeyBindings({
  'modules.marketplace': [{ input: 'm' }],
  'modules.install': [{ input: 'i' }],
  'modules.update': [{ input: 'u' }],
  'modules.updateAll': [{ input: 'U' }],
  'modules.releases': [{ input: 'r' }],
  'modules.delete': [{ input: 'd' }],
  'modules.installFile': [{ input: 'f' }],
  'modules.checkLicenses': [{ input: 'l' }],
  // Marks (htop / k9s): Space marks the row (installed list), a marks every shown row, c clears.
  'modules.markAll': [{ input: 'a' }],
  'modules.clearMarks': [{ input: 'c' }],
  'modules.enable': [{ input: 'e' }],
  'modules.disable': [{ input: 'x' }],
  'modules.safeMode': [{ input: 'S' }],
  'modules.restore': [{ input: 'R' }],
});

/** What the details view can do depends on whether the module is installed. */
export interface KeyHelpContext {
  installed: boolean;
}

/** The keys of one view of the screen, for the help overlay and (`footer`) the footer. */
export function modulesKeyHelp(messages: Messages, view: ModulesView, context: KeyHelpContext = { installed: true }): KeyHelp[] {
  const k = messages.screens.modules.keys;
  switch (view.kind) {
    case 'list':
      if (view.list === 'installed') {
        const bk = messages.bulk.screen.keys;
        return [
          { command: 'basic.toggle', description: bk.mark, footer: true },
          { command: 'modules.enable', description: bk.enable, footerDescription: messages.lists.footer.toggle, footer: true, changes: true },
          { command: 'basic.confirm', description: k.details, footer: true },
          { command: 'modules.marketplace', description: k.marketplace, footer: true },
          // Sorting before delete: at 80 columns the footer keeps the keys to the left.
          sortKeyHelp(messages),
          { command: 'modules.delete', description: bk.delete, footer: true, changes: true },
          { command: 'modules.markAll', description: bk.markAll },
          { command: 'modules.clearMarks', description: bk.clearMarks },
          { command: 'modules.disable', description: bk.disable, changes: true },
          { command: 'modules.safeMode', description: bk.safeMode, changes: true },
          { command: 'modules.restore', description: bk.restore, changes: true },
          { command: 'filter.start', description: k.filter },
          { command: 'modules.update', description: bk.update, changes: true },
          { command: 'modules.releases', description: k.releases },
          { command: 'modules.updateAll', description: k.updateAll, changes: true },
          { command: 'modules.installFile', description: k.installFile, changes: true },
          { command: 'modules.checkLicenses', description: k.checkLicenses },
          { commands: ['nav.up', 'nav.down'], description: k.move },
        ];
      }
      return [
        { command: 'modules.install', description: k.install, footer: true, changes: true },
        { command: 'basic.confirm', description: k.details, footer: true },
        { keys: 'm/Esc', description: k.installed, footer: true },
        sortKeyHelp(messages),
        { command: 'modules.releases', description: k.releases },
        { command: 'filter.start', description: k.filter },
        { command: 'modules.update', description: k.updateInstalled, changes: true },
        { command: 'modules.installFile', description: k.installFile, changes: true },
        { commands: ['nav.up', 'nav.down'], description: k.move },
      ];
    case 'details': {
      const actions: KeyHelp[] = context.installed
        ? [
            { command: 'basic.toggle', description: k.toggle, footer: true, changes: true },
            { command: 'modules.update', description: k.update, footer: true, changes: true },
            { command: 'modules.releases', description: k.releases, footer: true },
            { command: 'modules.delete', description: k.delete, changes: true },
          ]
        : [
            { command: 'modules.install', description: k.install, footer: true, changes: true },
            { command: 'modules.releases', description: k.releases, footer: true },
          ];
      return [
        { command: 'basic.back', description: k.back, footer: true },
        ...actions,
        { commands: ['nav.up', 'nav.down'], description: k.scroll },
        { commands: ['nav.pageUp', 'nav.pageDown'], description: k.scroll },
      ];
    }
    case 'releases':
      return [
        { command: 'basic.confirm', description: k.installRelease, footer: true, changes: true },
        { command: 'basic.back', description: k.back, footer: true },
        sortKeyHelp(messages),
        { commands: ['nav.up', 'nav.down'], description: k.move },
      ];
    case 'install-file':
      return [
        { command: 'basic.confirm', description: k.submitFile, footer: true },
        { command: 'basic.back', description: k.cancel, footer: true },
      ];
  }
}

/** What the markers on the rows mean, as help lines. */
export function markerLegend(messages: Messages, symbols: ThemeSymbols): KeyHelp[] {
  const l = messages.screens.modules.legend;
  return [
    { keys: '', description: l.title },
    { keys: symbols.licenseBlocked, description: l.license },
    { keys: symbols.bug, description: l.exception },
    { keys: symbols.crashLoop, description: l.crashLoop },
    { keys: symbols.update, description: l.update },
  ];
}
