import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStdin, type Key } from 'ink';
import { matchesCommand, type CommandName } from '../keys/bindings.js';
import { emptyKey } from '../keys/escape-sequence.js';
import { KeyDecoder, type DecodedKey } from '../keys/key-decoder.js';
import { useRepaint } from '../terminal/whole-screen.js';

/**
 * Key handling as a priority stack (after gemini-cli): one reader for the whole console splits
 * every read into keys (keys/key-decoder.ts) and hands each key to the layers from the top down. A layer returns `true` when it used
 * the key; a modal layer (help, a confirm dialog, the too-small screen) swallows every key,
 * used or not. Ctrl-C is handled before any layer and always quits.
 *
 * Components never call Ink's `useInput` themselves (it takes a whole read as one key); they
 * call `useKeyLayer`.
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
  /** The text of a bracketed paste (then no key is pressed); undefined for a key press. */
  paste: string | undefined;
  /**
   * The paste is keys typed faster than they were read (a terminal without bracketed paste):
   * its tabs were Tab presses.
   */
  typed?: boolean;
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
  /**
   * A text-entry layer (a field, the editor, a filter being typed): while it is on top, printable
   * keys that arrived together are handed to it as one piece of text (a `paste` event), so that
   * a long paste without bracketed paste costs one frame instead of one per character.
   * Default false.
   */
  text?: boolean | 'lines';
}

interface Layer {
  priority: number;
  order: number;
  modal: boolean;
  text: boolean | 'lines';
  handler: { current: KeyHandler };
}

interface KeyStack {
  register(layer: Omit<Layer, 'order'>): () => void;
  /** Priority of the highest active modal layer, or -Infinity. */
  modalTop: number;
  /** The layer on top takes text (a field, the filter, the code editor): letters type, they are no commands. */
  typing: boolean;
}

const KeyStackContext = createContext<KeyStack | null>(null);

export function keyEvent(input: string, key: Key): KeyEvent {
  return {
    input,
    key,
    paste: undefined,
    is: (command) => matchesCommand(command, input, key),
    digit: /^[0-9]$/.test(input) && !key.ctrl && !key.meta ? Number(input) : undefined,
    printable: input !== '' && !key.ctrl && !(key.meta && !key.escape) && !/[\u0000-\u001F\u007F]/.test(input),
  };
}

/** A printable key with no Ctrl or Alt: typing. */
function isTypedKey(decoded: DecodedKey | undefined): decoded is DecodedKey & { kind: 'key' } {
  return decoded?.kind === 'key' && decoded.input !== '' && !decoded.key.ctrl && !decoded.key.meta && !/[\u0000-\u001F\u007F]/.test(decoded.input);
}

/** Enter or Tab: text too, for a layer that takes several lines (the code editor). */
function isLineKey(decoded: DecodedKey | undefined): decoded is DecodedKey & { kind: 'key' } {
  return decoded?.kind === 'key' && !decoded.key.ctrl && !decoded.key.meta && !decoded.key.shift && (decoded.key.return || decoded.key.tab);
}

/** The text a typed key stands for in a run: a line break for Enter, a tab for Tab. */
function typedText(decoded: DecodedKey & { kind: 'key' }): string {
  return decoded.key.return ? '\n' : decoded.key.tab ? '\t' : decoded.input;
}

