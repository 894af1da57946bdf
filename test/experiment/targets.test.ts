import { describe, expect, it } from 'vitest';
import { estimate, tQuantile95 } from '../../src/experiment/batch/statistics.js';
import { judgeTarget, measureTarget, targetDistance } from '../../src/experiment/evidence/targets.js';
import type { TimeseriesTable } from '../../src/experiment/run/timeseries.js';
import type { Target } from '../../src/scenario/schema.js';

const table: TimeseriesTable = {
  columns: ['gmv', 'workers', 'broadcasts', 'units:apple', 'units:pear'],
  rows: [
    { period: '2018-11', days: 30, values: { gmv: 10, workers: 1, broadcasts: 2, 'units:apple': 0, 'units:pear': 0 } },
    { period: '2018-12', days: 31, values: { gmv: 20, workers: 2, broadcasts: 2, 'units:apple': 3, 'units:pear': 0 } },
    { period: '2019-01', days: 31, values: { gmv: 40, workers: 4, broadcasts: 2, 'units:apple': 0, 'units:pear': 0 } },
    { period: '2019-02', days: 28, values: { gmv: 20, workers: 3, broadcasts: 2, 'units:apple': 0, 'units:pear': 5 } },
    { period: '2020-01', days: 31, values: { gmv: 50, workers: 3, broadcasts: 2, 'units:apple': 0, 'units:pear': 0 } },
  ],
};

const target = (fields: Partial<Target>): Target => ({ id: 't', metric: 'gmv', aggregate: 'sum', source: 's', range: [0, 1], ...fields }) as Target;

describe('reading a target off the monthly timeseries', () => {
  it.each([
    ['sum over a period', { aggregate: 'sum', period: { from: '2019-01', to: '2019-12' } }, 60],
    ['the last value', { metric: 'workers', aggregate: 'last' }, 3],
    ['the largest value', { metric: 'workers', aggregate: 'max' }, 4],
    ['how much a level grew over the months', { metric: 'workers', aggregate: 'change', period: { from: '2019-01', to: '2019-02' } }, 3 - 2],
    ['how much a level grew from the run\'s start', { metric: 'workers', aggregate: 'change', period: { from: '2018-11', to: '2019-01' } }, 4],
    ['the mean of months', { metric: 'workers', aggregate: 'mean', period: { from: '2018-11', to: '2019-02' } }, 2.5],
    ['a sum per broadcast aired', { aggregate: 'per-broadcast', metric: 'workers' }, 13 / 10],
    ['a sum per day', { aggregate: 'per-day', period: { from: '2019-01', to: '2019-02' } }, 60 / 59],
    ['a ratio of two periods', { aggregate: 'ratio', period: { from: '2019-01', to: '2019-12' }, denominator: { from: '2018-01', to: '2018-12' } }, 2],
    ['calendar years that beat the one before', { aggregate: 'years-rising' }, 1],
    ['a sum per a level at the end of its months', { aggregate: 'sum', per: 'workers', period: { from: '2019-01', to: '2019-12' } }, 60 / 3],
    ['calendar years whose sum per a level beat the one before', { aggregate: 'years-rising', per: 'broadcasts', metric: 'workers' }, 1],
    ['products that sold', { aggregate: 'products-sold', products: ['apple', 'pear'], period: { from: '2019-01', to: '2020-12' } }, 1],
  ] as const)('%s', (_label, fields, expected) => {
    expect(measureTarget(target(fields as Partial<Target>), table)).toBeCloseTo(expected, 10);
  });
});

describe('judging a target on the 95% interval of its mean over replicates', () => {
  it('a figure passes when the whole interval lies within its relative tolerance', () => {
    const figure = target({ range: undefined, expected: 100, tolerance: 0.1 });
    expect(judgeTarget(figure, estimate([106, 107, 108]))).toMatchObject({ pass: true, relativeError: 0.07 });
    expect(judgeTarget(figure, estimate([115, 111])).pass).toBe(false);
    // The mean is inside, but the interval reaches past +10%: not shown to pass.
    expect(judgeTarget(figure, estimate([105, 109])).pass).toBe(false);
  });

  it('a range passes with the interval inside it, and measures its error from the nearest end', () => {
    const range = target({ range: [90, 100] });
    expect(judgeTarget(range, estimate([95, 95.5, 94.5]))).toMatchObject({ pass: true, relativeError: 0 });
    expect(judgeTarget(range, estimate([110, 110]))).toMatchObject({ pass: false, relativeError: 0.1 });
    // A mean of 93.5 whose interval reaches below 90 (weiya.broadcasts once passed like this).
    expect(judgeTarget(range, estimate([87, 100, 91, 96]))).toMatchObject({ pass: false, relativeError: 0 });
  });

  it('says what it measures and how close it must come', () => {
    const verdict = judgeTarget(target({ range: undefined, expected: 100, tolerance: 0.05, period: { from: '2019-01', to: '2019-12' }, kind: 'reproduced' }), estimate([100, 100]));
    expect(verdict).toMatchObject({ kind: 'reproduced', metric: 'gmv', measures: 'sum 2019-01..2019-12', tolerance: 0.05 });
  });

  it('calibration aims at the middle of a range, or its aim', () => {
    expect(targetDistance(target({ range: [90, 100] }), 95)).toBe(0);
    expect(targetDistance(target({ range: [90, 100] }), 100)).toBe(1);
    expect(targetDistance(target({ range: [8, 10], aim: 10 }), 10)).toBe(0);
    expect(targetDistance(target({ range: undefined, expected: 200, tolerance: 0.1 }), 220)).toBeCloseTo(1, 12);
  });
});

describe('estimates', () => {
  it('give the mean, standard deviation and a 95% t-interval', () => {
    const result = estimate([1, 2, 3, 4]);
    expect(result.mean).toBe(2.5);
    expect(result.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    const half = (3.182 * result.sd) / 2;
    expect(result.ci95[0]).toBeCloseTo(2.5 - half, 10);
    expect(result.ci95[1]).toBeCloseTo(2.5 + half, 10);
  });

  it('use t quantiles that approach the normal one', () => {
    expect(tQuantile95(1)).toBe(12.706);
    expect(tQuantile95(30)).toBe(2.042);
    expect(tQuantile95(120)).toBeCloseTo(1.98, 2);
  });
});
