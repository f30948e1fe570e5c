import type { Messages } from '../../../i18n/index.js';
import type { TableColumn } from '../../components/table/index.js';
import type { ThemeSymbols } from '../../theme.js';
import { localDateTime } from './format-time.js';
import { userAtHost, type SessionRow } from './session-rows.js';

/** Below this width the capture time leaves out the year, so that the feature lines keep their room. */
const FULL_DATE_WIDTH = 100;

/**
 * Info | User@Host | Captured | Features | Action, as in the vendor's license cabinet (SPEC section 4).
 * Sorted (`s`), the bindings sort under their host and the hosts by their own row.
 */
export function sessionColumns(m: Messages['screens']['sessions'], symbols: ThemeSymbols, width: number): TableColumn<SessionRow>[] {
  const c = m.columns;
  const full = width >= FULL_DATE_WIDTH;
  const captured = (iso: string) => (full ? localDateTime(iso) : localDateTime(iso).slice(5));
  return [
    { title: c.info, width: 4, value: (r) => (r.kind === 'host' ? symbols.groupOpen : ` ${symbols.info}`), tone: (r) => (r.kind === 'host' ? 'heading' : 'muted'), sort: false },
    { title: c.userHost, flex: 2, minWidth: 10, value: (r) => (r.kind === 'host' ? r.host.host : userAtHost(r.binding)), tone: (r) => (r.kind === 'host' ? 'heading' : undefined) },
    { title: c.captured, width: full ? 16 : 11, value: (r) => (r.kind === 'host' ? '' : captured(r.binding.start)), sort: 'date', sortValue: (r) => (r.kind === 'host' ? '' : r.binding.start) },
    {
      title: c.features,
      flex: 3,
      minWidth: 12,
      value: (r) => (r.kind === 'host' ? m.hostMac(r.host.net) : m.featureLine(r.binding.featureName, r.binding.featureId, r.binding.host)),
      // Hosts keep their order (a MAC says nothing); bindings by their feature.
      sortValue: (r) => (r.kind === 'host' ? '' : m.featureLine(r.binding.featureName, r.binding.featureId, r.binding.host)),
      tone: (r) => (r.kind === 'host' ? 'muted' : undefined),
    },
    { title: c.action, width: 8, value: (r) => (r.kind === 'host' ? m.dropHostAction : m.dropAction), tone: () => 'accent', sort: false },
  ];
}
