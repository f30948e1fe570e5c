import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { matchesCommand, type CommandName } from '../keys/bindings.js';
import { emptyKey, keyOfEscapeTail, splitEscapeTail } from '../keys/escape-sequence.js';

/**
 * Key handling as a priority stack (after gemini-cli): one `useInput` for the whole console
 * hands each key press to the layers from the top down. A layer returns `true` when it used
 * the key; a modal layer (help, a confirm dialog, the too-small screen) swallows every key,
 * used or not. Ctrl-C is handled before any layer and always quits.
 *
 * Components never call Ink's `useInput` themselves (ink-text-input inside the form is the
 * one exception, guarded by `isEscapeTail`); they call `useKeyLayer`.
 */

/** Where a layer sits; higher sees keys first. Within one level the newest layer is on top. */
export const KeyPriority = {
  /** The frame: screen switching, help, quit. */
  global: 0,
  /** A screen's own keys (`d` delete, `i` install...). */
  screen: 10,
  /** A widget inside a screen: the table cursor, `/` to start filtering. */
  widget: 20,
  /** Text entry: a form field, the filter being typed. Swallows printable keys. */
  field: 30,
  /** Modal: help overlay, confirm dialog. */
  overlay: 40,
  /** Above everything: the too-small screen. */
  system: 50,
} as const;

export interface KeyEvent {
  /** Typed text ('' for special keys), as Ink reports it. */
  input: string;
  /** Ink's key flags. */
  key: Key;
  /** Does this press trigger the named command (`nav.down`, `basic.back`...)? */
  is(command: CommandName): boolean;
  /** 0-9 when a bare digit was typed. */
  digit: number | undefined;
  /** Text that can go into a field: printable, no Ctrl/Alt. */
  printable: boolean;
}

/** Return `true` when the key was used; lower layers then never see it. */
export type KeyHandler = (event: KeyEvent) => boolean | void;

export interface KeyLayerOptions {
  /** See `KeyPriority`. Default `KeyPriority.screen`. */
  priority?: number;
  /** Inactive layers hear nothing. Default true. */
  isActive?: boolean;
  /** Swallow every key, handled or not. Default false. */
  modal?: boolean;
}

interface Layer {
  priority: number;
  order: number;
  modal: boolean;
  handler: { current: KeyHandler };
}

interface KeyStack {
  register(layer: Omit<Layer, 'order'>): () => void;
  /** Priority of the highest active modal layer, or -Infinity. */
  modalTop: number;
  /**
   * For text inputs that read keys on their own: is this newly inserted text really the
   * tail of a split escape sequence (`[A` after Esc)? Then it must not be inserted.
   */
  isEscapeTail(inserted: string): boolean;
}

const KeyStackContext = createContext<KeyStack | null>(null);

export function keyEvent(input: string, key: Key): KeyEvent {
  return {
    input,
    key,
    is: (command) => matchesCommand(command, input, key),
    digit: /^[0-9]$/.test(input) && !key.ctrl && !key.meta ? Number(input) : undefined,
    printable: input !== '' && !key.ctrl && !(key.meta && !key.escape) && !/[\u0000-\u001F\u007F]/.test(input),
  };
}

function escapeKey(): Key {
  const key = emptyKey();
  key.escape = true;
  key.meta = true;
  return key;
}

export interface KeymapProviderProps {
  children?: ReactNode;
  /** Called on Ctrl-C, whatever layer is on top. */
  onForceQuit: () => void;
  /**
   * How long a bare Esc waits for the rest of a split escape sequence before it counts
   * as Esc. Default 100 ms; 0 turns the wait off.
   */
  escapeDelayMs?: number;
}

