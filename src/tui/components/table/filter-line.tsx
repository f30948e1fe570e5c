import { Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import type { Filter } from './use-filter.js';

export interface FilterLineProps {
  filter: Pick<Filter<unknown>, 'query' | 'typing' | 'total'> & { rows: readonly unknown[] };
  width: number;
  /** What the query searches, said while it is typed ("searches number, name... and code"). */
  scope?: string;
}

/** "/query_   12 of 340" while filtering; nothing when no filter is set. */
export function FilterLine({ filter, width, scope }: FilterLineProps) {
  const theme = useTheme();
  const messages = useMessages();
  if (!filter.typing && filter.query === '') return null;
  const count = messages.filter.matches(filter.rows.length, filter.total);
  const hint = filter.typing ? `  ${scope ? `${scope}. ` : ''}${messages.filter.hintTyping}` : '';
  const head = `${messages.filter.prompt}${filter.query}`;
  const tail = `  ${count}${hint}`;
  return (
    <Text>
      <Text {...theme.text.accent}>{head}</Text>
      {filter.typing ? <Text inverse> </Text> : null}
      <Text {...theme.text.muted}>{fitText(tail, Math.max(0, width - textWidth(head) - 1), theme.symbols.ellipsis)}</Text>
    </Text>
  );
}
