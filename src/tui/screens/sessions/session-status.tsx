import { Text } from 'ink';
import { useMessages, type Messages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { localTime } from './format-time.js';
import type { SessionIdentity, SessionSnapshot } from './use-session-monitor.js';

/** "Key MIKO-…-ABCDE": the last group tells keys apart, and the line keeps room for the counts. */
export function identityText(identity: SessionIdentity, m: Messages['screens']['sessions'], ellipsis: string): string {
  if (identity.kind === 'own-key') return m.login.ownKey;
  const short = `${identity.prefix}-${ellipsis}-${identity.last}`;
  return identity.kind === 'key' ? m.login.otherKey(short) : m.login.coupon(short);
}

/** The screen's first line: who is logged in, how many hosts and bindings, how fresh they are. */
export function SessionStatus({ snapshot, refreshing, width }: { snapshot: SessionSnapshot; refreshing: boolean; width: number }) {
  const theme = useTheme();
  const m = useMessages().screens.sessions;
  const { ellipsis, separator } = theme.symbols;
  const bindings = snapshot.hosts.reduce((sum, h) => sum + h.bindings.length, 0);
  const who = `${identityText(snapshot.identity, m, ellipsis)} ${separator} ${m.counts(snapshot.hosts.length, bindings)}`;
  const when = refreshing ? m.refreshing : m.lastUpdated(localTime(snapshot.at));
  return (
    <Text>
      {fitText(who, Math.max(0, width - textWidth(when) - 2), ellipsis)}
      {'  '}
      <Text {...theme.text.muted}>{when}</Text>
    </Text>
  );
}
