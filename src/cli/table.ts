/**
 * Tables for the terminal: columns padded to their widest cell, and, when the whole is wider than
 * the terminal, one column (the one with free text: a name, a description) cut with "…", then
 * optional columns dropped from the right, so a row never wraps. Off a terminal (a pipe, a file)
 * nothing is cut: machines get --json or CSV, and a file can be as wide as it likes.
 */
export interface TableLayout {
  /** Columns aligned right (numbers). */
  readonly right?: readonly number[];
  /** The column to cut first when the table is too wide. */
  readonly shrink?: number;
  /** Columns that may be left out, least needed first, when cutting is not enough. */
  readonly optional?: readonly number[];
  /** Characters before every row. */
  readonly indent?: string;
  /** Terminal width; Infinity for no limit. */
  readonly width: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (text: string) => text.replace(ANSI, '').length;
const MIN_SHRUNK = 12;

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], layout: TableLayout): string[] {
  const indent = layout.indent ?? '';
  let columns = header.map((_, index) => index);
  const naturalWidth = (column: number) => Math.max(visible(header[column]!), ...rows.map((row) => visible(row[column] ?? '')));
  const total = (kept: readonly number[], widths: ReadonlyMap<number, number>) => indent.length + kept.reduce((sum, column) => sum + widths.get(column)!, 0) + 2 * (kept.length - 1);
  const widths = new Map(columns.map((column) => [column, naturalWidth(column)]));
  if (total(columns, widths) > layout.width && layout.shrink !== undefined) {
    const over = total(columns, widths) - layout.width;
    widths.set(layout.shrink, Math.max(MIN_SHRUNK, widths.get(layout.shrink)! - over));
  }
  for (const column of layout.optional ?? []) {
    if (total(columns, widths) <= layout.width) break;
    columns = columns.filter((candidate) => candidate !== column);
  }
  const right = new Set(layout.right ?? []);
  const cell = (text: string, column: number) => {
    const width = widths.get(column)!;
    const fitted = visible(text) > width ? `${text.replace(ANSI, '').slice(0, width - 1)}…` : text;
    const pad = ' '.repeat(Math.max(0, width - visible(fitted)));
    return right.has(column) ? pad + fitted : fitted + pad;
  };
  const line = (cells: readonly string[]) => `${indent}${columns.map((column) => cell(cells[column] ?? '', column)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
