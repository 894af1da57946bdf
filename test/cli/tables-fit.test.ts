/**
 * Every table every command prints fits the terminal: rendered at 80 and at 200 columns, no
 * line is wider, and the columns that matter are still there (wrapped or stacked, not dropped).
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/commands/check.js';
import { formatComparison, formatSingleComparison } from '../../src/cli/commands/compare-output.js';
import { formatDictionary } from '../../src/cli/commands/metrics.js';
import { formatBatchReport } from '../../src/cli/commands/run-batch.js';
import { formatRuns } from '../../src/cli/commands/runs.js';
import { formatEffects } from '../../src/cli/commands/sensitivity.js';
import { formatSweep } from '../../src/cli/commands/sweep.js';
import { formatBands } from '../../src/cli/commands/uncertainty.js';
import { makeStyle } from '../../src/cli/style.js';
import { comparePaired } from '../../src/experiment/analysis/compare.js';
import type { BatchRow } from '../../src/experiment/batch/replicate-rows.js';
import { estimate } from '../../src/experiment/batch/statistics.js';
import { judgeTarget } from '../../src/experiment/evidence/targets.js';

const style = makeStyle(false);
const HEADLINE = ['gain', 'gainPremium', 'farmerRevenue', 'gmv', 'orders', 'householdsAboveLine', 'lostOrders', 'conversion', 'farmerShare', 'householdsAboveLineWithoutEcommerce'];
/** National-scale values: the widest numbers a table must hold. */
const value = (metric: string, seed: number) => (metric === 'conversion' || metric === 'farmerShare' ? 0.0135 + seed / 1e4 : 1_493_630_000_000 / (1 + HEADLINE.indexOf(metric)) + seed * 1e6);
const rows = (shift: number): BatchRow[] =>
  [1, 2, 3, 4, 5].map((seed) => ({ keys: { seed }, order: seed, metrics: Object.fromEntries(HEADLINE.map((metric) => [metric, value(metric, seed) * shift])) }));
const estimates = Object.fromEntries(HEADLINE.map((metric) => [metric, estimate([1, 2, 3, 4, 5].map((seed) => value(metric, seed)))]));

const TABLES: Record<string, (width: number) => string> = {
  check: (width) => {
    const figure = { id: 'qingchuan.households_supplying_2016-01', metric: 'householdsSupplying', aggregate: 'last' as const, period: { from: '2015-12', to: '2015-12' }, range: [100, 200] as [number, number], kind: 'reproduced' as const, source: 'test' };
    return formatReport(
      {
        scenario: 'qingchuan-mushrooms',
        rootSeed: 2008,
        replicates: 10,
        secondsPerReplicate: 1.4,
        verdicts: [{ ...judgeTarget(figure, estimate([1_493_630_000_000, 1_493_640_000_000])), fit: 'reproduced' as const }],
        validation: [{ ...judgeTarget({ ...figure, id: 'peer.sales_per_supplier_2018', relation: 'other-scale' as const, tolerance: 0.5 }, estimate([2373, 2400])), relation: 'other-scale' as const }],
        complete: true,
      },
      style,
      width,
    );
  },
  compare: (width) =>
    formatComparison('national-agri --set platforms.alibaba.feeRate=0 --set platforms.jd.feeRate=0', 'national-agri --set-b platforms.pinduoduo.paymentFeeRate=0', comparePaired(rows(1), rows(1.02)), 'table', style, width),
  'compare (single runs)': (width) =>
    formatSingleComparison(
      'demo-county, seed 7 (stored: runs/demo-county-7-20261203-060950)',
      'demo-county, seed 2 (stored: runs/demo-county-2-20261203-061011)',
      HEADLINE.map((name) => ({ name, a: value(name, 1), b: value(name, 2), delta: value(name, 2) - value(name, 1), relative: 0.0012 })),
      'table',
      width,
    ),
  'run --replicates': (width) =>
    formatBatchReport(
      { scenario: 'national-agri', scenarioHash: 'x', rootSeed: 2016, replicates: 30, complete: true, livesimVersion: '0.1.0', metrics: estimates } as unknown as Parameters<typeof formatBatchReport>[0],
      'runs/national-agri-2016-20261203-061011',
      12.5,
      style,
      width,
    ),
  sweep: (width) =>
    formatSweep(
      'national-agri',
      [1, 2, 3].map((index) => ({ name: `case-${index}`, values: { 'platforms.alibaba.market.visitsPerShopper': 0.6 * index, 'behaviour.farmVisitsGrowthPerYear': 0.1 * index } })),
      [1, 2, 3].map(() => estimates),
      ['gmv', 'orders', 'farmerRevenue', 'householdsAboveLine'],
      5,
      'runs/national-agri-sweep-2016-20261203-061011',
      42,
      style,
      width,
    ),
  sensitivity: (width) =>
    formatEffects(
      'national-agri',
      'morris',
      ['gmv', 'farmerRevenue'].map((name) => ({
        name,
        reference: value(name, 1),
        effects: ['platforms.alibaba.market.visitsPerShopper', 'behaviour.farmVisitsGrowthPerYear', 'anchors.peasant-anchors.population.imitation'].map((param, index) => ({
          param,
          low: 0.0005,
          high: 0.0037,
          muStar: value(name, 1) / (index + 2),
          mu: -value(name, 1) / (index + 3),
          sigma: value(name, 1) / 10,
        })),
      })),
      style,
      width,
    ),
  uncertainty: (width) =>
    formatBands(
      'national-agri',
      64,
      9,
      HEADLINE.map((name) => ({ name, base: value(name, 1), median: value(name, 2), low: value(name, 1) / 3, high: value(name, 3) * 3 })),
      [{ target: 'national.agri_growth_with_a_long_identifier', share: 0.42, base: true }],
      style,
      width,
    ),
  runs: (width) =>
    formatRuns(
      [1, 2, 3].map((index) => ({
        id: `qingchuan-mushrooms-sweep-2008-2026120${index}-101500`,
        shortId: `3fa${index}`,
        directory: `runs/qingchuan-mushrooms-sweep-2008-2026120${index}-101500`,
        kind: 'replicates' as const,
        scenario: 'qingchuan-mushrooms',
        seed: 2008,
        replicates: 10,
        overrides: ['anchors.peasant-anchors.population.imitation=0.3'],
        createdAt: `2026-12-0${index}T10:15:00.000Z`,
        complete: true,
        gmv: 1_493_630_000_000,
        farmerRevenue: 660_000_000_000,
      })),
      style,
      width,
    ),
  metrics: (width) => formatDictionary(style, width),
};

