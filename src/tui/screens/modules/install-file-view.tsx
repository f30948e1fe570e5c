import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from '../../../i18n/index.js';
import { Form } from '../../components/form/index.js';
import { useTheme } from '../../theme.js';
import { fitText, wrapText } from '../../text-fit.js';
import { errorLines, InfoLines, wrapLines } from './info-lines.js';
import type { ModuleActions } from './use-module-actions.js';
import type { ViewAction } from './use-view-stack.js';

export interface InstallFileViewProps {
  actions: ModuleActions;
  navigate: (action: ViewAction) => void;
  width: number;
}

/**
 * The path of a module zip on this PBX's disk. The install runs without holding the form:
 * the progress line shows it, the console stays usable; a failure shows under the form
 * (what happened, then what to do), a success goes back to the installed list.
 */
export function InstallFileView({ actions, navigate, width }: InstallFileViewProps) {
  const theme = useTheme();
  const m = useMessages().screens.modules;
  const [failure, setFailure] = useState<{ error: unknown } | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const inner = Math.max(20, width - 2);

  const submit = (values: Record<string, string>) => {
    setFailure(undefined);
    actions.installFile((values.path ?? '').trim()).then(
      () => {
        if (mounted.current) navigate({ type: 'show-list', list: 'installed' });
      },
      (error: unknown) => setFailure({ error }),
    );
  };

  return (
    <Box flexDirection="column" width={width} paddingX={1}>
      <Text {...theme.text.heading}>{fitText(m.file.title, inner, theme.symbols.ellipsis)}</Text>
      {wrapText(m.file.intro, inner).map((line, i) => (
        <Text key={`intro-${i}`} {...theme.text.muted}>
          {fitText(line, inner, theme.symbols.ellipsis)}
        </Text>
      ))}
      <Text> </Text>
      <Form
        fields={[{ name: 'path', label: m.file.pathLabel, placeholder: m.file.placeholder, hint: m.file.hint }]}
        validate={(values) => ({ path: (values.path ?? '').trim() === '' ? m.file.required : undefined })}
        onSubmit={submit}
        onCancel={() => navigate({ type: 'back' })}
        submitLabel={m.file.submitLabel}
        width={inner}
      />
      {failure ? <InfoLines lines={wrapLines(errorLines(failure.error, theme.symbols.cross), inner)} count={4} width={inner} /> : null}
    </Box>
  );
}

