/** Tables fit the terminal: the free-text column is cut, then optional columns go; off a terminal nothing is cut. */
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.js';

const header = ['name', 'kind', 'when', 'GMV'];
const rows = [
  ['a-very-long-run-directory-name-2026-11-30', 'replicates', '2026-11-30 06:38', '¥559.09M'],
  ['short', 'run', '2026-11-30 06:40', '¥1.2k'],
];

describe('a table', () => {
  it('is left whole when there is room, or off a terminal', () => {
    const lines = formatTable(header, rows, { width: Number.POSITIVE_INFINITY, right: [3] });
    expect(lines[1]).toBe('a-very-long-run-directory-name-2026-11-30  replicates  2026-11-30 06:38  ¥559.09M');
  });

  it('cuts its free-text column with an ellipsis to fit', () => {
    const lines = formatTable(header, rows, { width: 60, right: [3], shrink: 0 });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^a-very-long-run-dir…/);
    expect(lines[1]).toContain('¥559.09M');
  });

  it('leaves out optional columns when cutting is not enough', () => {
    const lines = formatTable(header, rows, { width: 36, right: [3], shrink: 0, optional: [2, 1] });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(36);
    expect(lines[0]).not.toContain('when');
    expect(lines[0]).toContain('GMV');
  });
});
