import type { Language, Messages } from '../../../i18n/index.js';
import { textWidth } from '../../text-fit.js';
import type { TableColumn } from '../../components/table/index.js';
import type { ThemeSymbols } from '../../theme.js';
import { localDateTime } from './format-time.js';
import { userAtHost, type SessionRow } from './session-rows.js';

/** Below this width the capture time leaves out the year, so that the feature lines keep their room. */
const FULL_DATE_WIDTH = 100;

/** Which host is this PBX's, and the hosts' ids shortened (see shortHostIds). */
export interface HostMarks {
  ownHostId: string;
  shortIds: ReadonlyMap<string, string>;
}

/**
 * Info | User@Host | Captured | Features | Action, as in the vendor's license cabinet (SPEC
 * section 4). A host row names the host, marks this PBX's, and shows its id (shortened) and MAC.
 * Sorted (`s`), the bindings sort under their host and the hosts by their own row.
 */
export function sessionColumns(m: Messages['screens']['sessions'], own: Messages['seats']['sessions'], language: Language, symbols: ThemeSymbols, width: number, marks: HostMarks): TableColumn<SessionRow>[] {
  const c = m.columns;
  const hostName = (r: SessionRow) => (r.host.hostId === marks.ownHostId ? `${r.host.host} (${own.thisPbx})` : r.host.host);
  const full = width >= FULL_DATE_WIDTH;
  const captured = (iso: string) => localDateTime(iso, language, { year: full });
  // As wide as the longest of its words in this language ("Drop all", "Сбросить все").
  const actionWidth = Math.max(textWidth(c.action), textWidth(m.dropAction), textWidth(m.dropHostAction));
  const widthOf = (title: string, least: number) => Math.max(least, textWidth(title));
  // The host's id and its MAC; the MAC left out when it would show cut (`i` shows it whole).
  const hostCell = (hostId: string, mac: string, room: number | undefined) => {
    const id = marks.shortIds.get(hostId) ?? hostId;
    const cell = own.hostCell(id, mac);
    return room === undefined || textWidth(cell) <= room ? cell : own.hostCell(id, '').trimEnd();
  };
  return [
    { title: c.info, width: widthOf(c.info, 4), value: (r) => (r.kind === 'host' ? symbols.groupOpen : ` ${symbols.info}`), tone: (r) => (r.kind === 'host' ? 'heading' : 'muted'), sort: false },
    { title: c.userHost, flex: 2, minWidth: 10, value: (r) => (r.kind === 'host' ? hostName(r) : userAtHost(r.binding)), tone: (r) => (r.kind === 'host' ? 'heading' : undefined) },
    { title: c.captured, width: widthOf(c.captured, full ? 16 : 11), value: (r) => (r.kind === 'host' ? '' : captured(r.binding.start)), sort: 'date', sortValue: (r) => (r.kind === 'host' ? '' : r.binding.start) },
    {
      title: c.features,
      flex: 3,
      minWidth: 12,
      value: (r, room) => (r.kind === 'host' ? hostCell(r.host.hostId, r.host.net, room) : m.featureLine(r.binding.featureName, r.binding.featureId, r.binding.host)),
      // Hosts keep their order (a MAC says nothing); bindings by their feature.
      sortValue: (r) => (r.kind === 'host' ? '' : m.featureLine(r.binding.featureName, r.binding.featureId, r.binding.host)),
      tone: (r) => (r.kind === 'host' ? 'muted' : undefined),
    },
    { title: c.action, width: actionWidth, value: (r) => (r.kind === 'host' ? m.dropHostAction : m.dropAction), tone: () => 'accent', sort: false },
  ];
}
