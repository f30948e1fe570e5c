import { Box, Text } from 'ink';
import { languageOf, useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { localDateTime, relativeTime } from './format-time.js';
import type { SessionRow } from './session-rows.js';

/** Lines the info panel takes: a title and the eight fields of a binding. */
export const INFO_PANEL_LINES = 9;

export interface SessionInfoProps {
  row: SessionRow;
  /** This PBX's host id, to say "this PBX". */
  ownHostId: string;
  /** For "3 min ago". */
  now: Date;
  width: number;
}

/** The info of the row under the cursor: user, host, db, net, proc, start, upd, exp of a binding; a host's name, MAC and id. */
export function SessionInfo({ row, ownHostId, now, width }: SessionInfoProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.sessions;
  const language = languageOf(messages);
  const i = m.info;
  const { ellipsis, rule } = theme.symbols;
  const mine = (hostId: string, host: string) => (hostId === ownHostId ? `${host} (${i.thisPbx})` : host);

  let title: string;
  let fields: [string, string][];
  if (row.kind === 'binding') {
    const b = row.binding;
    title = i.bindingTitle(m.featureLine(b.featureName, b.featureId, b.host));
    const expired = Date.parse(b.exp) <= now.getTime();
    fields = [
      [i.user, b.user],
      [i.host, mine(b.hostId, b.host)],
      [i.db, b.db],
      [i.net, b.net],
      [i.proc, String(b.proc)],
      [i.start, localDateTime(b.start, language, { seconds: true })],
      [i.upd, i.withRelative(localDateTime(b.upd, language, { seconds: true }), relativeTime(b.upd, now, i))],
      [i.exp, i.withRelative(localDateTime(b.exp, language, { seconds: true }), expired ? i.lapsed : relativeTime(b.exp, now, i))],
    ];
  } else {
    const h = row.host;
    title = i.hostTitle(mine(h.hostId, h.host));
    fields = [
      [i.net, h.net],
      [i.hostId, h.hostId],
      [i.bindings, String(h.bindings.length)],
      ['', ''],
      ['', i.hostHint],
    ];
  }
  const labelWidth = Math.max(...fields.map(([label]) => textWidth(label))) + 2;
  const heading = `${rule}${rule} ${title} `;
  return (
    <Box flexDirection="column" width={width} height={INFO_PANEL_LINES}>
      <Text {...theme.text.heading}>{fitText(heading + rule.repeat(Math.max(0, width - textWidth(heading))), width, ellipsis)}</Text>
      {fields.map(([label, value], n) => (
        <Text key={n}>
          <Text {...theme.text.muted}>{fitText(`  ${label}`, labelWidth + 2, ellipsis)}</Text>
          {fitText(value, Math.max(1, width - labelWidth - 2), ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
