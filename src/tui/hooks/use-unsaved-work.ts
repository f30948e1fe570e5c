import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/**
 * Nothing unsaved is lost. A form or a draft with changes registers what it holds
 * (`useUnsavedWork('the draft of 2200100 Echo')`); quitting (q, Ctrl-C, the too-small screen's
 * q) asks first while anything is registered.
 */
interface UnsavedWorkRegistry {
  register(what: string): () => void;
  /** What is unsaved now ('' when nothing). */
  pending(): string[];
}

const UnsavedWorkContext = createContext<UnsavedWorkRegistry | null>(null);

export function UnsavedWorkProvider({ children }: { children?: ReactNode }) {
  const entries = useRef(new Map<number, string>());
  const next = useRef(0);
  const register = useCallback((what: string) => {
    const id = next.current++;
    entries.current.set(id, what);
    return () => {
      entries.current.delete(id);
    };
  }, []);
  const pending = useCallback(() => [...entries.current.values()], []);
  const value = useMemo(() => ({ register, pending }), [register, pending]);
  return createElement(UnsavedWorkContext.Provider, { value }, children);
}

/** While `what` is defined, it counts as unsaved work. */
export function useUnsavedWork(what: string | undefined): void {
  const registry = useContext(UnsavedWorkContext);
  useEffect(() => {
    if (!registry || what === undefined) return undefined;
    return registry.register(what);
  }, [registry, what]);
}

/** What is unsaved right now; for the quit question. */
export function useUnsavedWorkList(): () => string[] {
  const registry = useContext(UnsavedWorkContext);
  return useCallback(() => registry?.pending() ?? [], [registry]);
}
