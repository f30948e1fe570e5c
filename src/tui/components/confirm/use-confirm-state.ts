import { useReducer } from 'react';

export type ConfirmChoice = 'confirm' | 'cancel';

export interface ConfirmState {
  /** The highlighted answer; Enter picks it. */
  choice: ConfirmChoice;
  /** The dialog's one option (e.g. "keep module settings"). */
  optionChecked: boolean;
}

export type ConfirmAction = { type: 'highlight'; choice: ConfirmChoice } | { type: 'switch-choice' } | { type: 'toggle-option' };

export function confirmReducer(state: ConfirmState, action: ConfirmAction): ConfirmState {
  switch (action.type) {
    case 'highlight':
      return { ...state, choice: action.choice };
    case 'switch-choice':
      return { ...state, choice: state.choice === 'confirm' ? 'cancel' : 'confirm' };
    case 'toggle-option':
      return { ...state, optionChecked: !state.optionChecked };
  }
}

export function useConfirmState(defaultChoice: ConfirmChoice, optionDefault: boolean) {
  return useReducer(confirmReducer, { choice: defaultChoice, optionChecked: optionDefault });
}
