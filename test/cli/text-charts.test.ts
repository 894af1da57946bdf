/** Text charts for the terminal: a forest of changes with intervals, and a line of blocks per metric. */
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/cli/style.js';
import { forestLines, sparkline } from '../../src/cli/text-charts.js';

const style = makeStyle(false);

describe('a forest of changes', () => {
  const rows = [
    { label: 'farmers’ gain', mean: 0.1, low: 0.05, high: 0.15, significant: true },
    { label: 'orders', mean: 0, low: -0.02, high: 0.02, significant: false },
    // As compare hands it over: a count's interval bounded at -100% (relativeEnd).
    { label: 'lost orders', mean: -0.9, low: -1, high: 0.4, significant: false },
  ];
  const lines = forestLines(rows, style, 80);

  it('draws each interval with its mean on one axis, zero marked, and fits the width', () => {
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const zero = lines[1]!.indexOf('●');
    // Every row's zero mark (or the mean sitting on it) is in the same column.
    expect(lines[0]![zero]).toBe('│');
    expect(lines[0]!.indexOf('●')).toBeGreaterThan(zero);
    expect(lines[2]!.indexOf('●')).toBeLessThan(zero);
  });

  it('starts its scale at the lowest end it is given', () => {
    expect(lines[2]).toMatch(/^\s+lost orders\s+├/);
    expect(lines.at(-1)).toContain('-100.0%');
  });
});

describe('a line of blocks', () => {
  it('goes from the lowest block to the highest, flat when nothing changes', () => {
    expect(sparkline([1, 2, 3, 4])).toBe('▁▃▆█');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
  });
});
