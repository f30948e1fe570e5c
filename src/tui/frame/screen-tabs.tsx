import { Box, Text } from 'ink';
import { useMessages } from '../../i18n/index.js';
import type { ScreenDefinition } from '../screens/types.js';
import { useTheme } from '../theme.js';
import { fitText, textWidth } from '../text-fit.js';

/** `1 Marketplace & license  2 Modules ...`; short titles when the long ones do not fit. */
export function ScreenTabs({ screens, active, width }: { screens: readonly ScreenDefinition[]; active: number; width: number }) {
  const theme = useTheme();
  const messages = useMessages();
  const label = (short: boolean) => screens.map((s, i) => ` ${i + 1} ${short ? s.shortTitle(messages) : s.title(messages)} `);
  let labels = label(false);
  if (textWidth(labels.join('')) > width) labels = label(true);
  let used = 0;
  return (
    <Box width={width} height={1}>
      {labels.map((text, i) => {
        const room = width - used;
        if (room <= 0) return null;
        const shown = fitText(text, Math.min(room, textWidth(text)), theme.symbols.ellipsis);
        used += textWidth(shown);
        return (
          <Text key={screens[i]!.id} {...(i === active ? theme.text.selection : theme.text.muted)}>
            {shown}
          </Text>
        );
      })}
    </Box>
  );
}
