import { useMemo, useRef, useState } from 'react';
import type { SafeMode } from '../../../store/schema.js';
import { Box, Text } from 'ink';
import { useMessages, type Messages } from '../../../i18n/index.js';
import { FilterLine, Table, useFilter, useRowUnderCursor, useTableSort, widthForWords, type TableColumn } from '../../components/table/index.js';
import type { AsyncState } from '../../hooks/use-async.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme, type ThemeSymbols } from '../../theme.js';
import { fitMessage, fitText, textWidth } from '../../text-fit.js';
import { errorLines, InfoLines, wrapLines, type InfoLine } from './info-lines.js';
import { disabledReasonText, moduleMarkers, reasonMarker, stageText } from './module-marks.js';
import { infoLineCount, NARROW_WIDTH } from './layout.js';
import type { OperationsSnapshot } from './operation-tracker.js';
import type { ModuleActions } from './use-module-actions.js';
import type { BulkAction } from '../../../modules/index.js';
import type { InstalledRow } from './use-module-lists.js';
import type { ViewAction } from './use-view-stack.js';

export interface InstalledViewProps {
  rows: AsyncState<InstalledRow[]>;
  /** Why the marketplace could not be asked (no update markers then). */
  updatesError: unknown;
  /** What safe mode remembers (shown in the heading), or null. */
  safeMode: SafeMode | null;
  actions: ModuleActions;
  navigate: (action: ViewAction) => void;
  width: number;
  height: number;
  /** Hears keys only while it is the view on top. */
  isActive: boolean;
}

const rowKey = (row: InstalledRow) => row.id;
const searchText = (row: InstalledRow) => `${row.id} ${row.name} ${row.description} ${row.developer}`;

/** The installed modules: enable toggle, name, description, developer, version, state, markers. */
export function InstalledView({ rows, updatesError, safeMode, actions, navigate, width, height, isActive }: InstalledViewProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.modules;
  const { symbols } = theme;
  const all = rows.data ?? [];
  const filter = useFilter(all, { text: searchText, isActive });
  const { snapshot } = actions;
  // Marked module ids. The ref is the truth while a chunk of keys is handled (Space j Space x
  // in one read); the state re-renders the marks.
  const [marks, setMarks] = useState<ReadonlySet<string>>(() => new Set());
  const marksRef = useRef<ReadonlySet<string>>(marks);
  const columns = useMemo(() => installedColumns(all, snapshot, m, symbols, width, marks), [all, snapshot, m, symbols, width, marks]);
  const sort = useTableSort(filter.rows, columns, { isActive: isActive && rows.data !== undefined && all.length > 0 });
  const { current, rowForKeys, onCursorChange } = useRowUnderCursor(sort.rows, rowKey);
  const changeMarks = (next: (current: ReadonlySet<string>) => ReadonlySet<string>) => {
    marksRef.current = next(marksRef.current);
    setMarks(marksRef.current);
  };
  /** The marked modules still installed, in list order. */
  const markedRows = () => all.filter((row) => marksRef.current.has(row.id));
  /** After a bulk run, the modules that failed stay marked, for another try. */
  const runMarked = (action: BulkAction) => {
    void actions.bulk(action, markedRows()).then((outcomes) => {
      if (outcomes) changeMarks(() => new Set(outcomes.filter((o) => !o.ok).map((o) => o.id)));
    });
  };

  useKeyLayer(
    (e) => {
      const row = rowForKeys();
      const anyMarked = markedRows().length > 0;
      if (e.is('modules.marketplace')) navigate({ type: 'show-list', list: 'marketplace' });
      else if (e.is('modules.installFile')) navigate({ type: 'open', view: { kind: 'install-file' } });
      else if (e.is('modules.checkLicenses')) void actions.checkLicenses();
      else if (e.is('modules.updateAll')) void actions.updateAll();
      else if (e.is('modules.safeMode')) void actions.safeMode();
      else if (e.is('modules.restore')) void actions.restore();
      else if (e.is('modules.markAll')) changeMarks((current) => new Set([...current, ...filter.rows.map(rowKey)]));
      else if (e.is('modules.clearMarks')) changeMarks(() => new Set());
      else if (anyMarked && e.is('modules.enable')) runMarked('enable');
      else if (anyMarked && e.is('modules.disable')) runMarked('disable');
      else if (anyMarked && e.is('modules.update')) runMarked('update');
      else if (anyMarked && e.is('modules.delete')) runMarked('remove');
      else if (!row) return false;
      else if (e.is('basic.toggle')) changeMarks((current) => toggled(current, row.id));
      else if (e.is('modules.enable')) void actions.toggle(row);
      else if (e.is('modules.disable')) {
        if (row.enabled) void actions.toggle(row);
      } else if (e.is('modules.update')) void actions.update(row.id);
      else if (e.is('modules.releases')) navigate({ type: 'open', view: { kind: 'releases', id: row.id } });
      else if (e.is('modules.delete')) void actions.remove(row);
      else return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive },
  );

  const filterLines = filter.typing || filter.query !== '' ? 1 : 0;
  const infoLines = infoLineCount(height);
  const heading = rows.data ? m.heading.installed(all.length) : m.heading.installedLoading;
  const markedCount = all.filter((row) => marks.has(row.id)).length;
  const b = messages.bulk.screen;
  const status = [markedCount > 0 ? b.marked(markedCount) : null, safeMode && safeMode.modules.length > 0 ? b.safeMode(safeMode.modules.length) : null].filter((t) => t !== null).join('  ');
  const note = [status, updatesError ? m.updatesUnknown(firstLine(updatesError)) : ''].filter(Boolean).join('  ');
  // The marks and the safe mode are on the heading's line when they fit there, else on a line
  // of their own (a narrow terminal, a longer language): they are never cut.
  const noteLines = status !== '' && textWidth(heading) + 2 + textWidth(status) > width ? 1 : 0;
  const tableHeight = Math.max(2, height - 1 - noteLines - filterLines - infoLines);

  let body;
  if (rows.status === 'failed' && rows.data === undefined) {
    body = <InfoLines lines={errorLines(rows.error, symbols.cross)} count={tableHeight} width={width} />;
  } else if (rows.data === undefined) {
    body = <InfoLines lines={[{ text: m.loading.installed, tone: 'muted' }]} count={tableHeight} width={width} />;
  } else if (all.length === 0) {
    body = <InfoLines lines={wrapLines(m.empty.installed.map((text, i) => ({ text, tone: i === 0 ? 'heading' : 'normal' })), width)} count={tableHeight} width={width} />;
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
      <Text>
        <Text {...theme.text.heading}>{noteLines > 0 ? fitText(heading, width, symbols.ellipsis) : heading}</Text>
        {noteLines > 0 ? null : <Text {...(status ? theme.text.info : theme.text.muted)}>{fitText(note ? `  ${note}` : '', Math.max(0, width - textWidth(heading)), symbols.ellipsis)}</Text>}
      </Text>
      {noteLines > 0 ? <Text {...theme.text.info}>{fitMessage(note, width, symbols.ellipsis)}</Text> : null}
      {filterLines > 0 ? <FilterLine filter={filter} width={width} /> : null}
      {body}
      {infoLines > 0 ? <InfoLines lines={current ? wrapLines(cursorInfo(current, snapshot, m, symbols), width) : []} count={infoLines} width={width} /> : null}
    </Box>
  );
}

