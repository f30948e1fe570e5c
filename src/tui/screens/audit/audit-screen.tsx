import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { describeError } from '../../../domain/errors.js';
import { auditActionText, auditDetailText } from '../../../domain/audit-words.js';
import type { Messages } from '../../../i18n/en.js';
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

/**
 * Lines under the table for the entry under the cursor, whole (its detail wraps): two at least,
 * up to four when the table still keeps TABLE_ROWS_KEPT rows (Russian words are longer). Then
 * one line of how the log is kept.
 */
const DETAIL_LINES = 2;
const DETAIL_LINES_MOST = 4;
const TABLE_ROWS_KEPT = 4;

/** A row: the entry and its place in the log (two entries may be alike). */
interface AuditRow {
  key: string;
  entry: AuditEntry;
}

const rowKey = (row: AuditRow) => row.key;
/** What `/` searches: the row as shown (the action in words, the outcome and detail in the language in use), and the stored codes and words. */
const searchText = (messages: Messages) => ({ entry }: AuditRow) =>
  [entry.who, entry.action, auditActionText(entry.action, messages), entry.target ?? '', entry.outcome, messages.screens.audit.outcome[entry.outcome], auditDetailText(entry, messages) ?? '', entry.detail ?? '', localTime(entry.at)].join(' ');

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
  const text = useMemo(() => searchText(messages), [messages]);
  const filter = useFilter(rows, { text });
  const [current, setCurrent] = useState<AuditRow | undefined>(undefined);
  const columns = useMemo<TableColumn<AuditRow>[]>(
    () => [
      { title: m.columns.when, value: (r) => localTime(r.entry.at), width: 19 },
      { title: m.columns.who, value: (r) => r.entry.who, flex: 1, minWidth: 6 },
      { title: m.columns.action, value: (r) => auditActionText(r.entry.action, messages), flex: 3, minWidth: 10 },
      { title: m.columns.target, value: (r) => r.entry.target ?? '', flex: 2.5, minWidth: 6 },
      { title: m.columns.outcome, value: (r) => m.outcome[r.entry.outcome], width: Math.max(7, m.columns.outcome.length, m.outcome.ok.length, m.outcome.failed.length), tone: (r) => (r.entry.outcome === 'failed' ? 'error' : 'ok') },
    ],
    [m, messages],
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
  // The same for every entry, so the table does not jump as the cursor moves.
  const detailHeight = Math.min(DETAIL_LINES_MOST, Math.max(DETAIL_LINES, height - (filterShown ? 1 : 0) - 1 - (TABLE_ROWS_KEPT + 1)));
  const tableHeight = Math.max(2, height - (filterShown ? 1 : 0) - detailHeight - 1);
  const shown = filter.rows.includes(current as AuditRow) ? current : filter.rows[0];
  const detail = shown ? detailLines(shown.entry, width, messages, detailHeight) : [];
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
      <Box flexDirection="column" width={width} height={detailHeight + 1}>
        {Array.from({ length: detailHeight }, (_, i) => (
          <Text key={i}>{fitText(detail[i] ?? '', width, ellipsis)}</Text>
        ))}
        <Text {...theme.text.muted}>{fitText(m.bounded(AUDIT_LIMIT), width, ellipsis)}</Text>
      </Box>
    </Box>
  );
}

/**
 * The entry whole: when, who, what (in words, with the action's code) and how it ended, then its
 * detail in the language in use, wrapped on at most `most` lines (the last one ends in an
 * ellipsis when even they are too few).
 */
function detailLines(entry: AuditEntry, width: number, messages: Messages, most: number): string[] {
  const m = messages.screens.audit;
  const action = m.actionWithCode(auditActionText(entry.action, messages), entry.action);
  const head = m.detail(localTime(entry.at), entry.who, action, entry.target ?? '', m.outcome[entry.outcome]);
  const lines = wrapText(`${head}. ${auditDetailText(entry, messages) ?? m.noDetail}`, width, 2);
  if (lines.length <= most) return lines;
  return [...lines.slice(0, most - 1), [lines[most - 1], ...lines.slice(most).map((l) => l.trim())].join(' ')];
}
