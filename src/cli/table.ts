/**
 * Tables for the terminal, which never run past its width: columns padded to their widest cell;
 * when the whole is wider than the terminal, first the free-text column (a name, a meaning)
 * narrows — its text cut with "…", or wrapped onto more lines where the words matter — then
 * optional columns are left out from the right; when even that does not fit, each row becomes a
 * small block of `column: value` lines, so no column that matters is dropped. Off a terminal (a
 * pipe, a file) nothing is cut: machines get --json or CSV, and a file can be as wide as it likes.
 */
export interface TableLayout {
  /** Columns aligned right (numbers). */
  readonly right?: readonly number[];
  /** The column to narrow first when the table is too wide. */
  readonly shrink?: number;
  /** Wrap the narrowed column's text onto more lines instead of cutting it. */
  readonly wrap?: boolean;
  /** A column of prose that, when the table is too wide, goes beneath its row, wrapped, instead of beside it. */
  readonly detail?: number;
  /** Columns that may be left out, least needed first, when narrowing is not enough. */
  readonly optional?: readonly number[];
  /** Characters before every row. */
  readonly indent?: string;
  /** Terminal width; Infinity for no limit. */
  readonly width: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (text: string) => text.replace(ANSI, '').length;
const MIN_SHRUNK = 12;
/** Narrower than this, wrapped prose reads a word a line: the table is laid out another way. */
const MIN_WRAPPED = 28;
const GAP = 2;

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], layout: TableLayout): string[] {
  const indent = layout.indent ?? '';
  let columns = header.map((_, index) => index);
  const naturalWidth = (column: number) => Math.max(visible(header[column]!), ...rows.map((row) => visible(row[column] ?? '')));
  const total = (kept: readonly number[], widths: ReadonlyMap<number, number>) => indent.length + kept.reduce((sum, column) => sum + widths.get(column)!, 0) + GAP * (kept.length - 1);
  const widths = new Map(columns.map((column) => [column, naturalWidth(column)]));
  const narrow = () => {
    if (layout.shrink === undefined || !columns.includes(layout.shrink) || total(columns, widths) <= layout.width) return;
    const over = total(columns, widths) - layout.width;
    widths.set(layout.shrink, Math.max(Math.min(MIN_SHRUNK, naturalWidth(layout.shrink)), widths.get(layout.shrink)! - over));
  };
  narrow();
  const wrappedTooNarrow = () => layout.wrap === true && layout.shrink !== undefined && columns.includes(layout.shrink) && widths.get(layout.shrink)! < Math.min(MIN_WRAPPED, naturalWidth(layout.shrink));
  if (layout.detail !== undefined && (total(columns, widths) > layout.width || wrappedTooNarrow())) return withDetails(header, rows, layout, layout.detail);
  for (const column of layout.optional ?? []) {
    if (total(columns, widths) <= layout.width) break;
    columns = columns.filter((candidate) => candidate !== column);
    // With a column gone, the narrowed one may have its room back.
    if (layout.shrink !== undefined) widths.set(layout.shrink, naturalWidth(layout.shrink));
    narrow();
  }
  if (total(columns, widths) > layout.width) return stacked(header, rows, layout);

  const right = new Set(layout.right ?? []);
  const pad = (text: string, column: number) => {
    const space = ' '.repeat(Math.max(0, widths.get(column)! - visible(text)));
    return right.has(column) ? space + text : text + space;
  };
  const linesOf = (cells: readonly string[]): string[] => {
    const parts = columns.map((column) => {
      const text = cells[column] ?? '';
      const width = widths.get(column)!;
      if (visible(text) <= width) return [text];
      const plain = text.replace(ANSI, '');
      return column === layout.shrink && layout.wrap ? wrapText(plain, width) : [`${plain.slice(0, width - 1)}…`];
    });
    const height = Math.max(...parts.map((part) => part.length));
    return Array.from({ length: height }, (_, line) => `${indent}${columns.map((column, index) => pad(parts[index]![line] ?? '', column)).join(' '.repeat(GAP))}`.trimEnd());
  };
  return [...linesOf(header), ...rows.flatMap(linesOf)];
}

/** The table without its `detail` column, each row followed by that column's text, wrapped beneath it. */
function withDetails(header: readonly string[], rows: readonly (readonly string[])[], layout: TableLayout, detail: number): string[] {
  const keep = (cells: readonly string[]) => cells.filter((_, column) => column !== detail);
  const shift = (column: number) => (column > detail ? column - 1 : column);
  const { detail: _detail, shrink: _shrink, wrap: _wrap, ...rest } = layout;
  const lines = formatTable(keep(header), rows.map(keep), { ...rest, right: layout.right?.filter((column) => column !== detail).map(shift), optional: layout.optional?.filter((column) => column !== detail).map(shift) });
  // Even without the detail column the rows do not fit on a line each: every row as a block.
  if (lines.length !== rows.length + 1) return stacked(header, rows, layout);
  const indent = `${layout.indent ?? ''}    `;
  const [head, ...body] = lines;
  return [head!, ...body.flatMap((line, index) => [line, ...wrapText(rows[index]![detail] ?? '', Math.max(MIN_SHRUNK, layout.width - indent.length)).map((part) => `${indent}${part}`)])];
}

/**
 * Each row as a block: its first cell, then `column: value` for the others, wrapped to the width.
 * The first line says so, where a table's header would be (callers print it as one).
 */
function stacked(header: readonly string[], rows: readonly (readonly string[])[], layout: TableLayout): string[] {
  const indent = layout.indent ?? '';
  const label = Math.max(...header.slice(1).map((name) => visible(name))) + 2;
  // Labels too long to leave room beside them: each value goes on the line under its label.
  const beside = indent.length + 2 + label + MIN_SHRUNK <= layout.width;
  const room = Math.max(MIN_SHRUNK, layout.width - indent.length - (beside ? 2 + label : 4));
  const field = (name: string, text: string) => {
    const parts = wrapText(text.replace(ANSI, ''), room);
    if (!beside) return [fitLine(`${indent}  ${name}:`, layout.width)[0]!, ...parts.map((part) => `${indent}    ${part}`)];
    return parts.map((part, line) => `${indent}  ${(line === 0 ? `${name}:` : '').padEnd(label)}${part}`.trimEnd());
  };
  return [
    `${indent}one block per ${header[0] ?? 'row'}`.slice(0, Math.max(1, layout.width)),
    ...rows.flatMap((row) => [...fitLine(`${indent}${row[0] ?? ''}`, layout.width, indent), ...header.slice(1).flatMap((name, index) => (row[index + 1] ? field(name, row[index + 1]!) : []))]),
  ];
}

/** Text broken at spaces into lines of at most `width` characters (a word longer than that is cut). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((candidate) => candidate !== '')) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line === '') line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  return [...lines, line];
}

/** A line of prose (a title, a reading) that fits the width: as it is, or wrapped without its colours. */
export function fitLine(text: string, width: number, indent = ''): string[] {
  if (visible(text) <= width) return [text];
  const room = Math.max(MIN_SHRUNK, width - indent.length);
  return wrapText(text.replace(ANSI, '').trim(), room).map((line) => `${indent}${line}`);
}
