import { Box, Text } from 'ink';
import { useMessages } from '../../i18n/index.js';
import { useConsole } from '../console-context.js';
import { useLicenseState, type LicenseState } from '../hooks/use-license-state.js';
import type { PbxSummary } from '../hooks/use-pbx-summary.js';
import { useTheme, type TextStyle } from '../theme.js';
import { fitText, textWidth } from '../text-fit.js';

/** `pbxmod · PBX 2025.1.120 · host pbx1          License: registered MIKO-*****-...-AB12C` */
export function Header({ width, summary }: { width: number; summary: PbxSummary }) {
  const theme = useTheme();
  const messages = useMessages();
  const { readonly } = useConsole();
  const license = useLicenseState();
  const sep = ` ${theme.symbols.separator} `;
  const parts = [summary.pbxVersion ? messages.app.pbxVersion(summary.pbxVersion) : undefined, messages.app.host(summary.hostName)].filter(Boolean);
  // Read-only is a badge right after the name: the rest of the line gives way before it does.
  const badge = readonly ? ` ${messages.app.readonly.toUpperCase()} ` : '';
  const left = badge ? ` ${parts.join(sep)}` : `${messages.app.name}${sep}${parts.join(sep)}`;
  const [licenseText, licenseStyle] = describeLicense(license, messages, theme.text);
  const right = `${messages.app.license.label} ${licenseText}`;
  const badgeWidth = badge ? textWidth(messages.app.name) + 1 + textWidth(badge) : 0;
  const rightWidth = Math.min(textWidth(right), Math.max(0, width - 12 - badgeWidth));
  const leftWidth = Math.max(0, width - rightWidth - 1 - badgeWidth);
  const { ellipsis } = theme.symbols;
  return (
    <Box width={width} height={1}>
      {badge ? (
        <Text>
          <Text {...theme.text.heading}>{messages.app.name} </Text>
          <Text {...theme.text.warning} inverse>
            {badge}
          </Text>
        </Text>
      ) : null}
      <Text {...theme.text.heading}>{fitText(left, leftWidth, ellipsis)}</Text>
      <Text> </Text>
      <Text {...licenseStyle}>{fitText(right, rightWidth, ellipsis, 'right')}</Text>
    </Box>
  );
}

function describeLicense(state: LicenseState, messages: ReturnType<typeof useMessages>, styles: ReturnType<typeof useTheme>['text']): [string, TextStyle] {
  const text = messages.app.license;
  switch (state.kind) {
    case 'loading':
      return [text.loading, styles.muted];
    case 'unregistered':
      return [text.unregistered, styles.warning];
    case 'registered':
      // A saved key is not a license of this PBX: without its seat it says so, not "registered".
      if (state.seat === 'not-held') return [messages.seats.headerNoSeat(state.maskedKey), styles.warning];
      return [text.registered(state.maskedKey), styles.ok];
    case 'offline':
      return [text.offline, styles.error];
    case 'store-error':
      return [text.storeError, styles.error];
  }
}
