/**
 * Tidy CSV: a header row, one record per line, RFC 4180 quoting where needed. Text that a
 * spreadsheet would run as a formula (a case name `=HYPERLINK(…)`, a swept value `+cmd|…`) is
 * written with a leading apostrophe, as OWASP's CSV-injection rule says, and read back without it.
 */

export type Cell = string | number | boolean;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(textCell).join(',')];
  for (const row of rows) lines.push(row.map((cell) => (typeof cell === 'string' ? textCell(cell) : quote(String(cell)))).join(','));
  return `${lines.join('\n')}\n`;
}

/** Starts like a formula (=, +, -, @, tab, carriage return), after any apostrophes this escaping added. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number (money written as text, "-12.50") is data, never a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function textCell(text: string): string {
  return quote(FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as it was before textCell escaped it. */
const unescapeCell = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell);

/** Yuan with two decimals, from fen. */
export const yuanCell = (fen: number): string => (Math.round(fen) / 100).toFixed(2);

/** A ratio with six decimals (enough for conversion rates, short enough to read). */
export const ratioCell = (value: number): string => value.toFixed(6);

/** Parses CSV as toCsv writes it (RFC 4180 quoting) into records keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, column) => [name, row[column] ?? ''])));
}

/** The CSV's rows as lists of cells, the header first. */
export function parseCsvRows(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(unescapeCell(field));
      field = '';
    } else if (char === '\n') {
      record.push(unescapeCell(field));
      records.push(record);
      record = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, unescapeCell(field)]);
  return records;
}
