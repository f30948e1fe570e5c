import { useState } from 'react';
import { Box } from 'ink';
import { Form, type FormErrors, type FormField, type FormValues } from '../../components/form/index.js';
import { useTheme } from '../../theme.js';
import { errorLines } from './error-lines.js';
import { Lines, wrapped, type Line } from './lines.js';

export interface ActionFormProps {
  title: string;
  intro: string;
  fields: readonly FormField[];
  validate?: (values: FormValues) => FormErrors;
  /** Runs the operation; a rejection is shown under the form, whole (message and hint). */
  onSubmit: (values: FormValues) => Promise<void>;
  /** Called with an error the operation failed with (the screen watches for lost connections). */
  onError?: (error: unknown) => void;
  onCancel: () => void;
  submitLabel: string;
  width: number;
  height: number;
  isActive: boolean;
}

/**
 * A form of this screen: title, one line on what happens, the fields, and the last error
 * wrapped under them. The shared Form's own error line holds one line only; license errors
 * are a sentence plus where to manage bindings, and both must be read.
 */
export function ActionForm({ title, intro, fields, validate, onSubmit, onError, onCancel, submitLabel, width, height, isActive }: ActionFormProps) {
  const theme = useTheme();
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (values: FormValues) => {
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError(failure);
      onError?.(failure);
    }
  };
  // The fields come first when the terminal is small: title and intro only where they fit.
  const introLines = wrapped(intro, width, 'muted');
  // Fields with a message under each, a blank line and the status line; or one hint line only.
  const roomAtMost = height - (fields.length * 2 + 2);
  const roomAtLeast = height - (fields.length + 3);
  const titleLine: Line = { text: title, tone: 'heading' };
  const head: Line[] = roomAtMost >= introLines.length + 2 ? [titleLine, ...introLines, { text: '' }] : roomAtLeast >= 1 ? [titleLine] : [];
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Lines lines={head} width={width} />
      <Box flexDirection="column" flexShrink={0}>
        <Form
          fields={fields}
          {...(validate ? { validate } : {})}
          onSubmit={submit}
          onCancel={onCancel}
          submitLabel={submitLabel}
          width={width}
          isActive={isActive}
        />
      </Box>
      {error !== undefined ? <Lines lines={errorLines(error, width, theme.symbols)} width={width} /> : null}
    </Box>
  );
}
