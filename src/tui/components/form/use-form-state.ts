import { useReducer } from 'react';
import { editLine, type LineEdit } from '../line-field/index.js';

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
  /** Cursor of each field (code points); a field not yet visited has it at its end. */
  cursors: Record<string, number>;
  /** Masked fields show what is typed (the reveal toggle). */
  revealed: boolean;
}

export type FormAction =
  | { type: 'change'; name: string; value: string }
  /** Edit the field that has focus when the action is handled (not when the key was read). */
  | { type: 'edit'; edit: LineEdit }
  | { type: 'toggle-reveal' }
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
    case 'edit': {
      const name = Object.keys(state.values)[state.focus];
      if (name === undefined) return state;
      const old = state.values[name] ?? '';
      const { value, cursor } = editLine(old, cursorOf(state, name), action.edit);
      const cursors = { ...state.cursors, [name]: cursor };
      if (value === old) return { ...state, cursors };
      return { ...state, values: { ...state.values, [name]: value }, cursors, touched: { ...state.touched, [name]: true }, error: undefined };
    }
    case 'toggle-reveal':
      return { ...state, revealed: !state.revealed };
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

/** Where the cursor of a field is: where it was left, else at the end of its value. */
export function cursorOf(state: FormState, name: string): number {
  return state.cursors[name] ?? Array.from(state.values[name] ?? '').length;
}

export function initialFormState(values: FormValues): FormState {
  return { values, touched: {}, focus: 0, submitted: false, busy: false, error: undefined, cursors: {}, revealed: false };
}

export function useFormState(initialValues: FormValues) {
  return useReducer(formReducer, initialValues, initialFormState);
}
