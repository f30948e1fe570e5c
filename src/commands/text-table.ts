import { visibleText } from '../domain/terminal-text.js';
import { textWidth, truncateText } from '../domain/text-cells.js';

/** A command's text table: a header row and rows of cells. */
export interface TextTable {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns cut only when cutting the others is not enough (a time, an id, an outcome). */
  keep?: readonly number[];
}

export interface TableFit {
  /** Columns to fit in. Default: `terminalColumns()`. */
  width?: number;
  /** `--wide`: every cell whole, however long the lines get. */
  wide?: boolean;
  /** What ends a cut cell. Default "…" ("..." with `--ascii`). */
  ellipsis?: string;
}

/** How the global options shape a table: `--wide`, and `--ascii` for the ellipsis. */
export function tableFitOf(options: { wide?: boolean; ascii?: boolean }): TableFit {
  return { ...(options.wide ? { wide: true } : {}), ellipsis: options.ascii ? '...' : '…' };
}

/** The least a column shrinks to: its header, or this many cells. */
const MIN_COLUMN = 6;
const GAP = '  ';

/**
 * The width command output fits: the terminal's when standard output is one, else `COLUMNS`,
 * else 80 (a pipe, cron, a serial line that reports nothing).
 */
export function terminalColumns(stdout: { isTTY?: boolean; columns?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/**
 * Lay a table out in columns two spaces apart, in terminal cells (a wide character takes two).
 * When the lines would be wider than `width`, the widest columns give way first, each down to
 * its header (or 6 cells) — those in `keep` only when the others cannot give enough — and a cut
 * cell ends in "…"; `wide` cuts nothing. Cells are made
 * terminal-safe (`visibleText`) and take no line breaks.
 */
export function formatTable(table: TextTable, fit: TableFit = {}): string {
  const width = fit.width ?? terminalColumns();
  const ellipsis = fit.ellipsis ?? '…';
  const clean = (cell: string) => visibleText(cell.replace(/[\r\n\t]+/g, ' '));
  const header = table.header.map(clean);
  const rows = table.rows.map((row) => header.map((_, i) => clean(row[i] ?? '')));
  const widths = header.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i]!))));
  if (!fit.wide) {
    const minimums = widths.map((w, i) => Math.min(w, Math.max(textWidth(header[i]!), MIN_COLUMN)));
    const kept = new Set(table.keep ?? []);
    shrinkToFit(widths, minimums.map((min, i) => (kept.has(i) ? widths[i]! : min)), width);
    shrinkToFit(widths, minimums, width);
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const shown = fit.wide ? cell : truncateText(cell, widths[i]!, ellipsis);
        return i === cells.length - 1 ? shown : shown + ' '.repeat(Math.max(0, widths[i]! - textWidth(shown)));
      })
      .join(GAP)
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Take cells from the widest column, one at a time, until the line fits or none can give more. */
function shrinkToFit(widths: number[], minimums: readonly number[], total: number): void {
  const lineWidth = () => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1);
  while (lineWidth() > total) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > minimums[i]! && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
    if (widest === -1) return;
    widths[widest] = widths[widest]! - 1;
  }
}
