import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';

export interface BusyLineProps {
  /** What is being done: "Downloading the catalog". */
  what: string;
  /** Cells available. */
  width: number;
  /**
   * Append the seconds elapsed, updated once a second (the only motion: a spinner would
   * cost bytes on a 115200-baud line for nothing). Default true.
   */
  showElapsed?: boolean;
}

/** A calm "Working... (what) 3s" line instead of a spinner. */
export function BusyLine({ what, width, showElapsed = true }: BusyLineProps) {
  const theme = useTheme();
  const messages = useMessages();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!showElapsed) return undefined;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [showElapsed]);
  const text = messages.busy.working(what) + (showElapsed && seconds > 0 ? ` ${messages.busy.elapsed(seconds)}` : '');
  return <Text {...theme.text.info}>{fitText(text, width, theme.symbols.ellipsis)}</Text>;
}
