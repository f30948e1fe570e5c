import { useReducer } from 'react';

export type FormValues = Record<string, string>;
/** Field name → message for a person; absent or undefined = the field is fine. */
export type FormErrors = Partial<Record<string, string | undefined>>;

export interface FormState {
  values: FormValues;
  /** Fields the person has changed; their messages show while typing. */
  touched: Record<string, boolean>;
  /** Index of the field with focus. */
  focus: number;
  /** A submit was tried: every field's message shows. */
  submitted: boolean;
  /** onSubmit is running; keys are ignored. */
  busy: boolean;
  /** Form-level error line (a failed submit). */
  error: string | undefined;
}

export type FormAction =
  | { type: 'change'; name: string; value: string }
  | { type: 'focus'; index: number; count: number }
  | { type: 'focus-by'; by: 1 | -1; count: number }
  | { type: 'submit-refused'; focus: number; error: string }
  | { type: 'submit-start' }
  | { type: 'submit-failed'; error: string }
  | { type: 'submit-done' };

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'change':
      return { ...state, values: { ...state.values, [action.name]: action.value }, touched: { ...state.touched, [action.name]: true }, error: undefined };
    case 'focus':
      return { ...state, focus: Math.min(Math.max(0, action.index), action.count - 1) };
    case 'focus-by':
      return { ...state, focus: (state.focus + action.by + action.count) % action.count };
    case 'submit-refused':
      return { ...state, submitted: true, focus: action.focus, error: action.error };
    case 'submit-start':
      return { ...state, submitted: true, busy: true, error: undefined };
    case 'submit-failed':
      return { ...state, busy: false, error: action.error };
    case 'submit-done':
      return { ...state, busy: false };
  }
}

export function useFormState(initialValues: FormValues) {
  return useReducer(formReducer, { values: initialValues, touched: {}, focus: 0, submitted: false, busy: false, error: undefined });
}
