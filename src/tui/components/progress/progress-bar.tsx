import { Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { formatBytes } from './format-bytes.js';

export interface ProgressBarProps {
  /** Bytes (or steps) done. */
  done: number;
  /** Total; undefined when unknown (then only the bytes done show). */
  total: number | undefined;
  /** Cells available for the whole line. */
  width: number;
  /** Before the bar: "ModuleUsersUI 1.4.2". */
  label?: string;
  /** Show done/total as bytes (default) or as plain numbers. */
  unit?: 'bytes' | 'count';
}

export function progressPercent(done: number, total: number | undefined): number | undefined {
  if (total === undefined || total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** `label [#####-----]  45%  1.2 MiB of 2.7 MiB`; the bar is ASCII with --ascii. */
export function ProgressBar({ done, total, width, label, unit = 'bytes' }: ProgressBarProps) {
  const theme = useTheme();
  const messages = useMessages();
  const amount = (n: number) => (unit === 'bytes' ? formatBytes(n, messages) : String(n));
  const percent = progressPercent(done, total);
  const numbers = total === undefined ? amount(done) : `${String(percent).padStart(3)}%  ${messages.progress.of(amount(done), amount(total))}`;
  const head = label ? `${label} ` : '';
  const barWidth = Math.max(0, Math.min(40, width - textWidth(head) - textWidth(numbers) - 4));
  const filled = percent === undefined ? 0 : Math.round((barWidth * percent) / 100);
  const { progressFull, progressEmpty, ellipsis } = theme.symbols;
  if (barWidth < 5) return <Text>{fitText(`${head}${numbers}`, width, ellipsis)}</Text>;
  return (
    <Text>
      {head}[<Text {...theme.text.accent}>{progressFull.repeat(filled)}</Text>
      <Text {...theme.text.muted}>{progressEmpty.repeat(barWidth - filled)}</Text>]  {numbers}
    </Text>
  );
}
