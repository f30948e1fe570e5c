import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { useTheme } from '../../theme.js';
import { fitText, wrapKeepingEnd } from '../../text-fit.js';

/** Lines a message, warning or note of the dialog takes at most. */
const MAX_LINES = 4;
import { useConfirmInput } from './use-confirm-input.js';
import { useConfirmState, type ConfirmChoice } from './use-confirm-state.js';

export interface ConfirmResult {
  confirmed: boolean;
  /** State of the dialog's option when it has one (else false). */
  optionChecked: boolean;
}

export interface ConfirmOption {
  /** e.g. "Keep module settings". */
  label: string;
  /** Default false. */
  defaultChecked?: boolean;
  /** What the option's state means, shown under it and following it: checked, then unchecked. */
  notes?: readonly [checked: string, unchecked: string];
}

export interface ConfirmProps {
  /** The question: "Delete module ModuleUsersUI?". */
  title: string;
  /** More lines under the title. */
  message?: string | readonly string[];
  /** Lines shown as warnings ("This also drops feature 33 ..."). */
  warnings?: readonly string[];
  /** What Enter picks at first. Default 'cancel' (y/N), right for anything destructive. */
  defaultChoice?: ConfirmChoice;
  /** One toggleable option (Space). */
  option?: ConfirmOption;
  /** Label of the yes answer. Default messages.confirm.yes. */
  confirmLabel?: string;
  /** Label of the no answer. Default messages.confirm.no. */
  cancelLabel?: string;
  /** Width of the dialog box. Default 60. */
  width?: number;
  /** Only an active dialog hears keys. Default true. */
  isActive?: boolean;
  onAnswer: (result: ConfirmResult) => void;
}

/** A modal y/N question (after @inkjs/ui's ConfirmInput), with optional warnings and one option. */
export function Confirm({ title, message, warnings = [], defaultChoice = 'cancel', option, confirmLabel, cancelLabel, width = 60, isActive = true, onAnswer }: ConfirmProps) {
  const theme = useTheme();
  const messages = useMessages();
  const [state, dispatch] = useConfirmState(defaultChoice, option?.defaultChecked ?? false);
  const answer = (choice: ConfirmChoice) => onAnswer({ confirmed: choice === 'confirm', optionChecked: option ? state.optionChecked : false });

  useConfirmInput(
    {
      answer,
      accept: () => answer(state.choice),
      switchChoice: () => dispatch({ type: 'switch-choice' }),
      toggleOption: option ? () => dispatch({ type: 'toggle-option' }) : undefined,
    },
    isActive,
  );

  const inner = Math.max(10, width - 4);
  const { ellipsis } = theme.symbols;
  const lines = message === undefined ? [] : typeof message === 'string' ? [message] : message;
  const yes = confirmLabel ?? messages.confirm.yes;
  const no = cancelLabel ?? messages.confirm.no;
  const choiceText = (choice: ConfirmChoice, label: string) => {
    const on = state.choice === choice;
    return (
      <Text {...(on ? theme.text.selection : {})}>
        {on ? theme.symbols.pointer : ' '}
        {label}
        {' '}
      </Text>
    );
  };

  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.colors.border} paddingX={1} width={width}>
      <Text {...theme.text.heading}>{fitText(title, inner, ellipsis)}</Text>
      {/* Messages and warnings wrap (a few lines at most, keeping their end): they say what happens. */}
      {lines.flatMap((line, i) => wrapKeepingEnd(line, inner, MAX_LINES, ellipsis).map((part, j) => <Text key={`m${i}.${j}`}>{part}</Text>))}
      {warnings.flatMap((line, i) =>
        wrapKeepingEnd(`${theme.symbols.warning} ${line}`, inner, MAX_LINES, ellipsis, 2).map((part, j) => (
          <Text key={`w${i}.${j}`} {...theme.text.warning}>
            {part}
          </Text>
        )),
      )}
      {option ? (
        <Text>
          {fitText(`${state.optionChecked ? theme.symbols.checkboxOn : theme.symbols.checkboxOff} ${option.label}`, Math.max(1, inner - messages.confirm.optionHint.length - 2), ellipsis)}
          <Text {...theme.text.muted}>{`  ${messages.confirm.optionHint}`}</Text>
        </Text>
      ) : null}
      {option?.notes
        ? wrapKeepingEnd(option.notes[state.optionChecked ? 0 : 1], inner, MAX_LINES, ellipsis).map((part, j) => (
            <Text key={`n${j}`} {...theme.text.muted}>
              {part}
            </Text>
          ))
        : null}
      <Text> </Text>
      <Text>
        {choiceText('confirm', yes)}
        {'  '}
        {choiceText('cancel', no)}
        {'  '}
        <Text {...theme.text.muted}>{state.choice === 'cancel' ? messages.confirm.keysDefaultNo : messages.confirm.keysDefaultYes}</Text>
      </Text>
    </Box>
  );
}
