import { useEffect, useMemo } from 'react';
import { useUnsavedWork } from '../../hooks/use-unsaved-work.js';
import { Box, Text } from 'ink';
import { createApplication, updateApplication } from '../../../dialplan/applications.js';
import { editInExternalEditor } from '../../../dialplan/external-editor.js';
import { generateApplicationDialplan } from '../../../dialplan/generate.js';
import { dialplanFields, dialplanProblems, type DialplanDraft, type DialplanField, type DialplanNumbering } from '../../../domain/dialplan.js';
import { useMessages } from '../../../i18n/index.js';
import type { DialplanApplication } from '../../../store/schema.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { CodeEditor, useCodeEditorState } from '../../components/code-editor/index.js';
import { useConfirm } from '../../components/confirm/index.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole, usePbx } from '../../console-context.js';
import { useSuspendConsole } from '../../terminal/suspend-console.js';
import { useTheme } from '../../theme.js';
import { fitText, textWidth } from '../../text-fit.js';
import { FieldBlock, fieldRows, visibleProblems } from './form-fields.js';
import { formLayout } from './form-layout.js';
import { PreviewPane, PreviewView } from './preview-pane.js';
import { focusOrder, useApplicationFormState, type Failure } from './use-application-form-state.js';
import { useFormInput } from './use-form-input.js';
import { errorLines, errorOf } from './error-lines.js';

/** What the form opens with: a new application's defaults, or a saved application. */
export interface FormSession {
  /** The application being edited, as read when the form opened; absent for a new one. */
  original?: DialplanApplication;
  draft: DialplanDraft;
  /** The PBX's numbers when the form opened, for the live "number busy" check. */
  numbering: DialplanNumbering;
}

export type SaveOutcome = 'created' | 'saved' | 'unchanged';

export interface ApplicationFormProps {
  session: FormSession;
  width: number;
  height: number;
  /** The form is on screen and not covered by a dialog. */
  isActive: boolean;
  onSaved: (app: DialplanApplication, outcome: SaveOutcome) => void;
  onClose: () => void;
  /** Told which keys are live: the fields', the code editor's, or the whole preview's. */
  onKeysMode?: (mode: 'fields' | 'code' | 'preview') => void;
}

/**
 * Create or edit one application: the fields with live validation, the code in the terminal
 * editor (or in $EDITOR), and the dialplan the draft generates, updated as the person types.
 */
