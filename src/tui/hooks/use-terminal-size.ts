import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import { ValidationError, reason } from '../../domain/errors.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Where each dimension came from, for the too-small message and for tests. */
export type SizeSource = 'terminal' | 'env' | 'flag' | 'default';

export interface ResolvedTerminalSize extends TerminalSize {
  source: { columns: SizeSource; rows: SizeSource };
}

/**
 * The smallest terminal the frame is laid out for: header, tabs, rule, status and footer
 * take 5 lines, which leaves 10 for a screen; 60 columns fit a table of four columns.
 * Below it the console shows "Terminal too small" and still quits on q.
 */
export const MIN_TERMINAL_SIZE: TerminalSize = { columns: 60, rows: 16 };

export const DEFAULT_TERMINAL_SIZE: TerminalSize = { columns: 80, rows: 24 };

const SIZE_FLAG = /^\s*(\d{1,4})\s*[xX×*]\s*(\d{1,4})\s*$/;

/** Parse `--size WxH` ("80x24"); throws a ValidationError that says what is expected. */
export function parseSizeFlag(value: string): TerminalSize {
  const match = SIZE_FLAG.exec(value);
  const columns = Number(match?.[1]);
  const rows = Number(match?.[2]);
  if (!match || columns < 1 || rows < 1) throw new ValidationError(reason('size_malformed', { value }), 'size');
  return { columns, rows };
}

function positive(value: number | string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The size to lay out for. Per dimension: what the terminal reports; when it says 0 or
 * nothing (serial lines), `COLUMNS`/`LINES`; then the `--size` flag; then 80x24.
 * A malformed `--size` throws (see `parseSizeFlag`), even when it would not be needed.
 */
export function resolveTerminalSize(
  reported: { columns?: number | undefined; rows?: number | undefined },
  env: NodeJS.ProcessEnv = process.env,
  sizeFlag?: string,
): ResolvedTerminalSize {
  const flag = sizeFlag !== undefined ? parseSizeFlag(sizeFlag) : undefined;
  const pick = (fromTerminal: number | undefined, fromEnv: string | undefined, fromFlag: number | undefined, fallback: number): [number, SizeSource] => {
    const terminal = positive(fromTerminal);
    if (terminal) return [terminal, 'terminal'];
    const environment = positive(fromEnv);
    if (environment) return [environment, 'env'];
    if (fromFlag) return [fromFlag, 'flag'];
    return [fallback, 'default'];
  };
  const [columns, columnsSource] = pick(reported.columns, env.COLUMNS, flag?.columns, DEFAULT_TERMINAL_SIZE.columns);
  const [rows, rowsSource] = pick(reported.rows, env.LINES, flag?.rows, DEFAULT_TERMINAL_SIZE.rows);
  return { columns, rows, source: { columns: columnsSource, rows: rowsSource } };
}

export function isTooSmall(size: TerminalSize, min: TerminalSize = MIN_TERMINAL_SIZE): boolean {
  return size.columns < min.columns || size.rows < min.rows;
}

export interface UseTerminalSizeOptions {
  /** Environment for the COLUMNS/LINES fallback. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The `--size` flag. A malformed value is ignored here (the console refuses it at start). */
  sizeFlag?: string | undefined;
}

/** The terminal's size, following resize events. */
export function useTerminalSize({ env = process.env, sizeFlag }: UseTerminalSizeOptions = {}): TerminalSize {
  const { stdout } = useStdout();
  const measure = (): TerminalSize => {
    const reported = { columns: stdout.columns, rows: stdout.rows };
    try {
      return resolveTerminalSize(reported, env, sizeFlag);
    } catch {
      return resolveTerminalSize(reported, env);
    }
  };
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => {
      const next = measure();
      setSize((current) => (current.columns === next.columns && current.rows === next.rows ? current : next));
    };
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // measure reads only these
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, env, sizeFlag]);
  return { columns: size.columns, rows: size.rows };
}
