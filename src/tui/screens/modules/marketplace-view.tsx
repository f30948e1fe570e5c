import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { useMessages, type Messages } from '../../../i18n/index.js';
import type { AvailableModule } from '../../../modules/index.js';
import { Banner } from '../../components/banner/index.js';
import { formatBytes } from '../../components/progress/index.js';
import { FilterLine, Table, useFilter, useRowUnderCursor, useTableSort, widthForWords, type TableColumn } from '../../components/table/index.js';
import type { AsyncState } from '../../hooks/use-async.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme, type ThemeSymbols } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { errorLines, errorParts, InfoLines, wrapLines, type InfoLine } from './info-lines.js';
import { stageText } from './module-marks.js';
import { infoLineCount, NARROW_WIDTH } from './layout.js';
import type { OperationsSnapshot } from './operation-tracker.js';
import type { ModuleActions } from './use-module-actions.js';
import type { ViewAction } from './use-view-stack.js';

export interface MarketplaceViewProps {
  modules: AsyncState<AvailableModule[]>;
  pbxVersion: string | undefined;
  actions: ModuleActions;
  navigate: (action: ViewAction) => void;
  width: number;
  height: number;
  isActive: boolean;
}

const rowKey = (row: AvailableModule) => row.id;
const searchText = (row: AvailableModule) => `${row.id} ${row.name} ${row.description} ${row.developer}`;

/** The service's catalog for this PBX's version: name, description, developer, version, free/paid, size, installed. */
export function MarketplaceView({ modules, pbxVersion, actions, navigate, width, height, isActive }: MarketplaceViewProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.modules;
  const { symbols } = theme;
  const all = modules.data ?? [];
  const filter = useFilter(all, { text: searchText, isActive });
  const { snapshot } = actions;
  const columns = useMemo(() => marketplaceColumns(snapshot, messages, symbols, width), [snapshot, messages, symbols, width]);
  const sort = useTableSort(filter.rows, columns, { isActive: isActive && modules.status !== 'failed' && all.length > 0 });
  const { current, rowForKeys, onCursorChange } = useRowUnderCursor(sort.rows, rowKey);

  useKeyLayer(
    (e) => {
      const row = rowForKeys();
      if (e.is('modules.marketplace')) navigate({ type: 'show-list', list: 'installed' });
      else if (e.is('modules.installFile')) navigate({ type: 'open', view: { kind: 'install-file' } });
      else if (!row) return false;
      else if (e.is('modules.install')) void actions.install(row.id);
      else if (e.is('modules.update') && row.installedVersion !== null) void actions.update(row.id);
      else if (e.is('modules.releases')) navigate({ type: 'open', view: { kind: 'releases', id: row.id } });
      else return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive },
  );

  const filterLines = filter.typing || filter.query !== '' ? 1 : 0;
  const infoLines = infoLineCount(height);
  const tableHeight = Math.max(2, height - 1 - filterLines - infoLines);
  const heading = modules.data && pbxVersion ? m.heading.marketplace(all.length, pbxVersion) : m.heading.marketplaceLoading;

  let body;
  if (modules.status === 'failed') {
    const { message, hint } = errorParts(modules.error);
    body = (
      <Box flexDirection="column" height={tableHeight}>
        <Banner kind="error" message={message} {...(hint ? { hint } : {})} width={width} />
      </Box>
    );
  } else if (modules.data === undefined) {
    body = <InfoLines lines={[{ text: m.loading.marketplace, tone: 'muted' }]} count={tableHeight} width={width} />;
  } else if (all.length === 0) {
    body = <InfoLines lines={[{ text: m.empty.marketplace(pbxVersion ?? '?'), tone: 'muted' }]} count={tableHeight} width={width} />;
  } else {
    body = (
      <Table
        columns={columns}
        rows={sort.rows}
        sort={sort}
        rowKey={rowKey}
        width={width}
        height={tableHeight}
        emptyText={messages.filter.noMatches(filter.query)}
        isActive={isActive}
        onSelect={(row) => navigate({ type: 'open', view: { kind: 'details', id: row.id } })}
        onCursorChange={onCursorChange}
      />
    );
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text {...theme.text.heading}>{fitText(heading, width, symbols.ellipsis)}</Text>
      {filterLines > 0 ? <FilterLine filter={filter} width={width} /> : null}
      {body}
      {infoLines > 0 ? <InfoLines lines={current && modules.status !== 'failed' ? wrapLines(cursorInfo(current, snapshot, m, symbols), width) : []} count={infoLines} width={width} /> : null}
    </Box>
  );
}

type ModuleMessages = Messages['screens']['modules'];

function marketplaceColumns(snapshot: OperationsSnapshot, messages: Messages, symbols: ThemeSymbols, width: number): TableColumn<AvailableModule>[] {
  const m = messages.screens.modules;
  return [
    { title: m.columns.name, flex: 1, minWidth: 10, value: (row) => row.name },
    {
      title: m.columns.description,
      flex: 1,
      minWidth: 8,
      value: (row) => rowNote(row, snapshot, m, symbols)?.text ?? row.description,
      sortValue: (row) => row.description,
      tone: (row) => rowNote(row, snapshot, m, symbols)?.tone ?? 'muted',
    },
    { title: m.columns.developer, width: width < NARROW_WIDTH ? 0 : widthForWords(9, [m.columns.developer]), value: (row) => row.developer },
    { title: m.columns.version, width: widthForWords(7, [m.columns.version]), value: (row) => row.version, sort: 'version' },
    { title: m.columns.license, width: widthForWords(7, [m.columns.license, m.state.free, m.state.paid]), value: (row) => (row.free ? m.state.free : m.state.paid) },
    { title: m.columns.size, width: widthForWords(8, [m.columns.size]), align: 'right', value: (row) => formatBytes(row.size, messages), sort: 'number', sortValue: (row) => row.size },
    {
      title: m.columns.installed,
      width: widthForWords(10, [m.columns.installed]),
      value: (row) => (row.installedVersion ? `${row.installedVersion}${row.updateAvailable ? ` ${symbols.update}` : ''}` : m.state.notInstalled),
      // Installed ones by version; the others (no version) last.
      sort: 'version',
      sortValue: (row) => row.installedVersion ?? '',
      tone: (row) => (row.updateAvailable ? 'info' : row.installedVersion ? 'ok' : 'muted'),
    },
  ];
}

function rowNote(row: AvailableModule, snapshot: OperationsSnapshot, m: ModuleMessages, symbols: ThemeSymbols): InfoLine | null {
  const running = snapshot.running;
  if (running && running.moduleId === row.id) return { text: stageText(running.progress, m), tone: 'info' };
  const error = snapshot.errors.get(row.id);
  return error !== undefined ? errorLines(error, symbols.cross)[0]! : null;
}

function cursorInfo(row: AvailableModule, snapshot: OperationsSnapshot, m: ModuleMessages, symbols: ThemeSymbols): InfoLine[] {
  const error = snapshot.errors.get(row.id);
  if (error !== undefined) return errorLines(error, symbols.cross);
  const state = row.installedVersion === null ? m.cursor.notInstalled : row.updateAvailable ? m.cursor.updateAvailable(row.version) : m.cursor.installedAlready(row.installedVersion);
  return [
    { text: m.cursor.summary(row.id, row.version, row.description), tone: 'muted' },
    { text: state, tone: row.updateAvailable ? 'info' : 'muted' },
  ];
}
