import { useReducer } from 'react';

/**
 * The frame's one piece of state (after argonaut): which screen is shown and which mode the
 * frame is in. The mode decides who hears keys: in 'help' the overlay is modal.
 */
export interface FrameState {
  screen: number;
  mode: 'normal' | 'help';
}

export type FrameAction =
  | { type: 'show-screen'; index: number; count: number }
  | { type: 'next-screen'; count: number }
  | { type: 'previous-screen'; count: number }
  | { type: 'open-help' }
  | { type: 'close-help' };

export function frameReducer(state: FrameState, action: FrameAction): FrameState {
  switch (action.type) {
    case 'show-screen':
      return action.index >= 0 && action.index < action.count && action.index !== state.screen ? { ...state, screen: action.index } : state;
    case 'next-screen':
      return { ...state, screen: (state.screen + 1) % action.count };
    case 'previous-screen':
      return { ...state, screen: (state.screen - 1 + action.count) % action.count };
    case 'open-help':
      return { ...state, mode: 'help' };
    case 'close-help':
      return { ...state, mode: 'normal' };
  }
}

export function useFrameState(initialScreen: number) {
  return useReducer(frameReducer, { screen: initialScreen, mode: 'normal' });
}
