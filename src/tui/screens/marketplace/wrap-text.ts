import { textWidth, truncateText } from '../../text-fit.js';

/**
 * Word-wrap `text` to lines of at most `width` cells; lines after the first of each
 * paragraph start with `indent` spaces. A word longer than a line is cut into pieces.
 * Errors on this screen are whole sentences with a hint after them (the session monitor,
 * the diagnostics): cutting them at the edge would lose what to do.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(Math.max(0, Math.min(indent, width - 1)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let room = Math.max(1, width);
    const start = lines.length;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (line !== '') {
        lines.push(lines.length > start ? pad + line : line);
        room = Math.max(1, width - pad.length);
      }
      line = word;
      while (textWidth(line) > room) {
        const head = truncateText(line, room, '');
        lines.push(lines.length > start ? pad + head : head);
        room = Math.max(1, width - pad.length);
        line = line.slice(head.length);
      }
    }
    lines.push(lines.length > start ? pad + line : line);
  }
  return lines;
}
