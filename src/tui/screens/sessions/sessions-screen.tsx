import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { describeError } from '../../../domain/errors.js';
import { serviceClock } from '../../../licensing/service-time.js';
import { planDrop, type SessionLogin } from '../../../licensing/session-monitor.js';
import { languageOf, useMessages } from '../../../i18n/index.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { useConfirm } from '../../components/confirm/index.js';
import { FilterLine, Table, useFilter, useTableSort } from '../../components/table/index.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole } from '../../console-context.js';
import { useScreenKeys } from '../../frame/screen-keys.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import type { ScreenProps } from '../types.js';
import { dropConfirmRequest } from './drop-request.js';
import { ErrorBlock, errorBlockHeight } from './error-block.js';
import { COMPACT_FOOTER_WIDTH, REFRESH_SECONDS, sessionKeys } from './keys.js';
import { sessionErrorText } from './login-error.js';
import { LoginForm } from './login-form.js';
import { Notice } from './notice.js';
import { sessionColumns } from './session-columns.js';
import { INFO_PANEL_LINES, SessionInfo } from './session-info.js';
import { sessionRowKey, sessionRows, sessionSortGroups, sessionRowText, shortHostIds, type SessionRow } from './session-rows.js';
import { identityText, SessionStatus } from './session-status.js';
import { useSessionMonitor } from './use-session-monitor.js';

export interface SessionsScreenProps extends ScreenProps {
  /** How often the bindings are read again while the screen is shown. Default 30 s. */
  refreshEveryMs?: number;
}

/** Fewest table lines worth showing next to the info panel; below it the panel takes the body. */
const MIN_TABLE_LINES = 4;

/**
 * Screen 4, the session monitor (SPEC section 4): the live license bindings of the key, grouped
 * by host; the info of a binding; dropping a binding or a whole host after a confirmation.
 */
