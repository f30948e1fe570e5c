import { useMessages } from '../../../i18n/index.js';
import { Placeholder } from '../placeholder.js';
import type { ScreenProps } from '../types.js';

/** Placeholder: the sessions screen is built separately and replaces this file. */
export function SessionsScreen({ width, height }: ScreenProps) {
  const messages = useMessages();
  return <Placeholder lines={messages.screens.sessions.placeholder} width={width} height={height} />;
}
