import { useEffect, useMemo, useRef } from 'react';
import { Box } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import type { DialplanApplication } from '../../../store/schema.js';
import { FilterLine, Table, useFilter, useTableSort, type TableColumn } from '../../components/table/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import { ErrorLines, errorLines } from './error-lines.js';
import type { Failure } from './use-application-form-state.js';

export interface ApplicationListProps {
  /** By number, as listApplications gives them. */
  apps: readonly DialplanApplication[];
  width: number;
  height: number;
  /** The list is on screen: it hears keys. */
  isActive: boolean;
  /** The last action that failed, shown above the list. */
  failure: Failure | undefined;
  onCreate: () => void;
  onEdit: (app: DialplanApplication) => void;
  onCopy: (app: DialplanApplication) => void;
  onDelete: (app: DialplanApplication) => void;
  onPreview: (app: DialplanApplication) => void;
  /** An application just created or copied: the cursor goes to it (the filter is cleared if it hides it). */
  reveal?: { uniqid: string } | undefined;
}

const rowKey = (app: DialplanApplication) => app.uniqid;
/** What `/` finds an application by: its code too (a context name, a function called in it). */
const searchText = (app: DialplanApplication) => `${app.extension} ${app.name} ${app.type} ${app.description} ${app.uniqid} ${app.code}`;

/** Number, name, type, description; `/` filters as you type; n, Enter, c, d, p act on the row. */
export function ApplicationList({ apps, width, height, isActive, failure, onCreate, onEdit, onCopy, onDelete, onPreview, reveal }: ApplicationListProps) {
  const messages = useMessages();
  const theme = useTheme();
  const m = messages.screens.dialplan;
  const filter = useFilter(apps, { text: searchText, isActive });
  // The row under the cursor, for the action keys; kept out of state so a cursor move redraws the table only.
  const current = useRef<DialplanApplication | undefined>(undefined);
  const numberWidth = useMemo(() => {
    let widest = m.list.number.length;
    for (const app of apps) widest = Math.max(widest, app.extension.length);
    return Math.min(16, widest);
  }, [apps, m]);
  const columns = useMemo<TableColumn<DialplanApplication>[]>(
    () => [
      { title: m.list.number, value: (a) => a.extension, width: numberWidth },
      { title: m.list.name, value: (a) => a.name, flex: 2, minWidth: 12 },
      { title: m.list.type, value: (a) => a.type, width: 9 },
      { title: m.list.description, value: (a) => a.description, flex: 3, minWidth: 10 },
    ],
    [m, numberWidth],
  );

  const sort = useTableSort(filter.rows, columns, { isActive: isActive && apps.length > 0 });
  const tableReveal = useMemo(() => (reveal ? { key: reveal.uniqid } : undefined), [reveal]);
  // A new application the filter would hide: show the whole list, so it can be selected. Once
  // per request: a filter typed afterwards stays.
  const checked = useRef<{ uniqid: string } | undefined>(undefined);
  const { clear: clearFilter, rows: shown } = filter;
  useEffect(() => {
    if (reveal === undefined || checked.current === reveal || !apps.some((a) => a.uniqid === reveal.uniqid)) return;
    checked.current = reveal;
    if (!shown.some((a) => a.uniqid === reveal.uniqid)) clearFilter();
  }, [reveal, apps, shown, clearFilter]);

  useKeyLayer(
    (e) => {
      const app = current.current;
      if (e.is('dialplan.create')) onCreate();
      else if (e.is('dialplan.edit') && app) onEdit(app);
      else if (e.is('dialplan.copy') && app) onCopy(app);
      else if (e.is('dialplan.delete') && app) onDelete(app);
      else if (e.is('dialplan.preview') && app) onPreview(app);
      else return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive },
  );

  const filterShown = filter.typing || filter.query !== '';
  const bannerLines = failure ? errorLines(failure, width, theme.symbols.ellipsis).length : 0;
  const tableHeight = Math.max(2, height - (filterShown ? 1 : 0) - bannerLines);
  const emptyText = apps.length === 0 ? m.list.empty : messages.filter.noMatches(filter.query);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {failure ? <ErrorLines error={failure} width={width} /> : null}
      <FilterLine filter={filter} width={width} scope={messages.lists.dialplan.filterScope} />
      <Table
        columns={columns}
        rows={sort.rows}
        sort={sort}
        reveal={tableReveal}
        rowKey={rowKey}
        width={width}
        height={tableHeight}
        emptyText={emptyText}
        isActive={isActive}
        onSelect={onEdit}
        onCursorChange={(app) => {
          current.current = app;
        }}
      />
    </Box>
  );
}
