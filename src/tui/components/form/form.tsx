import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { describeError } from '../../../domain/errors.js';
import { useMessages } from '../../../i18n/index.js';
import { KeyPriority, useCoveredByModal, useEscapeTailGuard } from '../../hooks/use-keymap.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { BusyLine } from '../busy-line/index.js';
import { useFormInput } from './use-form-input.js';
import { useFormState, type FormErrors, type FormValues } from './use-form-state.js';

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
 * Labelled text fields (ink-text-input) with live validation. Tab/Shift-Tab/↑/↓ move
 * between fields, Enter moves on and submits on the last field, Esc cancels.
 */
export function Form({ fields, initialValues, validate, onSubmit, onCancel, submitLabel, error, width, isActive = true }: FormProps) {
  const theme = useTheme();
  const messages = useMessages();
  const [state, dispatch] = useFormState(initialValues ?? Object.fromEntries(fields.map((f) => [f.name, ''])));
  const covered = useCoveredByModal(KeyPriority.field);
  const isEscapeTail = useEscapeTailGuard();
  const errors = validate?.(state.values) ?? {};
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
        const onChange = (next: string) => {
          // The tail of an arrow key split across two reads is not typing (see use-keymap).
          if (next.length > value.length) {
            let at = 0;
            while (at < value.length && value[at] === next[at]) at++;
            if (isEscapeTail(next.slice(at, at + next.length - value.length))) return;
          }
          dispatch({ type: 'change', name: field.name, value: next });
        };
        return (
          <Box key={field.name} flexDirection="column">
            <Box>
              <Text {...(focused ? theme.text.accent : {})}>{fitText(`${focused ? pointer : ' '} ${field.label}`, labelWidth + 2, ellipsis)}</Text>
              <Box width={inputWidth} height={1} overflow="hidden">
                <TextInput
                  value={value}
                  onChange={onChange}
                  focus={isActive && focused && !state.busy && !covered}
                  showCursor={focused}
                  {...(field.mask ? { mask: '*' } : {})}
                  {...(theme.useColor && field.placeholder ? { placeholder: field.placeholder } : {})}
                />
              </Box>
            </Box>
            {message ? (
              <Text {...theme.text.error}>{fitText(`${' '.repeat(labelWidth + 2)}${cross} ${message}`, width, ellipsis)}</Text>
            ) : field.hint && focused ? (
              <Text {...theme.text.muted}>{fitText(`${' '.repeat(labelWidth + 2)}${field.hint}`, width, ellipsis)}</Text>
            ) : null}
          </Box>
        );
      })}
      <Text> </Text>
      {state.busy ? (
        <BusyLine what={submitLabel} width={width} />
      ) : formError ? (
        <Text {...theme.text.error}>{fitText(`${cross} ${formError.replace(/\n/g, ' ')}`, width, ellipsis)}</Text>
      ) : (
        <Text {...theme.text.muted}>{fitText(messages.form.submitHint, width, ellipsis)}</Text>
      )}
    </Box>
  );
}
