export { ProgressBar, progressPercent, type ProgressBarProps } from './progress-bar.js';
export { formatBytes } from './format-bytes.js';
