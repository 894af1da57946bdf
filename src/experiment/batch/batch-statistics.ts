/** Statistics over a batch's rows: per metric, mean, standard deviation and a 95% t-interval. */
import type { BatchRow } from './replicate-rows.js';
import { estimate, type Estimate } from './statistics.js';

/** Metrics a batch reports its precision on (`--precision`); what live commerce gained the farmers first. */
export const HEADLINE_METRICS = ['gain', 'gmv', 'orders', 'farmerRevenue'] as const;

export function estimatesByMetric(rows: readonly BatchRow[]): Record<string, Estimate> {
  const first = rows[0];
  if (!first) return {};
  return Object.fromEntries(Object.keys(first.metrics).map((metric) => [metric, estimate(rows.map((row) => row.metrics[metric]!))]));
}

/** Half-width of the 95% interval as a share of the mean (0 when the mean is 0 and the spread too). */
function relativeHalfWidth(estimate: Estimate): number {
  const half = (estimate.ci95[1] - estimate.ci95[0]) / 2;
  if (half === 0) return 0;
  return estimate.mean === 0 ? Number.POSITIVE_INFINITY : half / Math.abs(estimate.mean);
}

/** Whether the headline metrics are estimated to within `precision` (a share of their means). */
export function preciseEnough(rows: readonly BatchRow[], precision: number): boolean {
  if (rows.length < 3) return false;
  const estimates = estimatesByMetric(rows);
  return HEADLINE_METRICS.every((metric) => relativeHalfWidth(estimates[metric]!) <= precision);
}
