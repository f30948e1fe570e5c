import { useReducer } from 'react';
import { editLine, type LineEdit } from '../../components/line-field/index.js';
import { dialplanTypes, type DialplanDraft, type DialplanField } from '../../../domain/dialplan.js';

/**
 * The application form's state, apart from the code (the code editor holds that): the
 * one-line fields, which one has focus and where its cursor is, what the person touched,
 * and whether saving or the external editor is under way.
 */

/** The one-line fields, as the form shows them. */
export type LineField = 'name' | 'extension' | 'hint' | 'description';
/** Where the keys go: a field, the type choice, or the code editor. */
export type FormFocus = LineField | 'type' | 'code';
/** Focus order, top to bottom (the domain's field order). */
export const focusOrder: readonly FormFocus[] = ['name', 'extension', 'type', 'hint', 'description', 'code'];

export type FormValues = Omit<DialplanDraft, 'code'>;

/** Why something failed, for a person: what happened, and what to do. */
export interface Failure {
  message: string;
  hint?: string | undefined;
}

export interface ApplicationFormState {
  values: FormValues;
  focus: FormFocus;
  /** Cursor in the focused one-line field, in code points. */
  cursor: number;
  /** Fields the person changed: their problems show while typing. */
  touched: Partial<Record<DialplanField, boolean>>;
  /** A save was tried: every problem shows. */
  submitted: boolean;
  /** Saving, or waiting for $EDITOR: keys are ignored. */
  busy: 'saving' | 'editor' | undefined;
  /** Why the last save or editor run failed. */
  error: Failure | undefined;
  /** How the last editor run went, until the next change. */
  notice: string | undefined;
  /** The whole generated dialplan fills the form (Ctrl-P). */
  zoom: boolean;
}

export type ApplicationFormAction =
  | { type: 'focus'; focus: FormFocus }
  | { type: 'focus-by'; by: 1 | -1 }
  | { type: 'edit'; edit: LineEdit }
  | { type: 'switch-type'; by: 1 | -1 }
  | { type: 'code-changed' }
  | { type: 'submit-refused'; focus: FormFocus }
  | { type: 'busy'; what: 'saving' | 'editor' }
  | { type: 'failed'; error: Failure }
  | { type: 'done'; notice?: string }
  | { type: 'zoom'; on: boolean };

export function isLineField(focus: FormFocus): focus is LineField {
  return focus !== 'type' && focus !== 'code';
}

export function initialFormState(values: FormValues): ApplicationFormState {
  return { values, focus: 'name', cursor: length(values.name), touched: {}, submitted: false, busy: undefined, error: undefined, notice: undefined, zoom: false };
}

export function applicationFormReducer(state: ApplicationFormState, action: ApplicationFormAction): ApplicationFormState {
  switch (action.type) {
    case 'focus':
      return focused(state, action.focus);
    case 'focus-by': {
      const index = focusOrder.indexOf(state.focus) + action.by;
      return index < 0 || index >= focusOrder.length ? state : focused(state, focusOrder[index]!);
    }
    case 'edit': {
      if (!isLineField(state.focus)) return state;
      const field = state.focus;
      const { value, cursor } = editLine(state.values[field], state.cursor, action.edit);
      if (value === state.values[field]) return cursor === state.cursor ? state : { ...state, cursor };
      return { ...state, values: { ...state.values, [field]: value }, cursor, touched: { ...state.touched, [field]: true }, error: undefined, notice: undefined };
    }
    case 'switch-type': {
      const index = dialplanTypes.indexOf(state.values.type as (typeof dialplanTypes)[number]);
      const next = dialplanTypes[(Math.max(0, index) + action.by + dialplanTypes.length) % dialplanTypes.length]!;
      return { ...state, values: { ...state.values, type: next }, touched: { ...state.touched, type: true }, error: undefined, notice: undefined };
    }
    case 'code-changed':
      return state.touched.code && state.error === undefined ? state : { ...state, touched: { ...state.touched, code: true }, error: undefined };
    case 'submit-refused':
      return { ...focused(state, action.focus), submitted: true, error: undefined };
    case 'busy':
      return { ...state, busy: action.what, error: undefined, notice: undefined, ...(action.what === 'saving' ? { submitted: true } : {}) };
    case 'failed':
      return { ...state, busy: undefined, error: action.error };
    case 'done':
      return { ...state, busy: undefined, notice: action.notice };
    case 'zoom':
      return { ...state, zoom: action.on };
  }
}

function focused(state: ApplicationFormState, focus: FormFocus): ApplicationFormState {
  if (focus === state.focus) return state;
  return { ...state, focus, cursor: isLineField(focus) ? length(state.values[focus]) : 0 };
}

function length(text: string): number {
  return Array.from(text).length;
}

export function useApplicationFormState(values: FormValues) {
  return useReducer(applicationFormReducer, values, initialFormState);
}

export { editLine, type LineEdit };
