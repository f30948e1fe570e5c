/**
 * Several keys read at once arrive from Ink as one input: text pasted, or keys typed faster
 * than the console reads them over a slow line ("abc\r", "\x7f\x7f\x7f"). Split such a chunk
 * into the text and the editing keys in it, in order; other control characters are dropped.
 */
export type ChunkPart = { kind: 'text'; text: string } | { kind: 'key'; key: 'return' | 'tab' | 'backspace' };

/** Is this input several characters that need splitting (not one key, not an escape sequence)? */
export function isMultiKeyChunk(input: string): boolean {
  return Array.from(input).length > 1 && !input.startsWith('\u001B');
}

export function splitChunk(input: string): ChunkPart[] {
  const parts: ChunkPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    const key = char === '\r' || char === '\n' ? 'return' : char === '\t' ? 'tab' : char === '\u007F' || char === '\b' ? 'backspace' : undefined;
    if (key) {
      flush();
      parts.push({ kind: 'key', key });
      // A Windows line end is one line break.
      if (char === '\r' && input[i + 1] === '\n') i++;
      // eslint-disable-next-line no-control-regex
    } else if (!/[\u0000-\u001F\u007F]/.test(char)) text += char;
  }
  flush();
  return parts;
}
