import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { Text } from 'ink';
import { useTheme } from '../../theme.js';
import { fitMessage } from '../../text-fit.js';
import { useToastQueue, type Toast, type ToastKind } from './use-toast-queue.js';

export interface ToastApi {
  /** Show a message for `durationMs` (default: the provider's, 4 s). */
  show: (message: string, kind?: ToastKind, durationMs?: number) => void;
  success: (message: string) => void;
  error: (message: string) => void;
  info: (message: string) => void;
}

interface ToastContextValue {
  api: ToastApi;
  current: Toast | undefined;
}

const ToastContext = createContext<ToastContextValue | null>(null);

export interface ToastProviderProps {
  children?: ReactNode;
  /** How long a toast shows. Default 4000 ms. */
  durationMs?: number;
  /** Toasts kept at once (the one shown included). Default 3. */
  limit?: number;
}

/** Toasts, one at a time from a short queue; each fades after its time. */
export function ToastProvider({ children, durationMs = 4000, limit = 3 }: ToastProviderProps) {
  const [state, dispatch] = useToastQueue();
  const current = state.queue[0];
  useEffect(() => {
    if (!current) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'dismiss', id: current.id }), current.durationMs);
    return () => clearTimeout(timer);
  }, [current, dispatch]);
  const api = useMemo<ToastApi>(() => {
    const show = (message: string, kind: ToastKind = 'info', ms = durationMs) => dispatch({ type: 'show', kind, message, durationMs: ms, limit });
    return { show, success: (m) => show(m, 'success'), error: (m) => show(m, 'error'), info: (m) => show(m, 'info') };
  }, [dispatch, durationMs, limit]);
  const value = useMemo(() => ({ api, current }), [api, current]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

function useToastContext(): ToastContextValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast needs a <ToastProvider> above it');
  return value;
}

/** `const toast = useToast(); toast.success('Module enabled')`. */
export function useToast(): ToastApi {
  return useToastContext().api;
}

/** The toast on screen as one line, or nothing. */
export function ToastLine({ width }: { width: number }) {
  const theme = useTheme();
  const { current } = useToastContext();
  if (!current) return null;
  const symbol = current.kind === 'success' ? theme.symbols.check : current.kind === 'error' ? theme.symbols.cross : theme.symbols.info;
  const style = current.kind === 'success' ? theme.text.ok : current.kind === 'error' ? theme.text.error : theme.text.info;
  return <Text {...style}>{fitMessage(`${symbol} ${current.message}`, width, theme.symbols.ellipsis)}</Text>;
}

export function useCurrentToast(): Toast | undefined {
  return useToastContext().current;
}
