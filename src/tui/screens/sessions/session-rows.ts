import type { Binding, SessionHost } from '../../../licensing/api.js';
import type { Messages } from '../../../i18n/index.js';
import type { SortGroups } from '../../components/table/index.js';

/**
 * The table's lines: a row per host (its name and MAC; dropping it drops every binding of
 * the host) followed by a row per binding. Host rows are rows, not group headers, so that the
 * cursor can rest on them.
 */
export type SessionRow = { kind: 'host'; key: string; host: SessionHost } | { kind: 'binding'; key: string; host: SessionHost; binding: Binding };

export function sessionRows(hosts: readonly SessionHost[]): SessionRow[] {
  return hosts.flatMap((host): SessionRow[] => [
    { kind: 'host', key: `host:${host.hostId}`, host },
    ...host.bindings.map((binding): SessionRow => ({ kind: 'binding', key: `binding:${binding.id}`, host, binding })),
  ]);
}

/** Host ids are shown by their first characters, this many at least; more where two hosts start alike. */
const SHORT_HOST_ID = 8;

/**
 * Each host's id as short as it can be and still tell the hosts apart: two hosts with the same
 * name (a moved PBX, a restored backup) are two rows with different ids.
 */
export function shortHostIds(hosts: readonly SessionHost[]): Map<string, string> {
  const ids = [...new Set(hosts.map((h) => h.hostId))];
  const shortened = new Map<string, string>();
  for (const id of ids) {
    let length = Math.min(SHORT_HOST_ID, id.length);
    while (length < id.length && ids.some((other) => other !== id && other.startsWith(id.slice(0, length)))) length++;
    shortened.set(id, id.slice(0, length));
  }
  return shortened;
}

export const sessionRowKey = (row: SessionRow): string => row.key;

/** For `useTableSort`: a host and its bindings stay together, the host row first. */
export const sessionSortGroups: SortGroups<SessionRow> = { key: (row) => row.host.hostId, head: (row) => row.kind === 'host' };

export const userAtHost = (binding: Binding): string => `${binding.user}@${binding.host}`;

function hostText(host: SessionHost): string {
  return `${host.host} ${host.net} ${host.hostId}`;
}

function bindingText(binding: Binding, m: Messages['screens']['sessions']): string {
  return `${userAtHost(binding)} ${m.featureLine(binding.featureName, binding.featureId, binding.host)} ${binding.productName}`;
}

/**
 * What `/` finds a row by. A host row matches whatever one of its bindings matches, so a
 * binding found by the filter keeps its host row above it.
 */
export function sessionRowText(row: SessionRow, m: Messages['screens']['sessions']): string {
  if (row.kind === 'binding') return `${hostText(row.host)} ${bindingText(row.binding, m)}`;
  return [hostText(row.host), ...row.host.bindings.map((b) => bindingText(b, m))].join(' ');
}
