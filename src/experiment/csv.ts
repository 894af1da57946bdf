/** Tidy CSV: a header row, one record per line, RFC 4180 quoting where needed. */

export type Cell = string | number | boolean;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map((cell) => quote(typeof cell === 'string' ? cell : String(cell))).join(','));
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