describe.each(Object.entries(TABLES))('the %s table', (_, render) => {
  it.each([40, 60, 80, 200])('fits %i columns', (width) => {
    for (const line of render(width).split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
  });
});

describe('what narrowing keeps', () => {
  it('sweep keeps every metric at 80 columns', () => {
    const text = TABLES.sweep!(80);
    for (const metric of ['gmv', 'orders', 'farmerRevenue', 'householdsAboveLine']) expect(text).toContain(metric);
  });

  it('metrics wraps a meaning instead of cutting it', () => {
    const text = TABLES.metrics!(80);
    expect(text).not.toContain('…');
    expect(text.replace(/\s+/g, ' ')).toContain('Households’ online sales beyond the farm-gate value of the same units, plus wages');
  });

  it('runs keeps the ids compare and report take', () => {
    expect(TABLES.runs!(80)).toMatch(/^3fa1 /m);
  });
});

describe('numbers', () => {
  it('a count never reads as falling more than -100%; a loss that grows does', () => {
    const fall = comparePaired(
      [1, 2, 3].map((seed) => ({ keys: { seed }, order: seed, metrics: { lostOrders: [10, 400, 20][seed - 1]! } })),
      [1, 2, 3].map((seed) => ({ keys: { seed }, order: seed, metrics: { lostOrders: 0 } })),
    );
    const text = formatComparison('a', 'b', fall, 'table', style);
    expect(text).toContain('-100.0%');
    for (const [, percent] of text.matchAll(/([+-]?\d+\.\d)%/g)) expect(Number(percent)).toBeGreaterThanOrEqual(-100);
    const loss = comparePaired(
      [1, 2, 3].map((seed) => ({ keys: { seed }, order: seed, metrics: { gain: -100 - seed } })),
      [1, 2, 3].map((seed) => ({ keys: { seed }, order: seed, metrics: { gain: -250 - seed } })),
    );
    expect(formatComparison('a', 'b', loss, 'table', style)).toMatch(/-14\d\.\d%/);
  });

  it('one metric reads one way in a column: money as yuan, shares as percentages, changes in points', () => {
    const text = formatComparison('a', 'b', comparePaired(rows(1), rows(1.02)), 'table', style);
    expect(text).toMatch(/gmv\s+¥[\d,.]+bn\s+¥[\d,.]+bn\s+\+¥[\d,.]+bn/);
    expect(text).toMatch(/conversion\s+1\.\d\d%\s+1\.\d\d%\s+\+0\.\d\d pp/);
  });
});
