import { textWidth } from '../../text-fit.js';

/** Greedy word wrap to `width` cells; a word longer than a line is cut into pieces. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    // A line that fits keeps its spacing (release lines line up their columns).
    if (textWidth(paragraph) <= width) {
      out.push(paragraph);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (const piece of splitLong(word, width)) {
        if (line === '') line = piece;
        else if (textWidth(line) + 1 + textWidth(piece) <= width) line += ` ${piece}`;
        else {
          out.push(line);
          line = piece;
        }
      }
    }
    out.push(line);
  }
  return out;
}

function splitLong(word: string, width: number): string[] {
  if (textWidth(word) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (textWidth(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
