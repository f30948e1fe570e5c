export { BusyLine, type BusyLineProps } from './busy-line.js';
