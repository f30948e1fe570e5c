import { lineEditOf } from '../../components/line-field/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import type { ApplicationFormAction, FormFocus } from './use-application-form-state.js';

export interface FormInputHandlers {
  dispatch: (action: ApplicationFormAction) => void;
  /** Esc on a field. */
  cancel: () => void;
  save: () => void;
  openExternalEditor: () => void;
  toggleZoom: () => void;
}

export interface FormInputOptions {
  focus: FormFocus;
  /** The form is shown and not covered. */
  isActive: boolean;
  /** Saving or waiting for $EDITOR: every key is ignored. */
  busy: boolean;
  /** The whole preview is shown: it reads the keys. */
  zoom: boolean;
}

/**
 * The form's keys, in two layers. Above the screen, the fields: typing, Tab/Enter/arrows to
 * move, Space/arrows on the type, Esc. Below them the form's Ctrl commands, which also keep
 * every other key from the frame (no screen switch with unsaved text); `?` still opens help.
 */
export function useFormInput(handlers: FormInputHandlers, { focus, isActive, busy, zoom }: FormInputOptions): void {
  const { dispatch } = handlers;
  useKeyLayer(
    (e) => {
      if (e.is('basic.back')) handlers.cancel();
      else if (e.is('form.nextField') || e.is('basic.confirm')) dispatch({ type: 'focus-by', by: 1 });
      else if (e.is('form.previousField')) dispatch({ type: 'focus-by', by: -1 });
      else if (focus === 'type') {
        if (!e.is('dialplan.typeSwitch')) return false;
        dispatch({ type: 'switch-type', by: e.key.leftArrow ? -1 : 1 });
      } else {
        // Ctrl-E is the form's "open in $EDITOR", not "end of line", here.
        if (e.is('dialplan.externalEditor')) return false;
        const edit = lineEditOf(e);
        if (!edit) return false;
        dispatch({ type: 'edit', edit });
      }
      return true;
    },
    { priority: KeyPriority.field, isActive: isActive && !busy && !zoom && focus !== 'code', text: focus !== 'type' },
  );

  useKeyLayer(
    (e) => {
      if (busy) return true;
      if (e.is('dialplan.save')) handlers.save();
      else if (e.is('dialplan.externalEditor')) handlers.openExternalEditor();
      else if (e.is('dialplan.zoomPreview')) handlers.toggleZoom();
      else if (e.is('app.help')) return false;
      return true;
    },
    { priority: KeyPriority.screen, isActive },
  );
}