type ModuleMessages = Messages['screens']['modules'];

function installedColumns(rows: readonly InstalledRow[], snapshot: OperationsSnapshot, m: ModuleMessages, symbols: ThemeSymbols, width: number, marked: ReadonlySet<string>): TableColumn<InstalledRow>[] {
  const marks = (row: InstalledRow) => moduleMarkers(row, row.latestVersion !== null, symbols);
  const marksWidth = Math.max(textWidth(m.columns.marks), ...rows.map((row) => textWidth(marks(row))));
  const anyMarked = rows.some((row) => marked.has(row.id));
  return [
    // The mark of a row (Space); the column shows only while something is marked.
    { title: '', width: anyMarked ? 1 : 0, value: (row) => (marked.has(row.id) ? symbols.bullet : ' '), tone: () => 'info', sort: false },
    { title: m.columns.enabled, width: widthForWords(3, [m.columns.enabled]), value: (row) => (row.enabled ? symbols.checkboxOn : symbols.checkboxOff), sortValue: (row) => row.enabled, tone: (row) => (row.enabled ? 'ok' : undefined) },
    { title: m.columns.name, flex: 2, minWidth: 10, value: (row) => row.name },
    {
      title: m.columns.description,
      flex: 3,
      minWidth: 8,
      value: (row) => rowNote(row, snapshot, m, symbols)?.text ?? row.description,
      // By the description itself, not by a note that comes and goes while an operation runs.
      sortValue: (row) => row.description,
      tone: (row) => rowNote(row, snapshot, m, symbols)?.tone ?? 'muted',
    },
    { title: m.columns.developer, width: width < NARROW_WIDTH ? 0 : widthForWords(9, [m.columns.developer]), value: (row) => row.developer },
    { title: m.columns.version, width: widthForWords(8, [m.columns.version]), value: (row) => row.version, sort: 'version' },
    { title: m.columns.state, width: widthForWords(8, [m.columns.state, m.state.enabled, m.state.disabled]), value: (row) => (row.enabled ? m.state.enabled : m.state.disabled), tone: (row) => (row.enabled ? 'ok' : undefined) },
    { title: m.columns.marks, width: marksWidth, value: marks, tone: (row) => (reasonMarker(row, symbols) ? 'warning' : 'info') },
  ];
}

/** What the description cell says instead of the description: progress, the last error, the disable reason. */
function rowNote(row: InstalledRow, snapshot: OperationsSnapshot, m: ModuleMessages, symbols: ThemeSymbols): InfoLine | null {
  const running = snapshot.running;
  if (running && running.moduleId === row.id) return { text: stageText(running.progress, m), tone: 'info' };
  const error = snapshot.errors.get(row.id);
  if (error !== undefined) return errorLines(error, symbols.cross)[0]!;
  const reason = disabledReasonText(row, m);
  return reason ? { text: reason, tone: 'warning' } : null;
}

/** The two lines under the list: the whole error or reason of the module under the cursor, else its summary. */
function cursorInfo(row: InstalledRow, snapshot: OperationsSnapshot, m: ModuleMessages, symbols: ThemeSymbols): InfoLine[] {
  const error = snapshot.errors.get(row.id);
  if (error !== undefined) return errorLines(error, symbols.cross);
  const reason = disabledReasonText(row, m);
  if (reason) {
    const hint = row.disabledReason === 'DisabledByLicense' ? m.reason.licenseHint : m.reason.errorHint;
    return [
      { text: `${reasonMarker(row, symbols) ?? ''} ${reason}`, tone: 'warning' },
      { text: `  ${hint}`, tone: 'muted' },
    ];
  }
  return [
    { text: m.cursor.summary(row.id, row.version, row.description), tone: 'muted' },
    ...(row.latestVersion ? [{ text: m.cursor.updateAvailable(row.latestVersion), tone: 'info' as const }] : []),
  ];
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
