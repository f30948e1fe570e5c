import type { ReactNode } from 'react';
import { Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth, truncateText, wrapText } from '../../text-fit.js';
import type { SortOrder } from './table-sort.js';
import type { SortMenu } from './use-table-sort.js';

export interface SortMenuLinesProps {
  menu: SortMenu;
  order: SortOrder | undefined;
  width: number;
  /** Lines available: the title, then the columns (scrolled to keep the highlighted one in view). */
  height: number;
}

/** The open sort menu, in the table's place: "Sort by  Enter or 1-6 picks...", then "› 1 Name  ▲ ascending". */
export function SortMenuLines({ menu, order, width, height }: SortMenuLinesProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.lists.sort;
  const { ellipsis, pointer } = theme.symbols;
  const last = Math.min(9, menu.columns.length);
  // The hint beside the title, or wrapped under it (a longer language) while the columns still fit.
  const oneLine = `${m.menuTitle}  ${m.menuHint(last)}`;
  const wrapped = wrapText(m.menuHint(last), width);
  const hintLines = textWidth(oneLine) <= width ? [] : height - 1 - wrapped.length >= Math.min(menu.columns.length, 3) ? wrapped : [];
  const room = Math.max(1, height - 1 - hintLines.length);
  const offset = Math.max(0, Math.min(menu.cursor - room + 1, menu.columns.length - room));
  const lines: ReactNode[] = [];
  for (let i = Math.max(0, offset); i < Math.min(menu.columns.length, offset + room); i++) {
    const column = menu.columns[i]!;
    const sorted = order?.column === column.index ? order.direction : undefined;
    const state = sorted === undefined ? '' : `  ${sorted === 'ascending' ? theme.symbols.sortAscending : theme.symbols.sortDescending} ${m[sorted]}`;
    // Digits pick the first nine; the rest by the arrows.
    const digit = i < 9 ? String(i + 1) : ' ';
    const line = fitText(`${i === menu.cursor ? pointer : ''}`, 2, '') + `${digit} ${column.title}${state}`;
    lines.push(
      <Text key={column.index} {...(i === menu.cursor ? theme.text.selection : sorted ? theme.text.accent : {})}>
        {fitText(line, width, ellipsis)}
      </Text>,
    );
  }
  return (
    <>
      <Text>
        <Text bold>{truncateText(m.menuTitle, width, ellipsis)}</Text>
        {hintLines.length === 0 ? <Text {...theme.text.muted}>{fitText(`  ${m.menuHint(last)}`, Math.max(0, width - textWidth(m.menuTitle)), ellipsis)}</Text> : null}
      </Text>
      {hintLines.map((line, i) => (
        <Text key={`hint${i}`} {...theme.text.muted}>
          {line}
        </Text>
      ))}
      {lines}
    </>
  );
}
