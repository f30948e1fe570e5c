import { useMessages } from '../../../i18n/index.js';
import { Placeholder } from '../placeholder.js';
import type { ScreenProps } from '../types.js';

/** Placeholder: the marketplace screen is built separately and replaces this file. */
export function MarketplaceScreen({ width, height }: ScreenProps) {
  const messages = useMessages();
  return <Placeholder lines={messages.screens.marketplace.placeholder} width={width} height={height} />;
}