export function ApplicationForm({ session, width, height, isActive, onSaved, onClose, onKeysMode }: ApplicationFormProps) {
  const theme = useTheme();
  const messages = useMessages();
  const m = messages.screens.dialplan;
  const pbx = usePbx();
  const { readonly } = useConsole();
  const toast = useToast();
  const confirm = useConfirm();
  const suspendConsole = useSuspendConsole();
  const { original, numbering } = session;
  const [state, dispatch] = useApplicationFormState(valuesOf(session.draft));
  const editor = useCodeEditorState(session.draft.code);
  const { values } = state;

  useEffect(() => {
    if (editor.state.revision > 0) dispatch({ type: 'code-changed' });
  }, [editor.state.revision, dispatch]);

  const draft: DialplanDraft = useMemo(() => ({ ...values, code: editor.text }), [values, editor.text]);
  const problems = useMemo(() => dialplanProblems(draft, numbering, original?.uniqid), [draft, numbering, original]);
  const shown = visibleProblems(state, problems);
  const generated = useMemo(
    () => generateApplicationDialplan({ uniqid: original?.uniqid ?? m.preview.newUniqid, extension: values.extension.trim(), hint: values.hint, type: values.type.trim(), code: editor.text }),
    [original, m, values.extension, values.hint, values.type, editor.text],
  );
  const markedLines = useMemo(() => new Set(generated.problems.flatMap((p) => (p.line === null ? [] : [p.line]))), [generated]);
  const dirty = dialplanFields.some((field) => draft[field] !== session.draft[field]);
  useUnsavedWork(dirty ? m.form.unsavedWhat(original ? `${original.extension} ${original.name}` : undefined) : undefined);

  const save = async () => {
    if (readonly) {
      toast.error(m.form.readonlyRefused);
      return;
    }
    const firstBad = focusOrder.find((field) => problems[field as DialplanField] !== undefined);
    if (firstBad) {
      dispatch({ type: 'submit-refused', focus: firstBad });
      return;
    }
    dispatch({ type: 'busy', what: 'saving' });
    try {
      if (!original) {
        onSaved(await createApplication(pbx.store, draft), 'created');
        return;
      }
      const patch: Partial<DialplanDraft> = {};
      for (const field of dialplanFields) if (draft[field] !== original[field]) patch[field] = draft[field];
      if (Object.keys(patch).length === 0) {
        onSaved(original, 'unchanged');
        return;
      }
      onSaved(await updateApplication(pbx.store, original.uniqid, patch, { basedOn: original }), 'saved');
    } catch (error) {
      dispatch({ type: 'failed', error: errorOf(error) });
    }
  };

  const openExternalEditor = async () => {
    const before = editor.text;
    dispatch({ type: 'busy', what: 'editor' });
    try {
      const edited = await suspendConsole(() => editInExternalEditor(before, { type: values.type.trim(), ...(original ? { baseName: original.uniqid } : {}) }));
      dispatch({ type: 'done', notice: edited === before ? m.editorUnchanged : m.editorDone(edited.replace(/\n$/, '').split('\n').length) });
      if (edited !== before) editor.dispatch({ type: 'set-text', text: edited });
    } catch (error) {
      dispatch({ type: 'failed', error: errorOf(error) });
    }
  };

  const cancel = async () => {
    if (!dirty) {
      onClose();
      return;
    }
    const answer = await confirm({ title: m.form.discardTitle, message: m.form.discardMessage, confirmLabel: m.form.discard, cancelLabel: m.form.keepEditing });
    if (answer.confirmed) onClose();
  };

  const busy = state.busy !== undefined;
  const keysMode = state.zoom ? 'preview' : state.focus === 'code' ? 'code' : 'fields';
  useEffect(() => {
    onKeysMode?.(keysMode);
  }, [keysMode, onKeysMode]);
  useFormInput(
    {
      dispatch,
      cancel: () => void cancel(),
      save: () => void save(),
      openExternalEditor: () => void openExternalEditor(),
      toggleZoom: () => dispatch({ type: 'zoom', on: !state.zoom }),
    },
    { focus: state.focus, isActive, busy, zoom: state.zoom },
  );

  const { ellipsis, separator } = theme.symbols;
  const title = original ? m.form.editTitle(original.extension, original.name, original.uniqid) : m.form.newTitle;

  if (state.zoom) {
    return (
      <PreviewView
        title={`${m.preview.title} ${separator} ${title}`}
        generated={generated}
        width={width}
        height={height}
        onClose={() => dispatch({ type: 'zoom', on: false })}
        isActive={isActive && !busy}
      />
    );
  }

  const rows = fieldRows(state, shown, messages, width, ellipsis);
  const refused = state.submitted && Object.keys(problems).length > 0 ? m.form.fixFields : undefined;
  const status = statusLines(state.busy && (state.busy === 'saving' ? m.form.saving : m.form.editing), state.error, refused, state.notice, width, theme.symbols);
  const layout = formLayout({ width, height, fieldLines: rows.length, statusLines: status.length });
  const codeFocused = state.focus === 'code';
  const marker = readonly ? m.form.readonly : dirty ? m.form.unsaved : '';
  const codeHint = codeFocused
    ? `${m.form.position(editor.state.row + 1, editor.state.lines.length, editor.state.column + 1)} ${separator} ${m.form.codeEditing}`
    : `${values.type.trim() === 'php' ? m.form.codeHintPhp : m.form.codeHintPlaintext} ${separator} ${m.form.codeEnter}`;

  const code = (
    <Box flexDirection="column" width={layout.codeWidth} height={layout.codeHeight}>
      <Text>
        <Text {...(codeFocused ? theme.text.accent : theme.text.heading)}>{`${codeFocused ? theme.symbols.pointer : ' '} ${m.form.code}`}</Text>
        <Text {...theme.text.muted}>{fitText(` ${separator} ${codeHint}`, Math.max(0, layout.codeWidth - textWidth(m.form.code) - 2), ellipsis)}</Text>
      </Text>
      <CodeEditor
        editor={editor}
        width={layout.codeWidth}
        height={Math.max(1, layout.codeHeight - 1)}
        isActive={isActive && codeFocused && !busy}
        onLeave={() => dispatch({ type: 'focus', focus: 'description' })}
        markedLines={markedLines}
      />
    </Box>
  );
  const preview = layout.previewHeight > 0 ? <PreviewPane generated={generated} width={layout.previewWidth} height={layout.previewHeight} /> : null;

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text>
        <Text {...theme.text.heading}>{fitText(title, Math.max(0, width - textWidth(marker) - 1), ellipsis)}</Text>
        {marker ? <Text {...(readonly ? theme.text.warning : theme.text.muted)}>{` ${marker}`}</Text> : null}
      </Text>
      <FieldBlock rows={rows} state={state} width={width} showCursor={isActive && !busy} />
      {layout.sideBySide ? (
        <Box flexDirection="row" width={width}>
          {code}
          <Text> </Text>
          {preview}
        </Box>
      ) : (
        <>
          {code}
          {preview}
        </>
      )}
      {status.map((line, i) =>
        line.kind === 'busy' ? (
          <BusyLine key={i} what={line.text} width={width} />
        ) : (
          <Text key={i} {...theme.text[line.kind]}>
            {line.text}
          </Text>
        ),
      )}
    </Box>
  );
}

function valuesOf(draft: DialplanDraft) {
  return { name: draft.name, extension: draft.extension, type: draft.type, hint: draft.hint, description: draft.description };
}

type StatusLine = { kind: 'busy' | 'error' | 'muted' | 'info'; text: string };

/** The lines under the form: busy, the last failure (what happened, what to do), "fix the fields", or how the editor went. */
function statusLines(busy: string | undefined, error: Failure | undefined, refused: string | undefined, notice: string | undefined, width: number, { cross, ellipsis }: { cross: string; ellipsis: string }): StatusLine[] {
  if (busy) return [{ kind: 'busy', text: busy }];
  if (error) return errorLines(error, width, ellipsis).map((line, i) => ({ kind: line.tone, text: `${i === 0 ? cross : ' '} ${line.text}` }));
  if (refused) return [{ kind: 'error', text: fitText(refused, width, ellipsis).trimEnd() }];
  if (notice) return [{ kind: 'info', text: fitText(notice, width, ellipsis).trimEnd() }];
  return [];
}
