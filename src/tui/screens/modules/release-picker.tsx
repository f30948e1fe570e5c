import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { formatDay } from '../../../i18n/format.js';
import { languageOf, useMessages } from '../../../i18n/index.js';
import type { Release } from '../../../licensing/api.js';
import { moduleInfo } from '../../../modules/index.js';
import { formatBytes } from '../../components/progress/index.js';
import { Table, useTableSort, widthForWords, type TableColumn } from '../../components/table/index.js';
import { useConsole } from '../../console-context.js';
import { useAsync } from '../../hooks/use-async.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { errorLines, InfoLines } from './info-lines.js';
import type { ModuleActions } from './use-module-actions.js';
import type { ViewAction } from './use-view-stack.js';

export interface ReleasePickerProps {
  id: string;
  actions: ModuleActions;
  navigate: (action: ViewAction) => void;
  width: number;
  height: number;
}

const rowKey = (release: Release) => release.version;
const noReleases: readonly Release[] = [];

/**
 * Pick a release (newest first, the cursor on the newest): Enter installs it, or, for an
 * installed module, updates or rolls back to it. The picker closes and the progress shows
 * on the view below.
 */
export function ReleasePicker({ id, actions, navigate, width, height }: ReleasePickerProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.modules;
  const { pbx } = useConsole();
  // Once: a store change while the picker is open does not move the cursor.
  const info = useAsync(() => moduleInfo(pbx, id), [pbx, id]);
  const installedVersion = info.data?.installed?.version ?? null;
  const newest = info.data?.details?.releases[0]?.version;

  const columns = useMemo<TableColumn<Release>[]>(
    () => [
      { title: m.releases.columns.version, width: widthForWords(9, [m.releases.columns.version]), value: (r) => r.version, sort: 'version' },
      { title: m.releases.columns.date, width: widthForWords(10, [m.releases.columns.date]), value: (r) => formatDay(languageOf(messages), r.date), sort: 'date', sortValue: (r) => r.date },
      { title: m.releases.columns.size, width: widthForWords(9, [m.releases.columns.size]), align: 'right', value: (r) => formatBytes(r.size, messages), sort: 'number', sortValue: (r) => r.size },
      { title: m.releases.columns.needs, width: widthForWords(13, [m.releases.columns.needs]), value: (r) => r.minPbxVersion, sort: 'version' },
      {
        title: m.releases.columns.note,
        flex: 1,
        value: (r) => [r.version === installedVersion ? `${theme.symbols.check} ${m.releases.installed}` : '', r.version === newest ? m.releases.newest : ''].filter(Boolean).join(', '),
        tone: (r) => (r.version === installedVersion ? 'ok' : 'muted'),
        sort: false,
      },
    ],
    [m, messages, installedVersion, newest, theme.symbols.check],
  );

  const pick = (release: Release) => {
    navigate({ type: 'back' });
    if (installedVersion !== null) void actions.update(id, release.version);
    else void actions.install(id, release.version);
  };

  const releases = info.data?.details?.releases ?? noReleases;
  const sort = useTableSort(releases, columns, { isActive: releases.length > 0 });

  const title = installedVersion !== null ? m.releases.titleUpdate(id, installedVersion) : m.releases.titleInstall(id);
  const tableHeight = Math.max(2, height - 3);
  let body;
  if (info.status === 'failed') body = <InfoLines lines={errorLines(info.error, theme.symbols.cross)} count={tableHeight} width={width} />;
  else if (!info.data) body = <InfoLines lines={[{ text: m.loading.details, tone: 'muted' }]} count={tableHeight} width={width} />;
  else if (!info.data.details || info.data.details.releases.length === 0) body = <InfoLines lines={[{ text: m.releases.none, tone: 'muted' }]} count={tableHeight} width={width} />;
  else body = <Table columns={columns} rows={sort.rows} sort={sort} rowKey={rowKey} width={width} height={tableHeight} onSelect={pick} />;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text {...theme.text.heading}>{fitText(title, width, theme.symbols.ellipsis)}</Text>
      <Text {...theme.text.muted}>{fitText(m.releases.hint, width, theme.symbols.ellipsis)}</Text>
      {body}
      <Text> </Text>
    </Box>
  );
}
