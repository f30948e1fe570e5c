import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { KeyHelp } from '../screens/types.js';

type SetScreenKeys = (keys: KeyHelp[] | undefined) => void;

const ScreenKeysContext = createContext<SetScreenKeys>(() => undefined);

export function ScreenKeysProvider({ set, children }: { set: SetScreenKeys; children?: ReactNode }) {
  return <ScreenKeysContext.Provider value={set}>{children}</ScreenKeysContext.Provider>;
}

/**
 * A screen whose keys depend on its state (a list, a details view, a form) tells the frame
 * which keys are live now; help and footer show these instead of the registry's `keys`.
 * Cleared when the screen unmounts.
 */
export function useScreenKeys(keys: KeyHelp[]): void {
  const set = useContext(ScreenKeysContext);
  const signature = JSON.stringify(keys);
  useEffect(() => {
    set(JSON.parse(signature) as KeyHelp[]);
  }, [set, signature]);
  useEffect(() => () => set(undefined), [set]);
}
