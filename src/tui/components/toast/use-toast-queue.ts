import { useReducer } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** How long it shows once it is on screen. */
  durationMs: number;
}

export interface ToastQueueState {
  /** The toast on screen (at most one: a new toast replaces it at once). */
  queue: Toast[];
  nextId: number;
}

export type ToastAction = { type: 'show'; kind: ToastKind; message: string; durationMs: number; limit: number } | { type: 'dismiss'; id: number };

export function toastReducer(state: ToastQueueState, action: ToastAction): ToastQueueState {
  switch (action.type) {
    case 'show': {
      // A new toast replaces the one on screen at once: it names what just happened, and a
      // toast waiting behind another would name an operation that is long over.
      const toast: Toast = { id: state.nextId, kind: action.kind, message: action.message, durationMs: action.durationMs };
      return { queue: [toast], nextId: state.nextId + 1 };
    }
    case 'dismiss':
      return { ...state, queue: state.queue.filter((t) => t.id !== action.id) };
  }
}

export function useToastQueue() {
  return useReducer(toastReducer, { queue: [], nextId: 1 });
}
