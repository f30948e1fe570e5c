import type { Messages } from '../../../i18n/index.js';
import '../../components/code-editor/keys.js';
import { sortKeyHelp } from '../../components/table/index.js';
import { addKeyBindings } from '../../keys/bindings.js';
import type { KeyHelp } from '../../keys/key-help.js';

addKeyBindings({
  'dialplan.create': [{ input: 'n' }],
  'dialplan.edit': [{ input: 'e' }],
  'dialplan.copy': [{ input: 'c' }],
  'dialplan.delete': [{ input: 'd' }],
  'dialplan.preview': [{ input: 'p' }],
  // In the form every printable key is text: its commands are Ctrl keys.
  'dialplan.save': [{ input: 's', ctrl: true }],
  'dialplan.externalEditor': [{ input: 'e', ctrl: true }],
  'dialplan.zoomPreview': [{ input: 'p', ctrl: true }],
  'dialplan.typeSwitch': [{ input: ' ', label: 'Space' }, { key: 'leftArrow' }, { key: 'rightArrow' }],
});

/** What the screen shows, which decides the keys that are live. */
export type DialplanKeysMode = 'list' | 'fields' | 'code' | 'preview';

/** The keys of the screen in a mode, for the help overlay and the footer. */
export function dialplanKeys(messages: Messages, mode: DialplanKeysMode): KeyHelp[] {
  const k = messages.screens.dialplan.keys;
  switch (mode) {
    case 'list':
      return [
        { command: 'dialplan.create', description: k.create, footer: true, changes: true },
        { command: 'basic.confirm', description: k.edit, footer: true },
        { command: 'dialplan.edit', description: k.edit },
        { command: 'dialplan.copy', description: k.copy, footer: true, changes: true },
        { command: 'dialplan.delete', description: k.delete, footer: true, changes: true },
        { command: 'dialplan.preview', description: k.preview },
        { command: 'filter.start', description: messages.lists.dialplan.filterKey, footerDescription: k.filter, footer: true },
        sortKeyHelp(messages),
        { commands: ['nav.up', 'nav.down'], description: k.move },
        { commands: ['nav.pageUp', 'nav.pageDown'], description: k.page },
        { commands: ['nav.home', 'nav.end'], description: k.homeEnd },
      ];
    case 'fields':
      return [
        { command: 'dialplan.save', description: k.save, footer: true },
        { command: 'dialplan.externalEditor', description: k.externalEditor, footer: true },
        { command: 'dialplan.zoomPreview', description: k.zoomPreview, footer: true },
        { keys: 'Tab/Enter', description: k.nextField },
        { keys: 'Shift-Tab', description: k.previousField },
        { command: 'dialplan.typeSwitch', description: k.typeSwitch },
        { command: 'basic.back', description: k.back, footer: true },
      ];
    case 'code':
      return [
        { command: 'dialplan.save', description: k.save, footer: true },
        { command: 'dialplan.externalEditor', description: k.externalEditor, footer: true },
        { command: 'codeEditor.leave', description: k.backToFields, footer: true },
        { command: 'dialplan.zoomPreview', description: k.zoomPreview },
        { command: 'codeEditor.insertLine', description: k.insertLine },
        { command: 'codeEditor.deleteLine', description: k.deleteLine },
        { command: 'codeEditor.indent', description: k.indent },
        { keys: 'Arrows', description: k.cursor },
        { keys: 'Home/End', description: k.lineStartEnd },
        { keys: 'PgUp/PgDn', description: k.page },
      ];
    case 'preview':
      return [
        { commands: ['nav.up', 'nav.down'], description: k.scroll, footer: true },
        { commands: ['nav.pageUp', 'nav.pageDown'], description: k.page },
        { command: 'basic.back', description: k.closePreview, footer: true },
      ];
  }
}
