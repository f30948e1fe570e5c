import { useState } from 'react';
import { Box } from 'ink';
import { checkApplicationScript, copyApplication, deleteApplication, findApplication, getApplication, previewApplication } from '../../../dialplan/applications.js';
import { visibleText } from '../../../domain/terminal-text.js';
import type { GeneratedApplication } from '../../../dialplan/generate.js';
import { draftOf, newDialplanDraft } from '../../../domain/dialplan.js';
import { useMessages } from '../../../i18n/index.js';
import type { DialplanApplication } from '../../../store/schema.js';
import { BusyLine } from '../../components/busy-line/index.js';
import { useConfirm } from '../../components/confirm/index.js';
import { useToast } from '../../components/toast/index.js';
import { useConsole, usePbx } from '../../console-context.js';
import { useScreenKeys } from '../../frame/screen-keys.js';
import type { ScreenProps } from '../types.js';
import { ApplicationForm, type FormSession, type SaveOutcome } from './application-form.js';
import { ApplicationList } from './application-list.js';
import { ErrorLines, errorOf } from './error-lines.js';
import { dialplanKeys, type DialplanKeysMode } from './keys.js';
import { PreviewView } from './preview-pane.js';
import type { Failure } from './use-application-form-state.js';
import { useApplicationList } from './use-application-list.js';

type View =
  | { kind: 'list' }
  | { kind: 'form'; session: FormSession }
  | { kind: 'preview'; title: string; generated: GeneratedApplication };

/**
 * Dialplan applications (SPEC §6): the list, and over it the form (create, edit) or the
 * whole generated dialplan of one application. The list stays mounted underneath, so its
 * cursor and filter are where they were when the person comes back.
 */
export function DialplanScreen({ width, height }: ScreenProps) {
  const messages = useMessages();
  const m = messages.screens.dialplan;
  const pbx = usePbx();
  const { readonly, storeChanged } = useConsole();
  const toast = useToast();
  const confirm = useConfirm();
  // Not reloaded on every storeChanged(): while this screen shows, only it changes applications.
  const list = useApplicationList(pbx.store);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [formKeys, setFormKeys] = useState<DialplanKeysMode>('fields');
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  // The application just created or copied, for the list to select.
  const [reveal, setReveal] = useState<{ uniqid: string } | undefined>(undefined);

  const mode: DialplanKeysMode = view.kind === 'form' ? formKeys : view.kind;
  useScreenKeys(dialplanKeys(messages, mode));

  /** Run a list action; its failure shows above the list until the next action. */
  const act = (action: () => Promise<void>) => {
    setFailure(undefined);
    action().catch((error: unknown) => {
      setFailure(errorOf(error));
      // Failing may mean the store changed under the list (someone deleted the application).
      list.reload();
    });
  };
  const refuseReadonly = () => {
    if (readonly) toast.error(m.readonlyRefused);
    return readonly;
  };

  const onCreate = () => {
    if (refuseReadonly()) return;
    act(async () => {
      // One read of the store for the defaults and the live number check.
      const numbering = await pbx.store.read();
      setFormKeys('fields');
      setView({ kind: 'form', session: { draft: newDialplanDraft(numbering), numbering } });
    });
  };
  const onEdit = (app: DialplanApplication) =>
    act(async () => {
      const numbering = await pbx.store.read();
      // As saved now, not as listed; gone meanwhile, getApplication says so.
      const original = findApplication(numbering, app.uniqid) ?? (await getApplication(pbx.store, app.uniqid));
      setFormKeys('fields');
      setView({ kind: 'form', session: { original, draft: draftOf(original), numbering } });
    });
  const onCopy = (app: DialplanApplication) => {
    if (refuseReadonly()) return;
    act(async () => {
      const copy = await copyApplication(pbx.store, app.uniqid);
      list.saved(copy);
      setReveal({ uniqid: copy.uniqid });
      storeChanged();
      toast.success(m.copied(app.extension, copy.extension, copy.name));
    });
  };
  const onDelete = (app: DialplanApplication) => {
    if (refuseReadonly()) return;
    act(async () => {
      const answer = await confirm({ title: m.deleteTitle(app.extension, app.name), message: m.deleteMessage(app.uniqid, app.type) });
      if (!answer.confirmed) return;
      const deleted = await deleteApplication(pbx.store, app.uniqid);
      list.removed(deleted.uniqid);
      storeChanged();
      toast.success(m.deleted(deleted.extension, deleted.name));
    });
  };
  const onPreview = (app: DialplanApplication) =>
    act(async () => {
      const preview = await previewApplication(pbx.store, app.uniqid);
      setView({ kind: 'preview', title: m.preview.titleOf(preview.application.extension, preview.application.name), generated: preview });
    });
  const onSaved = (app: DialplanApplication, outcome: SaveOutcome) => {
    if (outcome !== 'unchanged') {
      list.saved(app);
      storeChanged();
    }
    if (outcome === 'created') setReveal({ uniqid: app.uniqid });
    const say = outcome === 'created' ? m.created : outcome === 'saved' ? m.saved : m.unchanged;
    const said = say(app.extension, app.name);
    setView({ kind: 'list' });
    if (outcome === 'unchanged' || app.type !== 'php') {
      toast.success(said);
      return;
    }
    // php -l on save, when the PBX has php: one note says both what was saved and what php said
    // (a second toast would replace the first at once).
    void checkApplicationScript(app).then(
      (php) => {
        if (!php) return toast.success(said);
        const where = php.checked && !php.ok && php.line !== null ? ` (line ${php.line})` : '';
        const text = `${said} ${m.preview.phpCheck(`${visibleText(php.message)}${where}`)}`;
        if (php.checked && !php.ok) toast.error(text);
        else toast.success(text);
      },
      () => toast.success(said),
    );
  };
  const backToList = () => setView({ kind: 'list' });
  // Leaving the form unsaved: it may have failed because someone else changed the store.
  const closeForm = () => {
    list.reload();
    backToList();
  };

  const body =
    list.apps !== undefined ? (
      <ApplicationList
        apps={list.apps}
        width={width}
        height={height}
        isActive={view.kind === 'list'}
        failure={failure}
        onCreate={onCreate}
        onEdit={onEdit}
        onCopy={onCopy}
        onDelete={onDelete}
        onPreview={onPreview}
        reveal={reveal}
      />
    ) : list.load.status === 'failed' ? (
      <ErrorLines error={{ ...errorOf(list.load.error), message: `${m.loadFailed} ${errorOf(list.load.error).message}` }} width={width} />
    ) : (
      <BusyLine what={m.loading} width={width} />
    );

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box display={view.kind === 'list' ? 'flex' : 'none'} flexDirection="column" width={width} height={height}>
        {body}
      </Box>
      {view.kind === 'form' ? (
        <ApplicationForm session={view.session} width={width} height={height} isActive onSaved={onSaved} onClose={closeForm} onKeysMode={setFormKeys} />
      ) : null}
      {view.kind === 'preview' ? <PreviewView title={view.title} generated={view.generated} width={width} height={height} onClose={backToList} /> : null}
    </Box>
  );
}
