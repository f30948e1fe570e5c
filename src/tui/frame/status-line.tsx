import { Box, Text } from 'ink';
import { describeError } from '../../domain/errors.js';
import { useMessages } from '../../i18n/index.js';
import { ToastLine, useCurrentToast } from '../components/toast/index.js';
import { useTheme } from '../theme.js';
import { fitMessage } from '../text-fit.js';

/** One line above the footer: the toast, else a store problem, else empty. */
export function StatusLine({ width, storeError }: { width: number; storeError: unknown }) {
  const theme = useTheme();
  const messages = useMessages();
  const toast = useCurrentToast();
  return (
    <Box width={width} height={1}>
      {toast ? (
        <ToastLine width={width} />
      ) : storeError ? (
        <Text {...theme.text.error}>{fitMessage(`${theme.symbols.cross} ${messages.app.storeErrorTitle} ${describeError(storeError)}`, width, theme.symbols.ellipsis)}</Text>
      ) : (
        <Text> </Text>
      )}
    </Box>
  );
}