export function KeymapProvider({ children, onForceQuit, escapeDelayMs = 100 }: KeymapProviderProps) {
  const layers = useRef<Layer[]>([]);
  const nextOrder = useRef(0);
  const pending = useRef<{ tail: string; timer: NodeJS.Timeout } | null>(null);
  const joined = useRef<string | null>(null);
  const forceQuit = useRef(onForceQuit);
  forceQuit.current = onForceQuit;
  const [modalTop, setModalTop] = useState(-Infinity);
  const updateModalTop = useCallback(() => {
    setModalTop(Math.max(-Infinity, ...layers.current.filter((l) => l.modal).map((l) => l.priority)));
  }, []);

  const dispatch = useCallback((input: string, key: Key) => {
    const event = keyEvent(input, key);
    // A handler may open or close layers; walk a snapshot.
    for (const layer of [...layers.current]) {
      if (layer.handler.current(event) === true || layer.modal) return;
    }
  }, []);

  const flushEscape = useCallback(() => {
    const held = pending.current;
    if (!held) return;
    clearTimeout(held.timer);
    pending.current = null;
    dispatch('', escapeKey());
    if (held.tail !== '') dispatch(held.tail, emptyKey());
  }, [dispatch]);

  const markJoined = (input: string) => {
    joined.current = input;
    // Every listener of this one read runs synchronously; by the next tick it is over.
    setImmediate(() => {
      if (joined.current === input) joined.current = null;
    });
  };

  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      clearTimeout(pending.current?.timer);
      pending.current = null;
      forceQuit.current();
      return;
    }
    const held = pending.current;
    if (held && !key.escape) {
      const split = splitEscapeTail(held.tail + input);
      if (split.kind === 'complete') {
        clearTimeout(held.timer);
        pending.current = null;
        markJoined(input);
        const joinedKey = keyOfEscapeTail(split.sequence);
        if (joinedKey) dispatch('', joinedKey);
        if (split.rest !== '') dispatch(split.rest, emptyKey());
        return;
      }
      if (split.kind === 'partial') {
        clearTimeout(held.timer);
        held.tail = split.sequence;
        held.timer = setTimeout(flushEscape, escapeDelayMs);
        markJoined(input);
        return;
      }
    }
    if (held) flushEscape();
    if (key.escape && input === '' && escapeDelayMs > 0) {
      pending.current = { tail: '', timer: setTimeout(flushEscape, escapeDelayMs) };
      return;
    }
    dispatch(input, key);
  });

  // Stable functions: a layer keeps its place in the stack when the modal state changes.
  const register = useCallback<KeyStack['register']>(
    (layer) => {
      const entry: Layer = { ...layer, order: nextOrder.current++ };
      layers.current = [...layers.current, entry].sort((a, b) => b.priority - a.priority || b.order - a.order);
      if (entry.modal) updateModalTop();
      return () => {
        layers.current = layers.current.filter((l) => l !== entry);
        if (entry.modal) updateModalTop();
      };
    },
    [updateModalTop],
  );
  const isEscapeTail = useCallback((inserted: string) => {
    if (inserted === '') return false;
    if (joined.current !== null && joined.current === inserted) return true;
    const held = pending.current;
    return held !== null && splitEscapeTail(held.tail + inserted).kind !== 'none';
  }, []);
  const stack = useMemo<KeyStack>(() => ({ modalTop, register, isEscapeTail }), [modalTop, register, isEscapeTail]);

  return <KeyStackContext.Provider value={stack}>{children}</KeyStackContext.Provider>;
}

function useKeyStack(): KeyStack {
  const stack = useContext(KeyStackContext);
  if (!stack) throw new Error('useKeyLayer needs a <KeymapProvider> above it');
  return stack;
}

/**
 * Hear keys while `isActive`: `useKeyLayer((e) => { if (e.is('nav.down')) { down(); return true; } }, {priority: KeyPriority.widget})`.
 * The handler may change every render; the layer keeps its place in the stack.
 */
export function useKeyLayer(handler: KeyHandler, { priority = KeyPriority.screen, isActive = true, modal = false }: KeyLayerOptions = {}): void {
  const stack = useKeyStack();
  const ref = useRef(handler);
  ref.current = handler;
  const { register } = stack;
  useLayoutEffect(() => {
    if (!isActive) return undefined;
    return register({ priority, modal, handler: ref });
  }, [register, priority, isActive, modal]);
}

/**
 * Is a modal layer (help, a dialog) open above `priority`? Components that read keys outside
 * the stack (the form's text inputs) stop listening then.
 */
export function useCoveredByModal(priority: number): boolean {
  return useKeyStack().modalTop > priority;
}

/** See `KeyStack.isEscapeTail`; for the form's text fields. */
export function useEscapeTailGuard(): (inserted: string) => boolean {
  return useKeyStack().isEscapeTail;
}
