/** Where the code editor and the preview go in the form's space. */
export interface FormLayout {
  /** Code on the left, preview on the right (wide terminals); else the preview under the code. */
  sideBySide: boolean;
  codeWidth: number;
  /** The code's title line and editor. */
  codeHeight: number;
  previewWidth: number;
  /** The preview's title line and lines; 0 when there is no room for it. */
  previewHeight: number;
}

/** From this width the preview stands beside the code. */
export const SIDE_BY_SIDE_WIDTH = 120;
/** Below this many lines for code and preview together, the preview gives way to the code. */
const STACKED_MIN_LINES = 5;

export interface FormLayoutInput {
  width: number;
  height: number;
  /** Lines of the fields block. */
  fieldLines: number;
  /** Lines under the form (busy, error). */
  statusLines: number;
}

/** The code gets a little more than half of what the title, fields and status leave. */
export function formLayout({ width, height, fieldLines, statusLines }: FormLayoutInput): FormLayout {
  const rest = Math.max(0, height - 1 - fieldLines - statusLines);
  if (width >= SIDE_BY_SIDE_WIDTH && rest >= 3) {
    const codeWidth = Math.floor((width - 1) * 0.55);
    return { sideBySide: true, codeWidth, codeHeight: rest, previewWidth: width - codeWidth - 1, previewHeight: rest };
  }
  if (rest < STACKED_MIN_LINES) return { sideBySide: false, codeWidth: width, codeHeight: Math.max(2, rest), previewWidth: width, previewHeight: 0 };
  const codeHeight = Math.ceil(rest * 0.55);
  return { sideBySide: false, codeWidth: width, codeHeight, previewWidth: width, previewHeight: rest - codeHeight };
}
