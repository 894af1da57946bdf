/**
 * How good a fit is, and how well it pins its parameters, from what calibrate measured at the
 * fit and at each parameter's nudge (no further runs):
 * - goodness: each reproduced target's miss in tolerances (0 inside a range) against the
 *   replicate noise of its mean, and their sum of squares over the degrees of freedom;
 * - a linearised interval per parameter: the values whose targets stay within about their
 *   tolerances, from (S'S)^-1 with S the sensitivity matrix (a tolerance read as a 95% half-width);
 * - a bootstrap over replicate seeds: the fit redone one Gauss-Newton step from resampled
 *   replicates, 200 times, so its spread is what replicate noise alone does to the fitted values.
 */
import { Matrix, inverse, pseudoInverse } from 'ml-matrix';
import seedrandom from 'seedrandom';
import type { Target } from '../../scenario/schema.js';
import { NUDGE, type ParameterSpace } from '../analysis/parameter-space.js';
import { estimate, quantile } from '../batch/statistics.js';
import { targetDistance, targetMiss, toleranceScale } from './targets.js';

/** A fit's measurements: per reproduced target, its value in each replicate (same seeds everywhere). */
export type ReplicateValues = readonly (readonly number[])[];

interface TargetResidual {
  readonly target: string;
  /** Miss in tolerances (0 inside a range). */
  readonly miss: number;
  /** Standard error of the mean, in tolerances. */
  readonly noise: number;
  /** The miss is within two standard errors: replicate noise could explain it. */
  readonly consistent: boolean;
}

interface ParameterInterval {
  readonly path: string;
  readonly value: number;
  /** Linearised: the values that keep the targets within about their tolerances (undefined when S'S is singular). */
  readonly linearised: readonly [number, number] | undefined;
  /** 2.5% and 97.5% of the bootstrap over replicate seeds. */
  readonly bootstrap: readonly [number, number] | undefined;
}

export interface FitQuality {
  readonly residuals: readonly TargetResidual[];
  /** Sum of squared misses, in tolerances. */
  readonly chiSquare: number;
  readonly degreesOfFreedom: number;
  readonly intervals: readonly ParameterInterval[];
}

const BOOTSTRAP_SAMPLES = 200;

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Signed change in each target's distance per nudge of each parameter (targets × parameters). */
export function sensitivityMatrix(targets: readonly Target[], at: readonly number[], moved: readonly (readonly number[])[], nudges: readonly number[]): number[][] {
  // `|| 0`: a target a downward nudge leaves alone moves by 0, not -0.
  return targets.map((target, t) => moved.map((means, p) => ((targetDistance(target, means[t]!) - targetDistance(target, at[t]!)) * NUDGE) / nudges[p]! || 0));
}

export function fitQuality(
  targets: readonly Target[],
  space: ParameterSpace,
  fitted: readonly number[],
  at: ReplicateValues,
  moved: readonly ReplicateValues[],
  rootSeed: number,
): FitQuality {
  const residuals = targets.map((target, t) => {
    const { mean: value, sd, n } = estimate(at[t]!);
    const miss = targetMiss(target, value);
    const noise = n > 0 ? sd / Math.sqrt(n) / toleranceScale(target) : 0;
    return { target: target.id, miss, noise, consistent: Math.abs(miss) <= 2 * noise };
  });
  const nudges = fitted.map((_, p) => space.nudgeOf(fitted, p));
  const means = (values: ReplicateValues) => values.map(mean);
  const matrix = sensitivityMatrix(
    targets,
    means(at),
    moved.map((values) => means(values)),
    nudges,
  );
  const point = space.toPoint(fitted);
  const linearised = linearisedHalfWidths(matrix);
  const bootstrap = moved.length === fitted.length && targets.length >= fitted.length ? bootstrapPoints(targets, point, at, moved, nudges, rootSeed) : undefined;
  const toValue = (p: number, x: number) => {
    const shifted = [...point];
    shifted[p] = Math.min(1, Math.max(0, x));
    return Number(space.toValues(shifted)[p]!.toPrecision(4));
  };
  return {
    residuals,
    chiSquare: residuals.reduce((sum, residual) => sum + residual.miss ** 2, 0),
    degreesOfFreedom: targets.length - fitted.length,
    intervals: space.free.map((parameter, p) => {
      const halfWidth = linearised?.[p];
      const samples = bootstrap?.map((sample) => sample[p]!).sort((a, b) => a - b);
      return {
        path: parameter.path,
        value: fitted[p]!,
        linearised: halfWidth === undefined ? undefined : ([toValue(p, point[p]! - halfWidth), toValue(p, point[p]! + halfWidth)] as const),
        bootstrap: samples === undefined ? undefined : ([toValue(p, quantile(samples, 0.025)), toValue(p, quantile(samples, 0.975))] as const),
      };
    }),
  };
}

/** Half-widths in the box: NUDGE · sqrt((S'S)^-1)_ii, a target's tolerance read as its 95% half-width. */
function linearisedHalfWidths(matrix: readonly (readonly number[])[]): number[] | undefined {
  const parameters = matrix[0]?.length ?? 0;
  if (matrix.length < parameters || parameters === 0) return undefined;
  const s = new Matrix(matrix.map((row) => [...row]));
  try {
    const covariance = inverse(s.transpose().mmul(s));
    const widths = covariance.diag().map((variance) => NUDGE * Math.sqrt(variance));
    return widths.every(Number.isFinite) ? widths : undefined;
  } catch {
    return undefined;
  }
}

/** Points in the box: one Gauss-Newton step from the fit, on replicates drawn with replacement. */
function bootstrapPoints(
  targets: readonly Target[],
  point: readonly number[],
  at: ReplicateValues,
  moved: readonly ReplicateValues[],
  nudges: readonly number[],
  rootSeed: number,
): number[][] {
  const random = seedrandom(`${rootSeed}/bootstrap`);
  const replicates = at[0]?.length ?? 0;
  const samples: number[][] = [];
  for (let sample = 0; sample < BOOTSTRAP_SAMPLES; sample++) {
    const picks = Array.from({ length: replicates }, () => Math.floor(random() * replicates));
    const meanOf = (values: readonly number[]) => mean(picks.map((pick) => values[pick]!));
    const atMeans = at.map(meanOf);
    const matrix = sensitivityMatrix(
      targets,
      atMeans,
      moved.map((values) => values.map(meanOf)),
      nudges,
    );
    const residual = Matrix.columnVector(targets.map((target, t) => targetDistance(target, atMeans[t]!)));
    const step = pseudoInverse(new Matrix(matrix)).mmul(residual).to1DArray();
    samples.push(point.map((x, p) => x - NUDGE * step[p]!));
  }
  return samples;
}
