/** Means with confidence intervals over replicates. */

/** Two-sided 97.5% quantiles of Student's t for 1-30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile for a 95% two-sided interval (beyond 30 degrees of freedom: 1.96 + 2.4/df, within 0.002). */
export function tQuantile95(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.POSITIVE_INFINITY;
  return T_975[degreesOfFreedom - 1] ?? 1.96 + 2.4 / degreesOfFreedom;
}

export interface Estimate {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
  /** 95% t-interval for the mean ([mean, mean] with one replicate). */
  readonly ci95: readonly [number, number];
}

/** Estimates as summary.json holds them, per metric: mean, sd, ci95, n (in that order). */
export function estimatesJson(estimates: Readonly<Record<string, Estimate>>) {
  return Object.fromEntries(Object.entries(estimates).map(([metric, { mean, sd, ci95, n }]) => [metric, { mean, sd, ci95, n }]));
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
  const half = n < 2 ? 0 : (tQuantile95(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, n, ci95: [mean - half, mean + half] };
}

/** The `share` quantile of sorted values, linearly interpolated. */
export function quantile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * share;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The median of `values` and the band holding their middle 90% (5% and 95% quantiles). */
export function band(values: readonly number[]): { readonly median: number; readonly low: number; readonly high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), low: quantile(sorted, 0.05), high: quantile(sorted, 0.95) };
}
