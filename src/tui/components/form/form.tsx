import { useState } from 'react';
import { Box, Text } from 'ink';
import { useUnsavedWork } from '../../hooks/use-unsaved-work.js';
import { describeError } from '../../../domain/errors.js';
import { useMessages } from '../../../i18n/index.js';
import { KeyPriority, useCoveredByModal } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { BusyLine } from '../busy-line/index.js';
import { LineValue } from '../line-field/index.js';
import { useFormInput } from './use-form-input.js';
import { cursorOf, useFormState, type FormErrors, type FormValues } from './use-form-state.js';
import { wrapKeepingEnd } from '../../text-fit.js';

export interface FormField {
  /** Key in the values object. */
  name: string;
  /** Shown left of the input. */
  label: string;
  /** Show `*` instead of what is typed (license keys). Default false. */
  mask?: boolean;
  /** Example text in an empty field; not shown without colours. */
  placeholder?: string;
  /** A muted line under the field ("optional, 10-12 digits"). */
  hint?: string;
}

export interface FormProps {
  fields: readonly FormField[];
  /** Default: every field empty. */
  initialValues?: FormValues;
  /** Run on every change; messages show under fields the person touched, and under all after a submit. */
  validate?: (values: FormValues) => FormErrors;
  /**
   * Called with the values when they validate. While its promise runs the form shows a busy
   * line and ignores keys; when it rejects, the error shows on the form's error line.
   */
  onSubmit: (values: FormValues) => void | Promise<void>;
  /** Esc. Without it, Esc falls through to the screen. */
  onCancel?: () => void;
  /** What submitting does, for the busy line: "Registering". */
  submitLabel: string;
  /** An error from outside the form, shown on its error line. */
  error?: string;
  /** Cells available. */
  width: number;
  /** Keys go to the form only while active. Default true. */
  isActive?: boolean;
}

/**
 * Labelled one-line fields (edited like a shell line) with live validation. Tab/Shift-Tab/↑/↓ move
 * between fields, Enter moves on and submits on the last field, Esc cancels.
 */
export function Form({ fields, initialValues, validate, onSubmit, onCancel, submitLabel, error, width, isActive = true }: FormProps) {
  const theme = useTheme();
  const messages = useMessages();
  // Values in the fields' order: the reducer finds the focused field by position.
  const [state, dispatch] = useFormState(Object.fromEntries(fields.map((f) => [f.name, initialValues?.[f.name] ?? ''])));
  const covered = useCoveredByModal(KeyPriority.field);
  const errors = validate?.(state.values) ?? {};
  const [initial] = useState(() => state.values);
  const changed = fields.some((f) => (state.values[f.name] ?? '') !== (initial[f.name] ?? ''));
  useUnsavedWork(changed && !state.busy ? messages.app.unsavedForm : undefined);
  const count = fields.length;

  const submit = () => {
    const invalid = fields.findIndex((f) => errors[f.name]);
    if (invalid >= 0) {
      dispatch({ type: 'submit-refused', focus: invalid, error: messages.form.fixErrors });
      return;
    }
    dispatch({ type: 'submit-start' });
    Promise.resolve()
      .then(() => onSubmit(state.values))
      .then(
        () => dispatch({ type: 'submit-done' }),
        (failure: unknown) => dispatch({ type: 'submit-failed', error: describeError(failure) }),
      );
  };

  useFormInput(
    {
      next: () => dispatch({ type: 'focus-by', by: 1, count }),
      previous: () => dispatch({ type: 'focus-by', by: -1, count }),
      enter: () => (state.focus >= count - 1 ? submit() : dispatch({ type: 'focus', index: state.focus + 1, count })),
      cancel: onCancel,
      edit: (edit) => dispatch({ type: 'edit', edit }),
      toggleReveal: () => dispatch({ type: 'toggle-reveal' }),
    },
    { isActive, busy: state.busy },
  );

  const labelWidth = Math.min(Math.max(...fields.map((f) => textWidth(f.label))) + 2, Math.floor(width * 0.4));
  const inputWidth = Math.max(4, width - labelWidth - 2);
  const { ellipsis, pointer, cross } = theme.symbols;
  const formError = state.error ?? error;

  return (
    <Box flexDirection="column" width={width}>
      {fields.map((field, index) => {
        const focused = index === state.focus;
        const value = state.values[field.name] ?? '';
        const message = state.touched[field.name] || state.submitted ? errors[field.name] : undefined;
        const editing = isActive && focused && !state.busy && !covered;
        const hint = field.mask && focused ? `${field.hint ? `${field.hint}; ` : ''}${state.revealed ? messages.form.hideHint : messages.form.revealHint}` : field.hint;
        return (
          <Box key={field.name} flexDirection="column">
            <Box>
              <Text {...(focused ? theme.text.accent : {})}>{fitText(`${focused ? pointer : ' '} ${field.label}`, labelWidth + 2, ellipsis)}</Text>
              <Box width={inputWidth} height={1} overflow="hidden">
                <LineValue
                  value={value}
                  cursor={editing ? cursorOf(state, field.name) : undefined}
                  width={inputWidth}
                  ellipsis={ellipsis}
                  mask={field.mask === true && !state.revealed}
                  placeholder={theme.useColor ? field.placeholder : undefined}
                />
              </Box>
            </Box>
            {message ? (
              <MessageLines text={`${cross} ${message}`} indent={labelWidth + 2} width={width} tone="error" />
            ) : hint && focused ? (
              <MessageLines text={hint} indent={labelWidth + 2} width={width} tone="muted" />
            ) : null}
          </Box>
        );
      })}
      <Text> </Text>
      {state.busy ? (
        <BusyLine what={submitLabel} width={width} />
      ) : formError ? (
        <MessageLines text={`${cross} ${formError.replace(/\n/g, ' ')}`} indent={0} width={width} tone="error" />
      ) : (
        <MessageLines text={messages.form.submitHint} indent={0} width={width} tone="muted" />
      )}
    </Box>
  );
}

/** Lines a message under a field or the form may take: the hint at its end stays readable. */
const MESSAGE_LINES = 3;

/**
 * A message wrapped under `indent` (never cut at the edge: its "what to do" part comes last).
 * Errors may quote what the service or a file said: text-fit draws them terminal-safe.
 */
function MessageLines({ text, indent, width, tone }: { text: string; indent: number; width: number; tone: 'error' | 'muted' }) {
  const theme = useTheme();
  const room = Math.max(8, width - indent);
  const shown = wrapKeepingEnd(text, room, MESSAGE_LINES, theme.symbols.ellipsis, 2);
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <Text key={i} {...theme.text[tone]}>
          {fitText(`${' '.repeat(Math.min(indent, width - room))}${line}`, width, theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
