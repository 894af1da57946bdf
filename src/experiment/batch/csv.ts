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
  const [header = [], ...rows] = parseCsvRows(text);
  // A column named `__proto__` (a tampered file) must stay a plain key: Object.fromEntries makes it one.
  if (header.includes('__proto__')) return rows.map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ''])));
  // Otherwise filled key by key: every row shares one shape, and a run's 200,000 households make
  // no pair arrays to collect (the report reads households.csv).
  return rows.map((row) => {
    const record: Record<string, string> = {};
    for (let column = 0; column < header.length; column++) record[header[column]!] = row[column] ?? '';
    return record;
  });
}

/**
 * The CSV's rows as lists of cells, the header first. Runs of plain characters are sliced out
 * whole rather than added a character at a time: a national run's households.csv is tens of
 * megabytes, and a report reads it. Outside quotes a carriage return is dropped.
 */
export function parseCsvRows(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (quoted) {
      if (code !== QUOTE) continue;
      if (text.charCodeAt(index + 1) === QUOTE) {
        field += text.slice(start, index + 1);
        index++;
      } else {
        field += text.slice(start, index);
        quoted = false;
      }
      start = index + 1;
    } else if (code === COMMA || code === NEWLINE) {
      record.push(unescapeCell(field + text.slice(start, index)));
      field = '';
      start = index + 1;
      if (code === NEWLINE) {
        records.push(record);
        record = [];
      }
    } else if (code === QUOTE || code === CARRIAGE_RETURN) {
      field += text.slice(start, index);
      quoted = code === QUOTE;
      start = index + 1;
    }
  }
  field += text.slice(start);
  if (field !== '' || record.length > 0) records.push([...record, unescapeCell(field)]);
  return records;
}

const COMMA = 44;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
