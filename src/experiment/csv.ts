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
