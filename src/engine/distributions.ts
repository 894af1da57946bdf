/**
 * Samplers for the distributions the model draws from, each taking a uniform source so that
 * every draw comes from a named, seeded stream. Exact algorithms (inversion, PTRS, Marsaglia-
 * Tsang, Devroye's beta splitting), not normal approximations: cohort fidelity draws Poisson
 * and binomial counts in the millions and must agree in distribution with the agent model.
 */
import type { Uniform } from './random.js';

/** Exponential with the given mean. */
export function exponential(uniform: Uniform, mean: number): number {
  return -Math.log(1 - uniform()) * mean;
}

/** Standard normal by Box-Muller (one value per call keeps samplers stateless). */
export function standardNormal(uniform: Uniform): number {
  const u1 = 1 - uniform(); // (0, 1]
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal with the given median and log-scale standard deviation. */
export function lognormal(uniform: Uniform, median: number, sigma: number): number {
  if (sigma === 0) return median;
  return median * Math.exp(sigma * standardNormal(uniform));
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000). */
export function gamma(uniform: Uniform, shape: number): number {
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
    return gamma(uniform, shape + 1) * Math.pow(1 - uniform(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) from two gammas. */
export function beta(uniform: Uniform, a: number, b: number): number {
  const x = gamma(uniform, a);
  const y = gamma(uniform, b);
  return x / (x + y);
}

const LOG_FACTORIAL_TABLE: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 256; k++) table.push(table[k - 1]! + Math.log(k));
  return table;
})();

/** log(k!) exactly for small k, Stirling's series beyond (error < 1e-10 for k >= 256). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k]!;
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** Poisson(mean): inversion for small means, PTRS (Hormann 1993) for large ones. */
export function poisson(uniform: Uniform, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    let k = 0;
    let probability = Math.exp(-mean);
    let cumulative = probability;
    const u = uniform();
    while (u > cumulative && probability > 0) {
      k++;
      probability *= mean / k;
      cumulative += probability;
    }
    return k;
  }
  const root = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * root;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
      return k;
    }
  }
}

/** Binomial(n, p): inversion when n*p is small, Devroye's beta splitting otherwise. */
export function binomial(uniform: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(uniform, n, 1 - p);
  if (n * p < 10) return binomialByInversion(uniform, n, p);
  // The i-th smallest of n uniforms is Beta(i, n + 1 - i); split the count around it.
  const i = Math.floor((n + 1) / 2);
  const pivot = beta(uniform, i, n + 1 - i);
  if (p < pivot) return binomial(uniform, i - 1, p / pivot);
  return i + binomial(uniform, n - i, (p - pivot) / (1 - pivot));
}

function binomialByInversion(uniform: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  const a = (n + 1) * ratio;
  let probability = Math.pow(q, n);
  let u = uniform();
  let k = 0;
  while (u > probability) {
    u -= probability;
    k++;
    if (k > n) return n; // rounding guard
    probability *= a / k - ratio;
  }
  return k;
}
