import { isMultiKeyChunk, splitChunk, useForwardDeleteDetector } from '../../components/code-editor/index.js';
import { KeyPriority, useKeyLayer } from '../../hooks/use-keymap.js';
import { isLineField, type ApplicationFormAction, type FormFocus } from './use-application-form-state.js';

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
  const forwardDelete = useForwardDeleteDetector(isActive && !busy && !zoom && isLineField(focus));

  useKeyLayer(
    (e) => {
      if (isMultiKeyChunk(e.input) && !e.key.ctrl && !e.key.meta) {
        for (const part of splitChunk(e.input)) {
          if (part.kind === 'text') dispatch({ type: 'edit', edit: { type: 'insert', text: part.text } });
          else if (part.key === 'backspace') dispatch({ type: 'edit', edit: { type: 'backspace' } });
          else dispatch({ type: 'focus-by', by: 1 });
        }
        return true;
      }
      if (e.is('basic.back')) handlers.cancel();
      else if (e.is('form.nextField') || e.is('basic.confirm')) dispatch({ type: 'focus-by', by: 1 });
      else if (e.is('form.previousField')) dispatch({ type: 'focus-by', by: -1 });
      else if (focus === 'type') {
        if (!e.is('dialplan.typeSwitch')) return false;
        dispatch({ type: 'switch-type', by: e.key.leftArrow ? -1 : 1 });
      } else if (e.key.backspace) dispatch({ type: 'edit', edit: { type: 'backspace' } });
      else if (e.key.delete) dispatch({ type: 'edit', edit: { type: forwardDelete() ? 'delete' : 'backspace' } });
      else if (e.key.leftArrow) dispatch({ type: 'edit', edit: { type: 'left' } });
      else if (e.key.rightArrow) dispatch({ type: 'edit', edit: { type: 'right' } });
      else if (e.key.home) dispatch({ type: 'edit', edit: { type: 'home' } });
      else if (e.key.end) dispatch({ type: 'edit', edit: { type: 'end' } });
      else if (e.printable) dispatch({ type: 'edit', edit: { type: 'insert', text: e.input } });
      else return false;
      return true;
    },
    { priority: KeyPriority.field, isActive: isActive && !busy && !zoom && focus !== 'code' },
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
