import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { Box, Text } from 'ink';
import type { PbxContext } from '../pbx-context.js';
import { MessagesProvider, t, useMessages, type Messages } from '../i18n/index.js';
import { ConfirmHost, ConfirmProvider, useConfirm, useConfirmOpen } from './components/confirm/index.js';
import { HelpOverlay } from './components/help/index.js';
import { ToastProvider } from './components/toast/index.js';
import { ConsoleProvider, useConsole } from './console-context.js';
import { Footer } from './frame/footer.js';
import { Header } from './frame/header.js';
import { ScreenKeysProvider } from './frame/screen-keys.js';
import { ScreenTabs } from './frame/screen-tabs.js';
import { StatusLine } from './frame/status-line.js';
import { TooSmall } from './frame/too-small.js';
import { globalKeyHelp, useGlobalKeys } from './frame/use-global-keys.js';
import { useFrameState } from './frame/use-frame-state.js';
import { KeymapProvider, useTyping } from './hooks/use-keymap.js';
import { useBindingRefresh } from './hooks/use-binding-refresh.js';
import { useLicenseChecks } from './hooks/use-license-checks.js';
import { usePbxSummary } from './hooks/use-pbx-summary.js';
import { useStoreWatch } from './hooks/use-store-watch.js';
import { UnsavedWorkProvider, useUnsavedWorkList } from './hooks/use-unsaved-work.js';
import { MIN_TERMINAL_SIZE, isTooSmall, useTerminalSize } from './hooks/use-terminal-size.js';
import type { KeyHelp } from './keys/key-help.js';
import { screens as registry } from './screens/index.js';
import type { ScreenDefinition } from './screens/types.js';
import { createTheme, ThemeProvider, useTheme, type Theme } from './theme.js';
import { useRepaintOnResize } from './terminal/whole-screen.js';
import { fitText } from './text-fit.js';

export interface AppProps {
  /** Store and licensing client, shared with the command line. */
  pbx: PbxContext;
  /** Called once when the person quits (q, Ctrl-C). */
  onQuit: () => void;
  /** Default: colours and Unicode. */
  theme?: Theme;
  /** Default: English. */
  messages?: Messages;
  /** `--readonly`. Default false. */
  readonly?: boolean;
  /** Default: the registry in screens/index.ts. */
  screens?: readonly ScreenDefinition[];
  /** Id of the first screen. Default: the first one. */
  initialScreen?: string;
  /** For the COLUMNS/LINES size fallback. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** `--size WxH`. */
  sizeFlag?: string | undefined;
  /** See KeymapProvider. Default 100 ms. */
  escapeDelayMs?: number;
  /** How long toasts show. Default 4000 ms. */
  toastDurationMs?: number;
}

/** How long after mounting the other screens' code is loaded (after the first frame is out). */
const PRELOAD_AFTER_MS = 100;

/** Lines the frame itself takes: header, tabs, rule, status, footer. */
const FRAME_LINES = 5;

/** The console: providers around the frame. */
export function App({ pbx, onQuit, theme, messages, readonly = false, screens = registry, initialScreen, env, sizeFlag, escapeDelayMs, toastDurationMs }: AppProps) {
  const resolvedTheme = useMemo(() => theme ?? createTheme(), [theme]);
  // q and Ctrl-C may both arrive; quit once.
  const [quitOnce] = useState(() => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      onQuit();
    };
  });
  // Quitting asks first while something is unsaved; the Frame (which can ask) sets how.
  const requestQuitRef = useRef<() => void>(quitOnce);
  const requestQuit = useCallback(() => requestQuitRef.current(), []);
  return (
    <ThemeProvider theme={resolvedTheme}>
      <MessagesProvider messages={messages ?? t}>
        <UnsavedWorkProvider>
          <ConsoleProvider pbx={pbx} readonly={readonly} quit={requestQuit}>
            <KeymapProvider onForceQuit={requestQuit} {...(escapeDelayMs !== undefined ? { escapeDelayMs } : {})}>
              <ToastProvider {...(toastDurationMs !== undefined ? { durationMs: toastDurationMs } : {})}>
                <ConfirmProvider>
                  <Frame screens={screens} initialScreen={initialScreen} env={env} sizeFlag={sizeFlag} quit={quitOnce} requestQuitRef={requestQuitRef} />
                </ConfirmProvider>
              </ToastProvider>
            </KeymapProvider>
          </ConsoleProvider>
        </UnsavedWorkProvider>
      </MessagesProvider>
    </ThemeProvider>
  );
}

interface FrameProps {
  screens: readonly ScreenDefinition[];
  initialScreen: string | undefined;
  env: NodeJS.ProcessEnv | undefined;
  sizeFlag: string | undefined;
  /** Leave now. */
  quit: () => void;
  /** Set here: what q, Ctrl-C and the console's quit() do (ask first when something is unsaved). */
  requestQuitRef: MutableRefObject<() => void>;
}

