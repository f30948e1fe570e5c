/**
 * A tiny terminal for tests: enough of VT100 to see where Ink's output lands
 * (text, CR, LF with scrolling, cursor up/down/column/home/next line, erase line/below).
 */
export class VirtualTerminal {
  readonly lines: string[][];
  row = 0;
  col = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => this.blank());
  }

  private blank(): string[] {
    return Array.from({ length: this.columns }, () => ' ');
  }

  private lineFeed(): void {
    if (this.row === this.rows - 1) {
      this.lines.shift();
      this.lines.push(this.blank());
    } else this.row++;
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const char = data[i]!;
      if (char === '\u001B') {
        const csi = /^\u001B\[([?0-9;]*)([A-Za-z])/.exec(data.slice(i));
        if (!csi) continue;
        i += csi[0].length - 1;
        const [, params = '', final] = csi;
        const n = Number(params.split(';')[0]) || 0;
        switch (final) {
          case 'A':
            this.row = Math.max(0, this.row - Math.max(1, n));
            break;
          case 'B':
            this.row = Math.min(this.rows - 1, this.row + Math.max(1, n));
            break;
          case 'E':
            this.row = Math.min(this.rows - 1, this.row + Math.max(1, n));
            this.col = 0;
            break;
          case 'G':
            this.col = Math.max(0, (n || 1) - 1);
            break;
          case 'H':
            this.row = 0;
            this.col = 0;
            break;
          case 'K':
            if (params === '2') this.lines[this.row] = this.blank();
            else for (let c = this.col; c < this.columns; c++) this.lines[this.row]![c] = ' ';
            break;
          case 'J':
            if (params === '2' || params === '3') for (let r = 0; r < this.rows; r++) this.lines[r] = this.blank();
            else {
              for (let c = this.col; c < this.columns; c++) this.lines[this.row]![c] = ' ';
              for (let r = this.row + 1; r < this.rows; r++) this.lines[r] = this.blank();
            }
            break;
          default:
            // Colours, modes (?25l, ?2026h): no effect on where text goes.
            break;
        }
      } else if (char === '\r') this.col = 0;
      else if (char === '\n') {
        // The tty driver's ONLCR (kept on in Node's raw mode) makes LF a CR LF.
        this.col = 0;
        this.lineFeed();
      }
      else if (this.col < this.columns) this.lines[this.row]![this.col++] = char;
    }
  }

  screen(): string[] {
    return this.lines.map((l) => l.join('').trimEnd());
  }
}
