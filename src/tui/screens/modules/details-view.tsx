import { useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { moduleInfo, type ModuleInfo } from '../../../modules/index.js';
import type { InstalledModule } from '../../../store/schema.js';
import { useConsole } from '../../console-context.js';
import { useAsync } from '../../hooks/use-async.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { detailsLines } from './details-lines.js';
import { errorLines, InfoLines } from './info-lines.js';
import type { ModuleActions } from './use-module-actions.js';
import type { ViewAction } from './use-view-stack.js';

export interface DetailsViewProps {
  id: string;
  /** The store record when the module is installed (shown even when the marketplace cannot be asked). */
  installed: InstalledModule | undefined;
  actions: ModuleActions;
  navigate: (action: ViewAction) => void;
  width: number;
  height: number;
}

/** One module: description, state, the last error in full, releases with changelog, EULA; scrolls. */
export function DetailsView({ id, installed, actions, navigate, width, height }: DetailsViewProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.modules;
  const { pbx, storeRevision } = useConsole();
  const info = useAsync(() => moduleInfo(pbx, id), [pbx, id, storeRevision]);
  const [offset, setOffset] = useState(0);

  const lastError = actions.snapshot.errors.get(id);
  let lines;
  if (info.data) {
    lines = detailsLines(info.data, lastError, messages, theme.symbols, width);
  } else if (info.status === 'failed') {
    // The marketplace cannot say more; what the store knows still shows.
    const fallback: ModuleInfo | null = installed ? { id, installed, details: null, updateAvailable: false } : null;
    lines = [...errorLines(info.error, theme.symbols.cross), { text: '' }, ...(fallback ? detailsLines(fallback, lastError, messages, theme.symbols, width) : [])];
  } else {
    lines = [{ text: m.loading.details, tone: 'muted' as const }];
  }

  const room = Math.max(1, height - 1);
  const maxOffset = Math.max(0, lines.length - room);
  const top = Math.min(offset, maxOffset);
  const scroll = (by: number) => setOffset(Math.max(0, Math.min(maxOffset, top + by)));

  useKeyLayer(
    (e) => {
      if (e.is('nav.down')) scroll(1);
      else if (e.is('nav.up')) scroll(-1);
      else if (e.is('nav.pageDown')) scroll(room);
      else if (e.is('nav.pageUp')) scroll(-room);
      else if (e.is('nav.home')) scroll(-lines.length);
      else if (e.is('nav.end')) scroll(lines.length);
      else if (e.is('modules.releases') && (info.data?.details || installed)) navigate({ type: 'open', view: { kind: 'releases', id } });
      else if (installed && e.is('basic.toggle')) void actions.toggle(installed);
      else if (installed && e.is('modules.update')) void actions.update(id);
      else if (installed && e.is('modules.delete')) void actions.remove(installed);
      else if (!installed && e.is('modules.install')) void actions.install(id);
      else return false;
      return true;
    },
    { priority: KeyPriority.screen },
  );

  const position = lines.length > room ? m.details.position(top + 1, Math.min(lines.length, top + room), lines.length) : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <InfoLines lines={lines.slice(top, top + room)} count={room} width={width} />
      <Text {...theme.text.muted}>{fitText(position, width, theme.symbols.ellipsis, 'right')}</Text>
    </Box>
  );
}
