import { Box, Text } from 'ink';
import { useMessages } from '../../i18n/index.js';
import { KeyPriority, useKeyLayer } from '../hooks/use-keymap.js';
import type { TerminalSize } from '../hooks/use-terminal-size.js';
import { useTheme } from '../theme.js';

/**
 * Shown instead of the frame below the minimum size; modal, and q still quits (twice when
 * something is unsaved: the screen underneath keeps it meanwhile).
 */
export function TooSmall({ size, min, onQuit, unsaved, quitArmed }: { size: TerminalSize; min: TerminalSize; onQuit: () => void; unsaved: string[]; quitArmed: boolean }) {
  const theme = useTheme();
  const messages = useMessages();
  useKeyLayer(
    (e) => {
      if (e.is('app.quit')) onQuit();
      return true;
    },
    { priority: KeyPriority.system, modal: true },
  );
  const x = theme.symbols.times;
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text {...theme.text.warning}>{messages.app.tooSmall(`${min.columns}${x}${min.rows}`, `${size.columns}${x}${size.rows}`)}</Text>
      <Text>{messages.app.tooSmallHint}</Text>
      {unsaved.length > 0 ? <Text {...theme.text.warning}>{messages.app.tooSmallUnsaved(unsaved.join(', '))}</Text> : null}
      {quitArmed ? <Text {...theme.text.error}>{messages.app.tooSmallQuitArmed}</Text> : null}
    </Box>
  );
}