/** A bracketed paste: text for a field or the editor, never a command. */
export function pasteEvent(text: string, typed = false): KeyEvent {
  return { input: '', key: emptyKey(), paste: text, typed, is: () => false, digit: undefined, printable: false };
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
  const decoder = useRef(new KeyDecoder());
  const escapeTimer = useRef<NodeJS.Timeout | undefined>(undefined);
  const forceQuit = useRef(onForceQuit);
  forceQuit.current = onForceQuit;
  const redraw = useRepaint();
  const repaint = useRef(redraw);
  repaint.current = redraw;
  const [modalTop, setModalTop] = useState(-Infinity);
  const updateModalTop = useCallback(() => {
    setModalTop(Math.max(-Infinity, ...layers.current.filter((l) => l.modal).map((l) => l.priority)));
  }, []);
  const [typing, setTyping] = useState(false);
  const updateTyping = useCallback(() => setTyping((layers.current[0]?.text ?? false) !== false), []);

  const dispatch = useCallback((decoded: DecodedKey) => {
    const event = decoded.kind === 'paste' ? pasteEvent(decoded.text, decoded.typed) : keyEvent(decoded.input, decoded.key);
    if (event.key.ctrl && event.input === 'c') {
      forceQuit.current();
      return;
    }
    // Ctrl-L redraws the whole screen, whatever has the keys (a form, the editor, a dialog).
    if (event.key.ctrl && event.input === 'l') {
      repaint.current();
      return;
    }
    // A handler may open or close layers; walk a snapshot.
    for (const layer of [...layers.current]) {
      if (layer.handler.current(event) === true || layer.modal) return;
    }
  }, []);

  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (!isRawModeSupported) return undefined;
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode, isRawModeSupported]);
  // Keys wait here and are handled one at a time: the next key only once React has rendered
  // what the previous one did, so that a handler sees the state (and the layers) that the
  // previous key left, as it would with one key per read. A turn of the event loop is not
  // enough: React renders an update from outside its events in a task queued after the next
  // key's turn, and `text` + Enter in one read would submit the form as it was before the text.
  const queue = useRef<DecodedKey[]>([]);
  const draining = useRef<NodeJS.Immediate | undefined>(undefined);
  // A key was handled and its render has not been committed yet: the queue waits.
  const awaitingCommit = useRef(false);
  const [handled, setHandled] = useState(0);
  const drain = useCallback(() => {
    draining.current = undefined;
    const next = queue.current.shift();
    if (next === undefined) return;
    const takes = layers.current[0]?.text ?? false;
    const joins = (k: DecodedKey | undefined): k is DecodedKey & { kind: 'key' } => isTypedKey(k) || (takes === 'lines' && isLineKey(k));
    if (takes !== false && joins(next) && joins(queue.current[0])) {
      let text = typedText(next);
      for (let k = queue.current[0]; joins(k); k = queue.current[0]) text += typedText(queue.current.shift() as DecodedKey & { kind: 'key' });
      dispatch({ kind: 'paste', text, typed: true });
    } else dispatch(next);
    // The next key waits for the commit of this one's render even when it is not here yet: Ink
    // hands one read to us in several pieces, synchronously, and each would otherwise be
    // handled at once. The commit is this provider's own (see the layout effect below), in
    // the same render as every update the handler made.
    awaitingCommit.current = true;
    setHandled((n) => n + 1);
  }, [dispatch]);
  useLayoutEffect(() => {
    if (!awaitingCommit.current) return;
    awaitingCommit.current = false;
    // Out of the commit: a handler's updates are then ordinary ones again.
    draining.current = setImmediate(drain);
  }, [handled, drain]);
  const enqueue = useCallback(
    (decoded: DecodedKey[]) => {
      if (decoded.length === 0) return;
      const idle = queue.current.length === 0 && draining.current === undefined && !awaitingCommit.current;
      // One at a time: a paste without bracketed paste may be hundreds of thousands of keys.
      for (const key of decoded) queue.current.push(key);
      if (idle) drain();
    },
    [drain],
  );
  useEffect(() => {
    const flush = () => {
      escapeTimer.current = undefined;
      enqueue(decoder.current.flush());
    };
    // Ink's own parser has already cut the read into pieces; joined again they are the bytes
    // as read, which the decoder splits into keys itself.
    const onInput = (chunk: unknown) => {
      clearTimeout(escapeTimer.current);
      escapeTimer.current = undefined;
      enqueue(decoder.current.push(String(chunk)));
      if (decoder.current.waiting) {
        if (escapeDelayMs > 0) escapeTimer.current = setTimeout(flush, escapeDelayMs);
        else flush();
      }
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
      clearTimeout(escapeTimer.current);
      clearImmediate(draining.current);
      draining.current = undefined;
      awaitingCommit.current = false;
      queue.current = [];
    };
  }, [events, dispatch, escapeDelayMs]);

  // Stable functions: a layer keeps its place in the stack when the modal state changes.
  const register = useCallback<KeyStack['register']>(
    (layer) => {
      const entry: Layer = { ...layer, order: nextOrder.current++ };
      layers.current = [...layers.current, entry].sort((a, b) => b.priority - a.priority || b.order - a.order);
      if (entry.modal) updateModalTop();
      updateTyping();
      return () => {
        layers.current = layers.current.filter((l) => l !== entry);
        if (entry.modal) updateModalTop();
        updateTyping();
      };
    },
    [updateModalTop, updateTyping],
  );
  const stack = useMemo<KeyStack>(() => ({ modalTop, typing, register }), [modalTop, typing, register]);

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
export function useKeyLayer(handler: KeyHandler, { priority = KeyPriority.screen, isActive = true, modal = false, text = false }: KeyLayerOptions = {}): void {
  const stack = useKeyStack();
  const ref = useRef(handler);
  ref.current = handler;
  const { register } = stack;
  useLayoutEffect(() => {
    if (!isActive) return undefined;
    return register({ priority, modal, text, handler: ref });
  }, [register, priority, isActive, modal, text]);
}

/**
 * Is a modal layer (help, a dialog) open above `priority`? Components that read keys outside
 * the stack (the form's text inputs) stop listening then.
 */
/** Whether the keys go to a text entry now (a field, the filter, the code editor): then `q` and `?` type. */
export function useTyping(): boolean {
  return useKeyStack().typing;
}

export function useCoveredByModal(priority: number): boolean {
  return useKeyStack().modalTop > priority;
}
