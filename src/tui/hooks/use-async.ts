import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'failed'; data: T | undefined; error: unknown };

/**
 * Load something (store, licensing service) for a view; reloads when `deps` change or on
 * `reload()`. A result that arrives after the view went away, or after a newer load, is dropped.
 * While reloading, the previous data stays visible.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', data: undefined, error: undefined });
  const [nonce, setNonce] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => (s.status === 'loading' ? s : { status: 'loading', data: s.data, error: undefined }));
    loadRef.current().then(
      (data) => {
        if (generation.current === mine) setState({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (generation.current === mine) setState((s) => ({ status: 'failed', data: s.data, error }));
      },
    );
    return () => {
      generation.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
