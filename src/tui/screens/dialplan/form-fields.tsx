import { Box, Text } from 'ink';
import { dialplanTypes, type DialplanField, type DialplanProblems } from '../../../domain/dialplan.js';
import { useMessages, type Messages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import type { ApplicationFormState } from './use-application-form-state.js';
import { wrapLines } from './wrap-lines.js';
import { LineValue } from '../../components/line-field/index.js';

/** The fields above the code, in the domain's order (the code has its own section). */
const shownFields = ['name', 'extension', 'type', 'hint', 'description'] as const;
type ShownField = (typeof shownFields)[number];

/** One line of the fields block. */
export type FieldRow =
  | { kind: 'field'; field: ShownField }
  /** A problem (wrapped: `first` marks its first line) or the focused field's hint. */
  | { kind: 'message'; text: string; tone: 'error' | 'muted'; first: boolean }
  /** While the code editor has the space: the fields in one line. */
  | { kind: 'summary'; fieldsToFix: number };

/** Lines an error under a field may take. */
const MESSAGE_LINES = 2;

/** The problems a person should see now: of fields they touched, or all after a save was tried. */
export function visibleProblems(state: Pick<ApplicationFormState, 'touched' | 'submitted'>, problems: DialplanProblems): DialplanProblems {
  if (state.submitted) return problems;
  const shown: DialplanProblems = {};
  for (const [field, message] of Object.entries(problems) as [DialplanField, string][]) if (state.touched[field]) shown[field] = message;
  return shown;
}

export function labelWidthOf(messages: Messages): number {
  const f = messages.screens.dialplan.form;
  return Math.max(...shownFields.map((field) => textWidth(f[field])));
}

/**
 * The lines of the fields block: each field, its problem (wrapped) or, for the focused one,
 * its hint. One summary line instead while the code editor is in use.
 */
export function fieldRows(state: Pick<ApplicationFormState, 'focus'>, shown: DialplanProblems, messages: Messages, width: number, ellipsis: string): FieldRow[] {
  const f = messages.screens.dialplan.form;
  if (state.focus === 'code') {
    const rows: FieldRow[] = [{ kind: 'summary', fieldsToFix: shownFields.filter((field) => shown[field]).length }];
    if (shown.code) rows.push(...problemRows(shown.code, width - 4, ellipsis));
    return rows;
  }
  const indent = labelWidthOf(messages) + 4;
  const rows: FieldRow[] = [];
  for (const field of shownFields) {
    rows.push({ kind: 'field', field });
    const problem = shown[field];
    if (problem) {
      rows.push(...problemRows(problem, width - indent - 2, ellipsis));
    } else if (state.focus === field) {
      rows.push({ kind: 'message', text: f[`${field}Hint`], tone: 'muted', first: false });
    }
  }
  if (shown.code) rows.push(...problemRows(shown.code, width - indent - 2, ellipsis));
  return rows;
}

function problemRows(problem: string, width: number, ellipsis: string): FieldRow[] {
  return wrapLines(problem, width, MESSAGE_LINES, ellipsis).map((text, i) => ({ kind: 'message', text, tone: 'error', first: i === 0 }));
}

export interface FieldBlockProps {
  rows: readonly FieldRow[];
  state: ApplicationFormState;
  width: number;
  /** Keys reach the fields (the form is active and not busy): the focused field shows its cursor. */
  showCursor: boolean;
}

/** The name, number, type, hint and description lines of the form. */
export function FieldBlock({ rows, state, width, showCursor }: FieldBlockProps) {
  const theme = useTheme();
  const messages = useMessages();
  const f = messages.screens.dialplan.form;
  const labelWidth = labelWidthOf(messages);
  const valueWidth = Math.max(4, width - labelWidth - 4);
  const { pointer, cross, ellipsis, radioOn, radioOff } = theme.symbols;
  let messageIndex = 0;
  return (
    <Box flexDirection="column" width={width}>
      {rows.map((row) => {
        if (row.kind === 'summary') {
          const summary = f.summary(state.values.extension.trim(), state.values.name.trim(), state.values.type);
          const fix = row.fieldsToFix > 0 ? `  ${cross} ${f.fieldsToFix(row.fieldsToFix)}` : '';
          return (
            <Text key="summary">
              <Text {...theme.text.muted}>{fitText(`  ${summary}`, Math.max(0, width - textWidth(fix)), ellipsis)}</Text>
              <Text {...theme.text.error}>{fix}</Text>
            </Text>
          );
        }
        if (row.kind === 'message') {
          const indent = state.focus === 'code' ? 2 : labelWidth + 4;
          const mark = row.first ? `${cross} ` : '';
          return (
            <Text key={`message-${messageIndex++}`} {...theme.text[row.tone]}>
              {fitText(`${' '.repeat(indent - textWidth(mark))}${mark}${row.text}`, width, ellipsis)}
            </Text>
          );
        }
        const focused = state.focus === row.field;
        const label = (
          <Text {...(focused ? theme.text.accent : {})}>{`${focused ? pointer : ' '} ${fitText(f[row.field], labelWidth, ellipsis)}  `}</Text>
        );
        if (row.field === 'type') {
          return (
            <Text key={row.field}>
              {label}
              {dialplanTypes.map((type, i) => {
                const chosen = state.values.type === type;
                const text = `${chosen ? radioOn : radioOff} ${type}`;
                return (
                  <Text key={type}>
                    {i > 0 ? '  ' : ''}
                    <Text {...(chosen ? (focused && showCursor ? theme.text.selection : theme.text.accent) : theme.text.muted)}>{text}</Text>
                  </Text>
                );
              })}
            </Text>
          );
        }
        return (
          <Text key={row.field}>
            {label}
            <LineValue value={state.values[row.field]} cursor={focused && showCursor ? state.cursor : undefined} width={valueWidth} ellipsis={ellipsis} />
          </Text>
        );
      })}
    </Box>
  );
}
