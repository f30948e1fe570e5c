import { useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { keysOf, type KeyHelp } from '../../keys/key-help.js';
import { useTheme, type TextStyle } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
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
  const entryLine = (e: KeyHelp): Line => ({ text: `  ${fitText(keysOf(e, theme.symbols), keyWidth, theme.symbols.ellipsis)}  ${e.description}`, style: {} });
  const lines: Line[] = [];
  if (screenKeys.length > 0) {
    lines.push({ text: messages.help.screenSection, style: theme.text.heading }, ...screenKeys.map(entryLine), { text: '', style: {} });
  }
  lines.push({ text: messages.help.globalSection, style: theme.text.heading }, ...globalKeys.map(entryLine));

  // Border 2 lines, title 1, close hint 1.
  const room = Math.max(1, height - 4);
  const maxOffset = Math.max(0, lines.length - room);
  const top = Math.min(offset, maxOffset);
  useHelpInput({ close: onClose, scroll: (by) => setOffset((o) => Math.max(0, Math.min(maxOffset, Math.min(o, maxOffset) + by))) }, room);

  const { ellipsis } = theme.symbols;
  const footer = maxOffset > 0 ? `${messages.help.close}  ${messages.help.more(room, lines.length)}` : messages.help.close;
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.colors.border} paddingX={1} width={width} height={height}>
      <Text {...theme.text.heading}>{fitText(messages.help.title(screenTitle), inner, ellipsis)}</Text>
      {lines.slice(top, top + room).map((line, i) => (
        <Text key={top + i} {...line.style}>
          {fitText(line.text, inner, ellipsis)}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text {...theme.text.muted}>{fitText(footer, inner, ellipsis)}</Text>
    </Box>
  );
}
