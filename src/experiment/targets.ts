/**
 * Calibration targets read off a run's monthly timeseries (the same table as timeseries.csv),
 * and judged on the mean over replicates.
 */
import type { Target } from '../scenario/schema.js';
import type { Estimate } from './statistics.js';
import type { TimeseriesTable, TimeseriesRow } from './timeseries.js';

type Period = NonNullable<Target['period']>;

function inPeriod(rows: readonly TimeseriesRow[], period: Period | undefined): TimeseriesRow[] {
  return period === undefined ? [...rows] : rows.filter((row) => row.period >= period.from && row.period <= period.to);
}

function column(row: TimeseriesRow, metric: string): number {
  const value = row.values[metric];
  if (value === undefined) throw new Error(`timeseries has no column \`${metric}\``);
  return value;
}

const sum = (rows: readonly TimeseriesRow[], metric: string) => rows.reduce((total, row) => total + column(row, metric), 0);

/** The target's metric in one run. */
export function measureTarget(target: Target, table: TimeseriesTable): number {
  const rows = inPeriod(table.rows, target.period);
  const { metric } = target;
  switch (target.aggregate) {
    case 'sum':
      return sum(rows, metric);
    case 'last':
      return rows.length === 0 ? 0 : column(rows[rows.length - 1]!, metric);
    case 'max':
      return Math.max(0, ...rows.map((row) => column(row, metric)));
    case 'mean':
      return rows.length === 0 ? 0 : sum(rows, metric) / rows.length;
    case 'per-day': {
      const days = rows.reduce((total, row) => total + row.days, 0);
      return days === 0 ? 0 : sum(rows, metric) / days;
    }
    case 'ratio': {
      const denominator = sum(inPeriod(table.rows, target.denominator), metric);
      return denominator === 0 ? 0 : sum(rows, metric) / denominator;
    }
    case 'years-rising': {
      const byYear = new Map<string, number>();
      for (const row of rows) byYear.set(row.period.slice(0, 4), (byYear.get(row.period.slice(0, 4)) ?? 0) + column(row, metric));
      const years = [...byYear.values()];
      return years.slice(1).filter((value, index) => value > years[index]!).length;
    }
    case 'products-sold':
      return (target.products ?? []).filter((product) => sum(rows, `units:${product}`) > 0).length;
  }
}

export interface TargetVerdict {
  readonly target: string;
  readonly metric: string;
  /** The figure, or the range [low, high]. */
  readonly expected: number | readonly [number, number];
  readonly simulated: Estimate;
  /** Relative distance from the figure (for a range: from its nearest end; 0 inside). */
  readonly relativeError: number;
  readonly pass: boolean;
}

export function judgeTarget(target: Target, simulated: Estimate): TargetVerdict {
  const mean = simulated.mean;
  let relativeError: number;
  let pass: boolean;
  if (target.range) {
    const [low, high] = target.range;
    const nearest = mean < low ? low : mean > high ? high : mean;
    relativeError = nearest === 0 ? mean - nearest : (mean - nearest) / Math.abs(nearest);
    pass = mean >= low && mean <= high;
  } else {
    const expected = target.expected!;
    relativeError = expected === 0 ? mean : (mean - expected) / Math.abs(expected);
    pass = Math.abs(relativeError) <= target.tolerance!;
  }
  return { target: target.id, metric: target.metric, expected: target.range ?? target.expected!, simulated, relativeError, pass };
}

/**
 * How far a mean is from a target, in units of its tolerance (for a range: from its middle, or
 * its `aim`, in half-widths, so a fit does not stop at an edge where replicate noise would tip
 * it out): the calibration objective sums the squares of these.
 */
export function targetDistance(target: Target, mean: number): number {
  if (target.range) {
    const [low, high] = target.range;
    const halfWidth = Math.max((high - low) / 2, Math.abs(high) * 0.01, 1e-9);
    return (mean - (target.aim ?? (low + high) / 2)) / halfWidth;
  }
  const expected = target.expected!;
  return (mean - expected) / Math.max(Math.abs(expected) * target.tolerance!, 1e-9);
}
