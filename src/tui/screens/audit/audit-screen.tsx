import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { describeError } from '../../../domain/errors.js';
import { filterAuditLog } from '../../../domain/audit-filter.js';
import { localTime } from '../../../domain/local-time.js';
import { AUDIT_LIMIT, readAuditLog } from '../../../store/audit-log.js';
import type { AuditEntry } from '../../../store/schema.js';
import { FilterLine, Table, useFilter, type TableColumn } from '../../components/table/index.js';
import { useConsole } from '../../console-context.js';
import { useAsync } from '../../hooks/use-async.js';
import { useTheme } from '../../theme.js';
import { fitText, wrapText } from '../../text-fit.js';
import type { ScreenProps } from '../types.js';

/** Lines under the table: the whole entry under the cursor (its detail wraps), then how the log is kept. */
const DETAIL_LINES = 3;

/** A row: the entry and its place in the log (two entries may be alike). */
interface AuditRow {
  key: string;
  entry: AuditEntry;
}

const rowKey = (row: AuditRow) => row.key;
const searchText = ({ entry }: AuditRow) => `${entry.who} ${entry.action} ${entry.target ?? ''} ${entry.outcome} ${entry.detail ?? ''} ${localTime(entry.at)}`;

/**
 * The audit log, newest first, with the rotated files: who did what to which target, when, and
 * how it ended. `/` filters; the entry under the cursor is shown whole below the table. It reads
 * again when the store changes (another process's action shows within a second).
 */
export function AuditScreen({ width, height }: ScreenProps) {
  const messages = useMessages();
  const theme = useTheme();
  const m = messages.screens.audit;
  const { pbx, storeRevision } = useConsole();
  const log = useAsync(async () => filterAuditLog(await readAuditLog(pbx.dataDir, await pbx.store.read())), [pbx, storeRevision]);
  const rows = useMemo(() => {
    const entries = log.data ?? [];
    // Newest first: the key counts from the oldest, so it stays with its entry when new ones come.
    return entries.map((entry, i) => ({ key: String(entries.length - i), entry }));
  }, [log.data]);
  const filter = useFilter(rows, { text: searchText });
  const [current, setCurrent] = useState<AuditRow | undefined>(undefined);
  const columns = useMemo<TableColumn<AuditRow>[]>(
    () => [
      { title: m.columns.when, value: (r) => localTime(r.entry.at), width: 19 },
      { title: m.columns.who, value: (r) => r.entry.who, flex: 1, minWidth: 6 },
      { title: m.columns.action, value: (r) => r.entry.action, flex: 2, minWidth: 10 },
      { title: m.columns.target, value: (r) => r.entry.target ?? '', flex: 2, minWidth: 6 },
      { title: m.columns.outcome, value: (r) => m.outcome[r.entry.outcome], width: Math.max(7, m.columns.outcome.length, m.outcome.ok.length, m.outcome.failed.length), tone: (r) => (r.entry.outcome === 'failed' ? 'error' : 'ok') },
    ],
    [m],
  );
  const { ellipsis } = theme.symbols;

  if (log.status === 'failed' && log.data === undefined) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {wrapText(describeError(log.error), width).slice(0, height).map((line, i) => (
          <Text key={i} {...theme.text.error}>{line}</Text>
        ))}
      </Box>
    );
  }
  if (log.data === undefined) return <Text {...theme.text.muted}>{fitText(`${m.loading}${ellipsis}`, width, ellipsis)}</Text>;

  const filterShown = filter.typing || filter.query !== '';
  const tableHeight = Math.max(2, height - (filterShown ? 1 : 0) - DETAIL_LINES);
  const shown = filter.rows.includes(current as AuditRow) ? current : filter.rows[0];
  const detail = shown ? detailLines(shown.entry, width, m) : [];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <FilterLine filter={filter} width={width} />
      <Table
        columns={columns}
        rows={filter.rows}
        rowKey={rowKey}
        width={width}
        height={tableHeight}
        emptyText={rows.length === 0 ? m.empty : messages.filter.noMatches(filter.query)}
        onCursorChange={setCurrent}
      />
      <Box flexDirection="column" width={width} height={DETAIL_LINES}>
        {Array.from({ length: DETAIL_LINES - 1 }, (_, i) => (
          <Text key={i}>{fitText(detail[i] ?? '', width, ellipsis)}</Text>
        ))}
        <Text {...theme.text.muted}>{fitText(m.bounded(AUDIT_LIMIT), width, ellipsis)}</Text>
      </Box>
    </Box>
  );
}

/** The entry whole: when, who, what and how it ended, then its detail, on DETAIL_LINES - 1 lines. */
function detailLines(entry: AuditEntry, width: number, m: ReturnType<typeof useMessages>['screens']['audit']): string[] {
  const head = m.detail(localTime(entry.at), entry.who, entry.action, entry.target ?? '', m.outcome[entry.outcome]);
  const lines = wrapText(`${head}. ${entry.detail ?? m.noDetail}`, width, 2);
  return lines.slice(0, DETAIL_LINES - 1);
}
