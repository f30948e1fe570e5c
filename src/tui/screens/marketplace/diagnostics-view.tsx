import { useEffect, useState } from 'react';
import { Box } from 'ink';
import { useMessages } from '../../../i18n/index.js';
// Type only: the checks (and the HTTP client) load when the view opens, not with the first screen.
import type { DiagnosticStep } from '../../../licensing/diagnostics.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { usePbx } from '../../console-context.js';
import { useTheme } from '../../theme.js';
import { textWidth } from '../../text-fit.js';
import { errorLines } from './error-lines.js';
import { Lines, wrapped, type Line } from './lines.js';
import { wrapText } from '../../text-fit.js';

export interface DiagnosticsViewProps {
  /** The URL that failed; default the URL in use. */
  url: string | null;
  /** A new number runs the checks again. */
  run: number;
  width: number;
  height: number;
}

type StepName = DiagnosticStep['name'];

/**
 * DNS lookup, TCP connect, TLS handshake (https only) and an HTTP ping of the licensing
 * service, each with its result and time as it comes in: the checks the vendor's docs ask
 * admins to run by hand over SSH.
 */
export function DiagnosticsView({ url, run, width, height }: DiagnosticsViewProps) {
  const pbx = usePbx();
  const theme = useTheme();
  const texts = useMessages().screens.marketplace.diagnostics;
  const [target, setTarget] = useState<string | null>(url);
  const [steps, setSteps] = useState<DiagnosticStep[]>([]);
  const [running, setRunning] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    let live = true;
    setSteps([]);
    setRunning(true);
    setError(undefined);
    void (async () => {
      const checked = url ?? (await pbx.licensingUrl()) ?? (await pbx.licensing()).baseUrl;
      if (!live) return;
      setTarget(checked);
      const { diagnoseConnection } = await import('../../../licensing/diagnostics.js');
      await diagnoseConnection(checked, { onStep: (step) => live && setSteps((done) => [...done, step]) });
    })()
      .catch((failure: unknown) => live && setError(failure))
      .finally(() => live && setRunning(false));
    return () => {
      live = false;
    };
  }, [pbx, url, run]);

  const names: StepName[] = ['dns', 'tcp', ...(target?.startsWith('https:') ? (['tls'] as const) : []), 'http'];
  const nameWidth = Math.max(...names.map((n) => textWidth(texts.steps[n]))) + 2;
  const statusWidth = Math.max(textWidth(texts.ok), textWidth(texts.failed)) + 2;
  const lines: Line[] = [...wrapped(texts.title(target ?? texts.noUrl), width, 'heading', 2), ...wrapped(texts.intro, width, 'muted'), { text: '' }];
  for (const name of names) {
    const step = steps.find((s) => s.name === name);
    const label = texts.steps[name].padEnd(nameWidth);
    if (step) {
      const head = `${step.ok ? theme.symbols.check : theme.symbols.cross} ${label}${(step.ok ? texts.ok : texts.failed).padEnd(statusWidth)}${texts.ms(step.ms).padStart(7)}  `;
      const [first = '', ...rest] = wrapText(step.found ? texts.found[step.found.kind](step.found as never) : step.detail, Math.max(10, width - textWidth(head)));
      lines.push({ text: head + first, tone: step.ok ? 'ok' : 'error' });
      for (const more of rest) lines.push({ text: ' '.repeat(textWidth(head)) + more, tone: 'muted' });
      continue;
    }
    lines.push({ text: `${theme.symbols.bullet} ${label}${running && error === undefined ? texts.pending : texts.skipped}`, tone: 'muted' });
  }
  lines.push({ text: '' });
  if (error !== undefined) lines.push(...errorLines(error, width, theme.symbols));
  else if (!running) {
    const passed = steps.length === names.length && steps.every((s) => s.ok);
    lines.push(...wrapped(passed ? texts.allOk : texts.someFailed, width, passed ? 'ok' : 'error'));
  }

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Lines lines={lines} width={width} />
      {running && error === undefined ? <BusyLine what={texts.running} width={width} /> : null}
    </Box>
  );
}
