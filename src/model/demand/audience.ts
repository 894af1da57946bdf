/**
 * Who watches: the arrival curve of a broadcast (ramp-up, peak, decay), and how long viewers
 * stay. Both fidelities use these same functions; the cohort kernel turns the dwell
 * distribution into per-step departure probabilities and expected watching time.
 */
import { exponential, lognormal } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';
import type { BehaviourParams, SeriesParams } from '../params.js';

const RAMP_START_LEVEL = 0.2;

/**
 * Relative arrival rate over a broadcast: rises linearly from 20% to 1 over `rampUp`, then stays
 * at 1 or halves every `halfLife`.
 */
export class ArrivalCurve {
  readonly rampUp: number;
  /** Decay rate per minute after the ramp (0: flat). */
  readonly decay: number;

  constructor(audience: SeriesParams['audience']) {
    this.rampUp = audience.rampUp;
    this.decay = audience.halfLife === undefined ? 0 : Math.LN2 / audience.halfLife;
  }

  /** Relative rate at `t` minutes into the broadcast (at most 1). */
  at(t: number): number {
    if (t < this.rampUp) return RAMP_START_LEVEL + ((1 - RAMP_START_LEVEL) * t) / this.rampUp;
    return this.decay === 0 ? 1 : Math.exp(-this.decay * (t - this.rampUp));
  }

  /**
   * The time at which the curve's integral reaches `area` (+Infinity if it never does): the
   * inverse of integralTo. Arrivals drawn through it keep the k-th arrival on the k-th number
   * of the stream, whatever the audience size, which is what paired comparisons need.
   */
  timeAtIntegral(area: number): number {
    if (area <= 0) return 0;
    const rampArea = this.integralTo(this.rampUp);
    if (this.rampUp > 0 && area <= rampArea) {
      // 0.4 t^2 / R + 0.2 t = area
      const a = (1 - RAMP_START_LEVEL) / (2 * this.rampUp);
      return (-RAMP_START_LEVEL + Math.sqrt(RAMP_START_LEVEL * RAMP_START_LEVEL + 4 * a * area)) / (2 * a);
    }
    const rest = area - rampArea;
    if (this.decay === 0) return this.rampUp + rest;
    return rest * this.decay >= 1 ? Number.POSITIVE_INFINITY : this.rampUp - Math.log(1 - rest * this.decay) / this.decay;
  }

  /** Integral of the curve from 0 to `t`. */
  integralTo(t: number): number {
    const ramp = Math.min(t, this.rampUp);
    let total = this.rampUp === 0 ? 0 : RAMP_START_LEVEL * ramp + ((1 - RAMP_START_LEVEL) * ramp * ramp) / (2 * this.rampUp);
    if (t > this.rampUp) {
      const after = t - this.rampUp;
      total += this.decay === 0 ? after : (1 - Math.exp(-this.decay * after)) / this.decay;
    }
    return total;
  }
}

/** How long a viewer stays. */
export interface DwellDistribution {
  sample(uniform: Uniform): number;
  /** P(dwell > t). */
  survival(t: number): number;
  /** A time beyond which almost nobody stays (99.9th percentile). */
  readonly longTail: number;
  /** True when departures are memoryless (exponential). */
  readonly memoryless: boolean;
}

export function dwellDistribution(spec: BehaviourParams['dwell']): DwellDistribution {
  if (spec.kind === 'exponential') {
    const mean = spec.mean;
    return {
      sample: (uniform) => exponential(uniform, mean),
      survival: (t) => Math.exp(-t / mean),
      longTail: mean * Math.log(1000),
      memoryless: true,
    };
  }
  const median = spec.median;
  const sigma = spec.sigma;
  return {
    sample: (uniform) => lognormal(uniform, median, sigma),
    survival: (t) => (t <= 0 ? 1 : 1 - normalCdf(Math.log(t / median) / sigma)),
    longTail: median * Math.exp(3.09 * sigma),
    memoryless: false,
  };
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 on erf; absolute error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const MAX_AGE_BUCKETS = 720;
const QUADRATURE_PIECES = 16;

/**
 * Cohort fidelity's view of the dwell distribution for a time step `step`. Viewers are grouped by
 * how many step boundaries they have lived through; a viewer arriving during a step is taken to
 * arrive, on average, uniformly within it.
 */
export class CohortKernel {
  /** Probability that a viewer of age bucket a leaves during the next step. */
  readonly leave: Float64Array;
  /** Expected minutes watched during the next step by a viewer of age bucket a, as a share of the step. */
  readonly exposure: Float64Array;
  /** Probability that a viewer arriving during a step is still there at its end. */
  readonly arrivalSurvives: number;
  /** Expected share of the step watched by a viewer arriving during it. */
  readonly arrivalExposure: number;

  constructor(
    dwell: DwellDistribution,
    readonly step: number,
  ) {
    const buckets = dwell.memoryless ? 1 : Math.min(MAX_AGE_BUCKETS, Math.max(1, Math.ceil(dwell.longTail / step)));
    this.leave = new Float64Array(buckets);
    this.exposure = new Float64Array(buckets);
    for (let bucket = 0; bucket < buckets; bucket++) {
      const age = dwell.memoryless ? 0 : (bucket + 0.5) * step;
      const alive = dwell.survival(age);
      if (alive <= 1e-12) {
        this.leave[bucket] = 1;
        this.exposure[bucket] = 0;
        continue;
      }
      this.leave[bucket] = 1 - dwell.survival(age + step) / alive;
      this.exposure[bucket] = integrate((s) => dwell.survival(age + s), 0, step) / alive / step;
    }
    // A uniform arrival at u into the step stays to its end with probability S(step - u).
    this.arrivalSurvives = integrate((u) => dwell.survival(u), 0, step) / step;
    // ... and watches E[min(D, step - u)] = integral of S over [0, step - u], averaged over u.
    this.arrivalExposure = integrate((s) => (step - s) * dwell.survival(s), 0, step) / step / step;
  }
}

/** Simpson's rule. */
function integrate(f: (x: number) => number, from: number, to: number): number {
  const width = (to - from) / QUADRATURE_PIECES;
  let sum = f(from) + f(to);
  for (let piece = 1; piece < QUADRATURE_PIECES; piece++) sum += (piece % 2 === 1 ? 4 : 2) * f(from + piece * width);
  return (sum * width) / 3;
}
