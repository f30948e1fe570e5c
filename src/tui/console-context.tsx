import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PbxContext } from '../pbx-context.js';

/**
 * What every screen may need from the console around it: the PbxContext (store and
 * licensing client, shared with the command line), the `--readonly` switch, a way to quit,
 * and a revision counter that goes up when someone changed the store, so that views
 * reading it reload (`useConsole().storeRevision` in a dependency list).
 */
export interface ConsoleServices {
  pbx: PbxContext;
  /** `--readonly`: look, change nothing. Screens disable their changing actions. */
  readonly: boolean;
  /** Leave the console (the same as pressing q on a screen). */
  quit: () => void;
  /** Bumped by `storeChanged()`. */
  storeRevision: number;
  /** Tell the console the PBX store changed (a key saved, a module installed). */
  storeChanged: () => void;
}

const ConsoleContext = createContext<ConsoleServices | null>(null);

export interface ConsoleProviderProps {
  pbx: PbxContext;
  readonly?: boolean;
  quit: () => void;
  children?: ReactNode;
}

export function ConsoleProvider({ pbx, readonly = false, quit, children }: ConsoleProviderProps) {
  const [storeRevision, setRevision] = useState(0);
  const storeChanged = useCallback(() => setRevision((r) => r + 1), []);
  const value = useMemo(() => ({ pbx, readonly, quit, storeRevision, storeChanged }), [pbx, readonly, quit, storeRevision, storeChanged]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) throw new Error('useConsole needs a <ConsoleProvider> above it');
  return services;
}

/** The PbxContext: `const pbx = usePbx(); await pbx.store.read()`, `await pbx.licensing()`. */
export function usePbx(): PbxContext {
  return useConsole().pbx;
}
