export { HelpOverlay, type HelpOverlayProps } from './help-overlay.js';
