import { useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { keysOf, type KeyHelp } from '../../keys/key-help.js';
import { useTheme, type TextStyle } from '../../theme.js';
import { fitText, textWidth, wrapText } from '../../text-fit.js';
import { useHelpInput } from './use-help-input.js';

export interface HelpOverlayProps {
  /** The current screen's title. */
  screenTitle: string;
  /** Every key of the current screen. */
  screenKeys: readonly KeyHelp[];
  /** Keys that work everywhere. */
  globalKeys: readonly KeyHelp[];
  width: number;
  height: number;
  onClose: () => void;
}

interface Line {
  text: string;
  style: TextStyle;
}

/** `?`: every key of the current screen, then the global keys; scrolls when it is long. */
export function HelpOverlay({ screenTitle, screenKeys, globalKeys, width, height, onClose }: HelpOverlayProps) {
  const theme = useTheme();
  const messages = useMessages();
  const [offset, setOffset] = useState(0);
  const inner = Math.max(10, width - 4);
  const all = [...screenKeys, ...globalKeys];
  const keyWidth = Math.min(Math.max(4, ...all.map((e) => textWidth(keysOf(e, theme.symbols)))), Math.floor(inner / 3));
  // A long description wraps under itself, not under the keys (Russian runs longer than English).
  const entryLines = (e: KeyHelp): Line[] =>
    wrapText(`  ${fitText(keysOf(e, theme.symbols), keyWidth, theme.symbols.ellipsis)}  ${e.description}`, inner, keyWidth + 4).map((text) => ({ text, style: {} }));
  const lines: Line[] = [];
  if (screenKeys.length > 0) {
    lines.push({ text: messages.help.screenSection, style: theme.text.heading }, ...screenKeys.flatMap(entryLines), { text: '', style: {} });
  }
  lines.push({ text: messages.help.globalSection, style: theme.text.heading }, ...globalKeys.flatMap(entryLines));

  // Border 2 lines, title 1, the close hint (1 line, or 2 when it wraps).
  const { ellipsis } = theme.symbols;
  const closeLines = (room: number) => wrapText(lines.length > room ? `${messages.help.close}  ${messages.help.more(room, lines.length)}` : messages.help.close, inner).slice(0, 2);
  let room = Math.max(1, height - 4);
  if (closeLines(room).length > 1) room = Math.max(1, height - 5);
  const maxOffset = Math.max(0, lines.length - room);
  const top = Math.min(offset, maxOffset);
  useHelpInput({ close: onClose, scroll: (by) => setOffset((o) => Math.max(0, Math.min(maxOffset, Math.min(o, maxOffset) + by))) }, room);
  const footer = closeLines(room);
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.colors.border} paddingX={1} width={width} height={height}>
      <Text {...theme.text.heading}>{fitText(messages.help.title(screenTitle), inner, ellipsis)}</Text>
      {lines.slice(top, top + room).map((line, i) => (
        <Text key={top + i} {...line.style}>
          {fitText(line.text, inner, ellipsis)}
        </Text>
      ))}
      <Box flexGrow={1} />
      {footer.map((line, i) => (
        <Text key={`close-${i}`} {...theme.text.muted}>
          {fitText(line, inner, ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
