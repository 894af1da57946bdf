/**
 * Paired comparison of two batches: replicate i of A and of B ran with the same seed, and
 * random streams are named by what draws from them, so for every entity the two scenarios
 * share the dice (common random numbers). Differences are taken replicate by replicate, and
 * their 95% t-interval tells whether B differs from A.
 */
import type { BatchRow } from '../batch/replicate-rows.js';
import { estimate, type Estimate } from '../batch/statistics.js';

export interface MetricComparison {
  readonly name: string;
  readonly a: Estimate;
  readonly b: Estimate;
  /** B minus A, paired by seed. */
  readonly delta: Estimate;
  /** The difference as a share of A's mean, with the interval scaled alike; null when A's mean is 0 or A and B differ in sign. */
  readonly relative: { readonly mean: number; readonly ci95: readonly [number, number] } | null;
  /** The difference's interval excludes zero. */
  readonly significant: boolean;
}

export interface Comparison {
  readonly replicates: number;
  readonly seeds: readonly number[];
  /** Significant changes first (largest relative change first), then the rest in their order. */
  readonly metrics: readonly MetricComparison[];
}

/** A relative change smaller than this prints as ±0.0%: never called significant. */
const NEGLIGIBLE_RELATIVE_CHANGE = 0.0005;

/**
 * Pairs the rows of A and B by seed and compares the metrics (all of them, or those named); with
 * no pair (stopped before a replicate finished, or batches of other seeds) there is nothing to compare.
 */
export function comparePaired(a: readonly BatchRow[], b: readonly BatchRow[], names?: readonly string[]): Comparison {
  const bySeed = new Map(b.map((row) => [String(row.keys.seed), row]));
  const pairs = a.flatMap((row) => {
    const other = bySeed.get(String(row.keys.seed));
    return other ? [[row, other] as const] : [];
  });
  if (pairs.length === 0) return { replicates: 0, seeds: [], metrics: [] };
  const metrics = (names && names.length > 0 ? names : Object.keys(pairs[0]![0].metrics)).map((name) => {
    const valuesA = pairs.map(([rowA]) => rowA.metrics[name]!);
    const valuesB = pairs.map(([, rowB]) => rowB.metrics[name]!);
    const a = estimate(valuesA);
    const b = estimate(valuesB);
    const delta = estimate(valuesB.map((value, index) => value - valuesA[index]!));
    // A relative change says nothing from a base of zero, or across a change of sign.
    const relative =
      a.mean === 0 || Math.sign(a.mean) * Math.sign(b.mean) < 0
        ? null
        : { mean: delta.mean / Math.abs(a.mean), ci95: [delta.ci95[0] / Math.abs(a.mean), delta.ci95[1] / Math.abs(a.mean)] as const };
    // Significant: there is an interval (two pairs or more: one pair has no spread to measure),
    // it excludes zero, and the change is not one that rounds to nothing.
    const significant = pairs.length >= 2 && (delta.ci95[0] > 0 || delta.ci95[1] < 0) && (relative === null || Math.abs(relative.mean) >= NEGLIGIBLE_RELATIVE_CHANGE);
    return { name, a, b, delta, relative, significant };
  });
  const order = (comparison: MetricComparison) => (comparison.significant ? -Math.abs(comparison.relative?.mean ?? Number.POSITIVE_INFINITY) : 0);
  return {
    replicates: pairs.length,
    seeds: pairs.map(([row]) => Number(row.keys.seed)),
    metrics: metrics.map((metric, index) => ({ metric, index })).sort((x, y) => order(x.metric) - order(y.metric) || x.index - y.index).map(({ metric }) => metric),
  };
}

/** A comparison's run directory keeps each side's replicates' months (replicates-timeseries.csv's layout). */
export const SIDE_FILES = { a: 'a-timeseries.csv', b: 'b-timeseries.csv' } as const;

/** A side of a comparison as summary.json and --json name it. */
export interface SideIdentity {
  readonly label: string;
  readonly scenario: string;
  readonly scenarioHash: string;
}

/** summary.json of a comparison (what `compare --json` prints): each shown metric's means, difference and verdict. */
export function comparisonSummary(a: SideIdentity, b: SideIdentity, comparison: Comparison, shown: readonly MetricComparison[], complete: boolean) {
  return {
    a,
    b,
    replicates: comparison.replicates,
    complete,
    seeds: comparison.seeds,
    metrics: shown.map((metric) => ({
      name: metric.name,
      a: { mean: metric.a.mean, ci95: metric.a.ci95 },
      b: { mean: metric.b.mean, ci95: metric.b.ci95 },
      delta: { mean: metric.delta.mean, ci95: metric.delta.ci95, relative: metric.relative },
      significant: metric.significant,
    })),
  };
}

export type ComparisonSummary = ReturnType<typeof comparisonSummary>;
