/** check's table fits the terminal: a row never wraps at 80 columns. */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/commands/check.js';
import { estimate } from '../../src/experiment/batch/statistics.js';
import { judgeTarget } from '../../src/experiment/evidence/targets.js';
import { makeStyle } from '../../src/cli/style.js';

const figure = {
  id: 'qingchuan.pay_rising_with_a_long_name',
  metric: 'farmerRevenue',
  per: 'householdsSupplying',
  aggregate: 'years-rising' as const,
  period: { from: '2011-01', to: '2020-12' },
  range: [7, 9] as [number, number],
  kind: 'reproduced' as const,
  source: 'test',
};
const report = {
  scenario: 'qingchuan-mushrooms',
  rootSeed: 1,
  replicates: 10,
  secondsPerReplicate: 1.4,
  verdicts: [{ ...judgeTarget(figure, estimate([7.5, 8, 7.9])), fit: 'reproduced' as const }],
  validation: [{ ...judgeTarget({ ...figure, id: 'qingchuan.households_2016-01', relation: 'other-quantity' as const, tolerance: 0.25 }, estimate([405, 380])), relation: 'other-quantity' as const }],
  complete: true,
};

describe("check's table", () => {
  it('fits 80 columns on a terminal, leaving out the measures before a row would wrap', () => {
    const lines = formatReport(report, makeStyle(false), 80).split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toContain('qingchuan.pay_rising_with_a_long_name');
  });

  it('keeps every column off a terminal', () => {
    expect(formatReport(report, makeStyle(false))).toContain('farmerRevenue years-rising 2011-01..2020-12 per householdsSupplying');
  });
});
