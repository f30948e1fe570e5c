import { Box } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useScreenKeys } from '../../frame/screen-keys.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import type { ScreenProps } from '../types.js';
import { DetailsView } from './details-view.js';
import { InstallFileView } from './install-file-view.js';
import { InstalledView } from './installed-view.js';
import { markerLegend, modulesKeyHelp } from './key-help.js';
import { MarketplaceView } from './marketplace-view.js';
import { OperationLine } from './operation-line.js';
import { ReleasePicker } from './release-picker.js';
import { useModuleActions } from './use-module-actions.js';
import { useModuleLists } from './use-module-lists.js';
import { currentView, useViewStack } from './use-view-stack.js';

/**
 * Screen 2: the installed modules and the marketplace, a module's details, a release picker
 * and the zip-path form. Both lists stay mounted (cursor and filter survive a visit to the
 * details); the line at the foot shows the running operation.
 */
export function ModulesScreen({ width, height }: ScreenProps) {
  const theme = useTheme();
  const messages = useMessages();
  const [stack, navigate] = useViewStack();
  const lists = useModuleLists();
  const actions = useModuleActions(height);
  const view = currentView(stack);
  const installedRows = lists.installed.data ?? [];
  const detailsOf = view.kind === 'details' ? installedRows.find((r) => r.id === view.id) : undefined;

  const legend = view.kind === 'list' || view.kind === 'details' ? markerLegend(messages, theme.symbols) : [];
  useScreenKeys([...modulesKeyHelp(messages, view, { installed: detailsOf !== undefined }), ...legend]);

  // Esc goes back one view (the form and a kept filter take their Esc first).
  useKeyLayer(
    (e) => {
      if (!e.is('basic.back') || (view.kind === 'list' && view.list === 'installed')) return false;
      navigate({ type: 'back' });
      return true;
    },
    { priority: KeyPriority.screen, isActive: view.kind !== 'install-file' },
  );

  const bodyHeight = Math.max(1, height - 1);
  const onList = (list: 'installed' | 'marketplace') => view.kind === 'list' && stack.list === list;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box display={onList('installed') ? 'flex' : 'none'} width={width} height={bodyHeight}>
        <InstalledView rows={lists.installed} updatesError={lists.marketplace.error} safeMode={lists.safeMode} actions={actions} navigate={navigate} width={width} height={bodyHeight} isActive={onList('installed')} />
      </Box>
      <Box display={onList('marketplace') ? 'flex' : 'none'} width={width} height={bodyHeight}>
        <MarketplaceView modules={lists.marketplace} pbxVersion={lists.pbxVersion} actions={actions} navigate={navigate} width={width} height={bodyHeight} isActive={onList('marketplace')} />
      </Box>
      {view.kind === 'details' ? <DetailsView key={view.id} id={view.id} installed={detailsOf} actions={actions} navigate={navigate} width={width} height={bodyHeight} /> : null}
      {view.kind === 'releases' ? <ReleasePicker key={view.id} id={view.id} actions={actions} navigate={navigate} width={width} height={bodyHeight} /> : null}
      {view.kind === 'install-file' ? (
        <Box height={bodyHeight}>
          <InstallFileView actions={actions} navigate={navigate} width={width} />
        </Box>
      ) : null}
      <OperationLine running={actions.snapshot.running} width={width} />
    </Box>
  );
}
