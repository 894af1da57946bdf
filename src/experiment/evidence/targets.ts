/**
 * Figures (calibration targets and validation figures) read off a run's monthly timeseries (the
 * same table as timeseries.csv), and judged on the 95% interval of their mean over replicates:
 * a figure passes only when the whole interval lies inside its tolerance or range.
 */
import type { Figure, Target, ValidationRelation } from '../../scenario/schema.js';
import type { TargetFit } from './identification.js';
import type { Estimate } from '../batch/statistics.js';
import type { TimeseriesTable, TimeseriesRow } from '../run/timeseries.js';

type Period = NonNullable<Figure['period']>;

function inPeriod(rows: readonly TimeseriesRow[], period: Period | undefined): TimeseriesRow[] {
  return period === undefined ? [...rows] : rows.filter((row) => row.period >= period.from && row.period <= period.to);
}

function column(row: TimeseriesRow, metric: string): number {
  const value = row.values[metric];
  if (value === undefined) throw new Error(`timeseries has no column \`${metric}\``);
  return value;
}

const sum = (rows: readonly TimeseriesRow[], metric: string) => rows.reduce((total, row) => total + column(row, metric), 0);

/** A sum over rows, divided by the figure's `per` level at the last of them (0 when that is 0). */
function sumPer(rows: readonly TimeseriesRow[], metric: string, per: string | undefined): number {
  const total = sum(rows, metric);
  if (per === undefined) return total;
  const level = rows.length === 0 ? 0 : column(rows[rows.length - 1]!, per);
  return level === 0 ? 0 : total / level;
}

/** The target's metric in one run. */
export function measureTarget(target: Figure, table: TimeseriesTable): number {
  const rows = inPeriod(table.rows, target.period);
  const { metric } = target;
  switch (target.aggregate) {
    case 'sum':
      return sumPer(rows, metric, target.per);
    case 'last':
      return rows.length === 0 ? 0 : column(rows[rows.length - 1]!, metric);
    case 'change': {
      // A level's growth over the months: its last value minus its value at the end of the month before them.
      if (rows.length === 0) return 0;
      const before = table.rows.filter((row) => row.period < rows[0]!.period);
      return column(rows[rows.length - 1]!, metric) - (before.length === 0 ? 0 : column(before[before.length - 1]!, metric));
    }
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
      const byYear = new Map<string, TimeseriesRow[]>();
      for (const row of rows) byYear.set(row.period.slice(0, 4), [...(byYear.get(row.period.slice(0, 4)) ?? []), row]);
      const years = [...byYear.values()].map((months) => sumPer(months, metric, target.per));
      return years.slice(1).filter((value, index) => value > years[index]!).length;
    }
    case 'per-broadcast': {
      const broadcasts = sum(rows, 'broadcasts');
      return broadcasts === 0 ? 0 : sum(rows, metric) / broadcasts;
    }
    case 'products-sold':
      return (target.products ?? []).filter((product) => sum(rows, `units:${product}`) > 0).length;
  }
}

/**
 * The values a figure can take at all, where its measure bounds them (a t-interval around a mean
 * can reach past them): a count of rising years lies between 0 and the year pairs of its period.
 */
function figureBounds(target: Figure): readonly [number, number] {
  if (target.aggregate === 'years-rising' && target.period) return [0, Number(target.period.to.slice(0, 4)) - Number(target.period.from.slice(0, 4))];
  return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
}

/** What a figure is, as `check` reports it: reproduced by mechanisms, set by the scenario, or validation. */
export type FigureKind = 'reproduced' | 'input' | 'validation';

export interface TargetVerdict {
  readonly target: string;
  readonly kind: FigureKind;
  readonly metric: string;
  /** How the metric is read: its aggregate and months (e.g. "sum 2019-01..2019-12"). */
  readonly measures: string;
  /** The figure, or the range [low, high]. */
  readonly expected: number | readonly [number, number];
  /** The allowed relative error around `expected` (undefined for a range). */
  readonly tolerance: number | undefined;
  readonly simulated: Estimate;
  /** Relative distance of the mean from the figure (for a range: from its nearest end; 0 inside). */
  readonly relativeError: number;
  /** The whole 95% interval lies inside the tolerance or range. */
  readonly pass: boolean;
  /** A target's standing in the fit: reproduced, fitted exactly by its own knobs (identification.ts), or an input; undefined when not measured. */
  readonly fit?: TargetFit | 'input' | undefined;
  /** A validation figure's declared relation to the targets and inputs. */
  readonly relation?: ValidationRelation | undefined;
}

/** The aggregate and months a figure reads, in words. */
function describeMeasure(figure: Figure): string {
  const months = (figure.period ? ` ${figure.period.from}..${figure.period.to}` : ' whole run') + (figure.per ? ` per ${figure.per}` : '');
  const over = figure.aggregate === 'ratio' && figure.denominator ? ` / ${figure.denominator.from}..${figure.denominator.to}` : '';
  return `${figure.aggregate}${months}${over}`;
}

export function judgeTarget(target: Figure, simulated: Estimate, kind: FigureKind = 'kind' in target ? target.kind : 'validation'): TargetVerdict {
  const mean = simulated.mean;
  // The interval stops where the figure's own values do.
  const [floor, ceiling] = figureBounds(target);
  const lowEnd = Math.max(simulated.ci95[0], floor);
  const highEnd = Math.min(simulated.ci95[1], ceiling);
  let relativeError: number;
  let pass: boolean;
  if (target.range) {
    const [low, high] = target.range;
    const nearest = mean < low ? low : mean > high ? high : mean;
    relativeError = nearest === 0 ? mean - nearest : (mean - nearest) / Math.abs(nearest);
    pass = lowEnd >= low && highEnd <= high;
  } else {
    const expected = target.expected!;
    relativeError = expected === 0 ? mean : (mean - expected) / Math.abs(expected);
    const allowed = Math.abs(expected) * target.tolerance!;
    pass = lowEnd >= expected - allowed && highEnd <= expected + allowed;
  }
  return {
    target: target.id,
    kind,
    metric: target.metric,
    measures: describeMeasure(target),
    expected: target.range ?? target.expected!,
    tolerance: target.range ? undefined : target.tolerance,
    simulated: { ...simulated, ci95: [lowEnd, highEnd] },
    relativeError,
    pass,
  };
}

/**
 * How far a mean is from a target, in units of its tolerance (for a range: from its middle, or
 * its `aim`, in half-widths, so a fit does not stop at an edge where replicate noise would tip
 * it out): the calibration objective sums the squares of these.
 */
export function targetDistance(target: Target, mean: number): number {
  if (target.range) {
    const [low, high] = target.range;
    return (mean - (target.aim ?? (low + high) / 2)) / toleranceScale(target);
  }
  return (mean - target.expected!) / toleranceScale(target);
}

/** A target's unit of distance in its metric's units: its tolerance, or its range's half-width. */
export function toleranceScale(target: Target): number {
  if (target.range) {
    const [low, high] = target.range;
    return Math.max((high - low) / 2, Math.abs(high) * 0.01, 1e-9);
  }
  return Math.max(Math.abs(target.expected!) * target.tolerance!, 1e-9);
}

/** How far a mean misses a target, in its units of distance: 0 inside a range, else from the nearest end (or the figure). */
export function targetMiss(target: Target, mean: number): number {
  if (target.range) {
    const [low, high] = target.range;
    return mean < low ? (mean - low) / toleranceScale(target) : mean > high ? (mean - high) / toleranceScale(target) : 0;
  }
  return targetDistance(target, mean);
}
