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
  /** The first is on screen; the rest wait. */
  queue: Toast[];
  nextId: number;
}

export type ToastAction = { type: 'show'; kind: ToastKind; message: string; durationMs: number; limit: number } | { type: 'dismiss'; id: number };

export function toastReducer(state: ToastQueueState, action: ToastAction): ToastQueueState {
  switch (action.type) {
    case 'show': {
      const toast: Toast = { id: state.nextId, kind: action.kind, message: action.message, durationMs: action.durationMs };
      // A short queue: when full, the oldest waiting toast (not the one on screen) goes.
      const queue = [...state.queue, toast];
      while (queue.length > action.limit) queue.splice(1, 1);
      return { queue, nextId: state.nextId + 1 };
    }
    case 'dismiss':
      return { ...state, queue: state.queue.filter((t) => t.id !== action.id) };
  }
}

export function useToastQueue() {
  return useReducer(toastReducer, { queue: [], nextId: 1 });
}