/** Header, tabs, the current screen, status line, footer; help and dialogs over the screen. */
function Frame({ screens, initialScreen, env, sizeFlag, quit, requestQuitRef }: FrameProps) {
  const theme = useTheme();
  const messages = useMessages();
  const size = useTerminalSize({ env: env ?? process.env, sizeFlag });
  useRepaintOnResize(size);
  // Once the first frame is out, load every screen's code, so a first visit draws at once.
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const s of screens) void s.preload?.().catch(() => undefined);
    }, PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [screens]);
  const summary = usePbxSummary();
  useBindingRefresh();
  useStoreWatch();
  const { storeChanged } = useConsole();
  useLicenseChecks(env ?? process.env);
  const [state, dispatch] = useFrameState(Math.max(0, screens.findIndex((s) => s.id === initialScreen)));
  const [liveKeys, setLiveKeys] = useState<KeyHelp[] | undefined>(undefined);
  const confirmOpen = useConfirmOpen();
  const count = screens.length;
  const tooSmall = isTooSmall(size);
  const confirm = useConfirm();
  const unsavedWork = useUnsavedWorkList();
  const [quitArmed, setQuitArmed] = useState(false);
  const asking = useRef(false);
  const latest = useRef({ tooSmall, quitArmed });
  latest.current = { tooSmall, quitArmed };
  useEffect(() => {
    if (!tooSmall) setQuitArmed(false);
  }, [tooSmall]);
  useEffect(() => {
    requestQuitRef.current = () => {
      const unsaved = unsavedWork();
      // Nothing to lose, or asked already and asked again (a second q / Ctrl-C): leave.
      if (unsaved.length === 0 || asking.current || latest.current.quitArmed) {
        quit();
        return;
      }
      if (latest.current.tooSmall) {
        // No room for a dialog: the too-small screen says what a second press does.
        setQuitArmed(true);
        return;
      }
      asking.current = true;
      void confirm({ title: messages.app.quitUnsavedTitle, message: messages.app.quitUnsavedMessage(unsaved.join(', ')), confirmLabel: messages.app.quitAnyway, cancelLabel: messages.app.keepWorking }).then((answer) => {
        asking.current = false;
        if (answer.confirmed) quit();
      });
    };
  }, [requestQuitRef, unsavedWork, quit, confirm, messages]);
  const onQuit = useCallback(() => requestQuitRef.current(), [requestQuitRef]);

  const showScreen = useCallback((index: number) => {
    setLiveKeys(undefined);
    dispatch({ type: 'show-screen', index, count });
  }, [dispatch, count]);
  useGlobalKeys(
    count,
    {
      showScreen,
      nextScreen: () => showScreen((state.screen + 1) % count),
      previousScreen: () => showScreen((state.screen - 1 + count) % count),
      openHelp: () => dispatch({ type: 'open-help' }),
      quit: onQuit,
      reload: storeChanged,
    },
    !tooSmall,
  );

  const screen = screens[state.screen]!;
  const Screen = screen.component;
  const screenKeys = liveKeys ?? screen.keys(messages);
  const global = globalKeyHelp(messages, count);
  const typing = useTyping();
  // A root as tall as the terminal makes Ink clear the whole screen on every frame.
  const height = Math.max(1, size.rows - 1);
  const width = size.columns;
  const bodyHeight = Math.max(1, height - FRAME_LINES);
  const helpOpen = state.mode === 'help';
  const covered = helpOpen || confirmOpen;

  return (
    <Box flexDirection="column" width={width} height={height}>
      {tooSmall ? <TooSmall size={size} min={MIN_TERMINAL_SIZE} onQuit={onQuit} unsaved={unsavedWork()} quitArmed={quitArmed} /> : null}
      <Box flexDirection="column" width={width} height={height} display={tooSmall ? 'none' : 'flex'}>
        <Header width={width} summary={summary} />
        <ScreenTabs screens={screens} active={state.screen} width={width} />
        <Text {...theme.text.muted}>{theme.symbols.rule.repeat(width)}</Text>
        <Box flexDirection="column" width={width} height={bodyHeight}>
          <Box display={covered ? 'none' : 'flex'} flexDirection="column" width={width} height={bodyHeight}>
            <ScreenKeysProvider set={setLiveKeys}>
              <Suspense fallback={<Text {...theme.text.muted}>{fitText(messages.app.loading, width, theme.symbols.ellipsis)}</Text>}>
                <Screen key={screen.id} width={width} height={bodyHeight} />
              </Suspense>
            </ScreenKeysProvider>
          </Box>
          {helpOpen && !tooSmall ? (
            <HelpOverlay
              screenTitle={screen.title(messages)}
              screenKeys={screenKeys}
              globalKeys={global.help}
              width={Math.min(width, 78)}
              height={bodyHeight}
              onClose={() => dispatch({ type: 'close-help' })}
            />
          ) : null}
          {confirmOpen && !helpOpen ? <ConfirmHost width={width} /> : null}
        </Box>
        <StatusLine width={width} storeError={summary.storeError} />
        {/* While a field or the editor has the keys, ? and q type: the footer does not offer them then. */}
        <Footer entries={screenKeys.filter((k) => k.footer)} always={typing ? [] : global.footer} width={width} />
      </Box>
    </Box>
  );
}
