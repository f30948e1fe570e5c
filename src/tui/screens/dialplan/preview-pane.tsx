import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { GeneratedApplication } from '../../../dialplan/generate.js';
import { useMessages } from '../../../i18n/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { useTheme, type Theme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { fitPreview, previewText, type PreviewLine, type PreviewText } from './preview-lines.js';
import { wrapLines } from './wrap-lines.js';

/** The title line of a preview: "Generated dialplan · 2 problems". */
function PreviewTitle({ title, problems, width }: { title: string; problems: number; width: number }) {
  const theme = useTheme();
  const t = useMessages().screens.dialplan.preview;
  const status = problems > 0 ? t.flagged(problems) : t.fine;
  const head = `${title} ${theme.symbols.separator} `;
  return (
    <Text>
      <Text {...theme.text.heading}>{head}</Text>
      <Text {...(problems > 0 ? theme.text.error : theme.text.muted)}>{fitText(status, Math.max(0, width - head.length), theme.symbols.ellipsis)}</Text>
    </Text>
  );
}

/** Problems wrapped to the width (the dialplan lines are cut instead: they read as code). */
function wrapProblems(text: PreviewText, width: number, maxLines: number, ellipsis: string): PreviewText {
  const problems = text.problems.map((lines) =>
    lines.flatMap((problem) => wrapLines(problem.text, Math.max(1, width - 2), maxLines, ellipsis).map((line, i): PreviewLine => ({ text: i === 0 ? line : `  ${line}`, tone: 'error' }))),
  );
  return { content: text.content, problems };
}

function PreviewRow({ line, width, theme }: { line: PreviewLine; width: number; theme: Theme }) {
  const text = fitText(line.text, width, theme.symbols.ellipsis);
  return line.tone ? <Text {...theme.text[line.tone]}>{text}</Text> : <Text>{text}</Text>;
}

export interface PreviewPaneProps {
  generated: GeneratedApplication;
  width: number;
  /** Lines, the title included. */
  height: number;
}

/** The generated dialplan of the form's draft, cut to the space it has. */
export function PreviewPane({ generated, width, height }: PreviewPaneProps) {
  const theme = useTheme();
  const messages = useMessages();
  const t = messages.screens.dialplan.preview;
  const text = useMemo(() => wrapProblems(previewText(generated, t, theme.symbols.cross, messages), width, 2, theme.symbols.ellipsis), [generated, t, theme, width, messages]);
  const lines = fitPreview(text, height - 1, t);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PreviewTitle title={t.title} problems={generated.problems.length} width={width} />
      {lines.map((line, i) => (
        <PreviewRow key={i} line={line} width={width} theme={theme} />
      ))}
    </Box>
  );
}

export interface PreviewViewProps {
  title: string;
  generated: GeneratedApplication;
  width: number;
  height: number;
  /** Esc. */
  onClose: () => void;
  isActive?: boolean;
}

/** The whole generated dialplan, scrollable, over the screen (p in the list, Ctrl-P in the form). */
export function PreviewView({ title, generated, width, height, onClose, isActive = true }: PreviewViewProps) {
  const theme = useTheme();
  const messages = useMessages();
  const t = messages.screens.dialplan.preview;
  const lines = useMemo(() => {
    const text = wrapProblems(previewText(generated, t, theme.symbols.cross, messages), width, 10, theme.symbols.ellipsis);
    return text.problems.length > 0 ? [...text.content, { text: '' }, ...text.problems.flat()] : text.content;
  }, [generated, t, theme, width, messages]);
  const rows = Math.max(1, height - 2);
  const maxTop = Math.max(0, lines.length - rows);
  const [top, setTop] = useState(0);
  const scroll = (to: number) => setTop(Math.min(maxTop, Math.max(0, to)));
  useKeyLayer(
    (e) => {
      if (e.is('basic.back') || e.is('dialplan.zoomPreview')) onClose();
      else if (e.is('nav.down')) scroll(top + 1);
      else if (e.is('nav.up')) scroll(top - 1);
      else if (e.is('nav.pageDown')) scroll(top + rows);
      else if (e.is('nav.pageUp')) scroll(top - rows);
      else if (e.is('nav.home')) scroll(0);
      else if (e.is('nav.end')) scroll(maxTop);
      else return false;
      return true;
    },
    { priority: KeyPriority.field, isActive },
  );
  const shown = lines.slice(top, top + rows);
  const position = t.scroll(top + 1, top + shown.length, lines.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PreviewTitle title={title} problems={generated.problems.length} width={width} />
      {shown.map((line, i) => (
        <PreviewRow key={top + i} line={line} width={width} theme={theme} />
      ))}
      {lines.length > rows ? <Text {...theme.text.muted}>{fitText(position, width, theme.symbols.ellipsis, 'right')}</Text> : null}
    </Box>
  );
}