export function SessionsScreen({ width, height, refreshEveryMs = REFRESH_SECONDS * 1000 }: SessionsScreenProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.sessions;
  const { readonly } = useConsole();
  const confirm = useConfirm();
  const toast = useToast();

  const [loginOpen, setLoginOpen] = useState(false);
  const [infoOpen, setInfoOpen] = useState(false);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<SessionRow | undefined>(undefined);
  // The table reports its cursor from an effect. A `d` that arrives in the same batch as a
  // cursor move is acted on in an effect too (children's effects run first), so that it
  // drops the row the cursor is on now, not the one it was on a key ago.
  const cursorRow = useRef<SessionRow | undefined>(undefined);
  const onCursorChange = useCallback((row: SessionRow | undefined) => {
    cursorRow.current = row;
    setCurrent(row);
  }, []);
  const [dropRequest, setDropRequest] = useState(0);
  const monitor = useSessionMonitor({ refreshEveryMs, autoRefresh: !loginOpen });
  const { snapshot, noKey } = monitor;

  // Without a key of its own the PBX has nothing to show: start on the login form, once.
  const openedForNoKey = useRef(false);
  useEffect(() => {
    if (!noKey || openedForNoKey.current) return;
    openedForNoKey.current = true;
    setLoginOpen(true);
  }, [noKey]);

  const rows = useMemo(() => sessionRows(snapshot?.hosts ?? []), [snapshot]);
  // The cursor's row as last read: after a refresh its upd and exp are new, its key the same.
  const shownRow = useMemo(() => (current === undefined ? undefined : (rows.find((r) => r.key === current.key) ?? current)), [rows, current]);
  const rowText = useCallback((row: SessionRow) => sessionRowText(row, m), [m]);
  const listShown = !loginOpen && snapshot !== undefined && !noKey;
  const filter = useFilter(rows, { text: rowText, isActive: listShown });
  const ownHostId = snapshot?.ownHostId ?? '';
  const shortIds = useMemo(() => shortHostIds(snapshot?.hosts ?? []), [snapshot]);
  const language = languageOf(messages);
  const columns = useMemo(() => sessionColumns(m, messages.seats.sessions, language, theme.symbols, width, { ownHostId, shortIds }), [m, messages.seats.sessions, language, theme.symbols, width, ownHostId, shortIds]);
  const sort = useTableSort(filter.rows, columns, { isActive: listShown && rows.length > 0, groups: sessionSortGroups });

  const drop = async (row: SessionRow) => {
    if (readonly) {
      toast.error(m.drop.readonly);
      return;
    }
    let plan;
    try {
      plan = planDrop(snapshot?.hosts ?? [], row.kind === 'host' ? { host: row.host.hostId } : { bindingId: row.binding.id });
    } catch (error) {
      toast.error(m.drop.failed(describeError(error)));
      return;
    }
    const answer = await confirm(dropConfirmRequest(plan, row.kind === 'host', m, language, Math.min(width, 76), undefined, { hostId: ownHostId, texts: messages.seats.sessions }));
    if (!answer.confirmed) return;
    setBusy(m.drop.busy);
    try {
      const released = await monitor.drop(plan);
      toast.success(m.drop.done(released, plan.hosts[0]!.host));
    } catch (error) {
      toast.error(m.drop.failed(describeError(error)));
      monitor.refresh();
    } finally {
      setBusy(undefined);
    }
  };

  const dropRef = useRef(drop);
  dropRef.current = drop;
  useEffect(() => {
    if (dropRequest === 0 || !cursorRow.current) return;
    void dropRef.current(cursorRow.current);
  }, [dropRequest]);

  const logIn = async (login: SessionLogin | undefined) => {
    const identity = await monitor.logIn(login);
    setLoginOpen(false);
    toast.success(m.loginForm.done(identityText(identity, m, theme.symbols.ellipsis)));
  };

  useKeyLayer(
    (e) => {
      if (e.is('sessions.refresh')) monitor.refresh();
      else if (e.is('sessions.login')) setLoginOpen(true);
      else if (e.is('sessions.info') && listShown) setInfoOpen((open) => !open);
      else if (e.is('sessions.drop') && listShown && busy === undefined) setDropRequest((n) => n + 1);
      else if (e.is('basic.back') && infoOpen) setInfoOpen(false);
      else return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive: !loginOpen },
  );

  useScreenKeys(sessionKeys(messages, loginOpen ? { mode: 'login', noKey } : { mode: 'list', row: listShown ? current?.kind : undefined, hasList: listShown && rows.length > 0, compact: width < COMPACT_FOOTER_WIDTH }));

  if (loginOpen) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <LoginForm width={width} noKey={noKey} onCancel={() => setLoginOpen(false)} logIn={logIn} />
      </Box>
    );
  }

  const { ellipsis } = theme.symbols;
  const lines: ReactNode[] = [];
  let used = 0;

  if (snapshot) {
    lines.push(<SessionStatus key="status" snapshot={snapshot} refreshing={monitor.loading} width={width} />);
    used += 1;
  }

  if (busy !== undefined) {
    lines.push(<BusyLine key="busy" what={busy} width={width} />);
    used += 1;
  }

  if (noKey) {
    lines.push(<Notice key="nokey" title={m.noKey.title} lines={m.noKey.lines} width={width} />);
    return <Frame width={width} height={height} lines={lines} />;
  }

  if (monitor.error !== undefined) {
    const error = sessionErrorText(monitor.error, m, { ownKey: monitor.login === undefined });
    const action = m.offline.retry(Math.round(refreshEveryMs / 1000));
    const maxLines = snapshot ? Math.max(2, Math.floor((height - used) / 3)) : height - used;
    lines.push(<ErrorBlock key="error" error={error} action={action} width={width} maxLines={maxLines} />);
    used += errorBlockHeight(error, action, width, maxLines);
    if (snapshot) {
      lines.push(
        <Text key="stale" {...theme.text.muted}>
          {fitText(m.offline.stale, width, ellipsis)}
        </Text>,
      );
      used += 1;
    }
  }

  if (!snapshot) {
    if (monitor.error === undefined) lines.push(<BusyLine key="loading" what={m.loading} width={width} />);
    return <Frame width={width} height={height} lines={lines} />;
  }

  if (snapshot.hosts.length === 0) {
    lines.push(<Notice key="empty" title={m.empty.title} lines={m.empty.lines} width={width} />);
    return <Frame width={width} height={height} lines={lines} />;
  }

  const filterShown = filter.typing || filter.query !== '';
  if (filterShown) {
    lines.push(<FilterLine key="filter" filter={filter} width={width} />);
    used += 1;
  }

  const left = Math.max(1, height - used);
  const panel = infoOpen && shownRow !== undefined;
  const panelAlone = panel && left - INFO_PANEL_LINES < MIN_TABLE_LINES;
  const tableHeight = panel && !panelAlone ? left - INFO_PANEL_LINES : left;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines}
      <Box display={panelAlone ? 'none' : 'flex'} flexDirection="column">
        <Table
          columns={columns}
          rows={sort.rows}
          sort={sort}
          rowKey={sessionRowKey}
          width={width}
          height={tableHeight}
          emptyText={filter.query ? messages.filter.noMatches(filter.query) : m.empty.title}
          isActive={listShown}
          onSelect={() => setInfoOpen((open) => !open)}
          onCursorChange={onCursorChange}
        />
      </Box>
      {panel ? <SessionInfo row={shownRow} ownHostId={snapshot.ownHostId} now={serviceClock(snapshot.serviceTime, snapshot.at)} width={width} /> : null}
    </Box>
  );
}

function Frame({ width, height, lines }: { width: number; height: number; lines: ReactNode[] }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines}
    </Box>
  );
}

