import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Confirm, type ConfirmProps, type ConfirmResult } from './confirm.js';

/** What `useConfirm()` asks: the Confirm props without the callback. */
export type ConfirmRequest = Omit<ConfirmProps, 'onAnswer' | 'isActive'>;

interface Pending {
  id: number;
  request: ConfirmRequest;
  resolve: (result: ConfirmResult) => void;
}

interface ConfirmContextValue {
  ask: (request: ConfirmRequest) => Promise<ConfirmResult>;
  pending: Pending | undefined;
  answer: (result: ConfirmResult) => void;
}

const ConfirmContext = createContext<ConfirmContextValue | null>(null);

/** Holds at most one open question; the frame shows it over the screen (see ConfirmHost). */
export function ConfirmProvider({ children }: { children?: ReactNode }) {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const open = useRef<Pending | undefined>(undefined);
  const nextId = useRef(0);
  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<ConfirmResult>((resolve) => {
        // A new question replaces an unanswered one, which counts as "no".
        open.current?.resolve({ confirmed: false, optionChecked: false });
        open.current = { id: nextId.current++, request, resolve };
        setPending(open.current);
      }),
    [],
  );
  const answer = useCallback((result: ConfirmResult) => {
    const current = open.current;
    open.current = undefined;
    setPending(undefined);
    current?.resolve(result);
  }, []);
  const value = useMemo(() => ({ ask, pending, answer }), [ask, pending, answer]);
  return <ConfirmContext.Provider value={value}>{children}</ConfirmContext.Provider>;
}

function useConfirmContext(): ConfirmContextValue {
  const value = useContext(ConfirmContext);
  if (!value) throw new Error('useConfirm needs a <ConfirmProvider> above it');
  return value;
}

/**
 * Ask before something destructive:
 * `const {confirmed, optionChecked} = await confirm({title: 'Delete module X?', option: {label: 'Keep module settings', defaultChecked: true}})`.
 * Resolves "no" when the person presses n, Esc or Enter on the default.
 */
export function useConfirm(): (request: ConfirmRequest) => Promise<ConfirmResult> {
  return useConfirmContext().ask;
}

/** Is a question open? The frame hides the screen body while it is. */
export function useConfirmOpen(): boolean {
  return useConfirmContext().pending !== undefined;
}

/** Renders the open question, if any. */
export function ConfirmHost({ width }: { width: number }) {
  const { pending, answer } = useConfirmContext();
  if (!pending) return null;
  return <Confirm key={pending.id} {...pending.request} width={Math.min(width, pending.request.width ?? 64)} onAnswer={answer} />;
}
