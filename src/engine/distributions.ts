/**
 * Samplers for the distributions the model draws from, each taking a uniform source so that
 * every draw comes from a named, seeded stream. Exact algorithms (inversion, PTRS, BTRD), not
 * normal approximations: cohort fidelity draws Poisson and binomial counts in the millions and
 * must agree in distribution with the agent model.
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

/** Binomial(n, p): inversion when n*p is small, BTRD (Hormann 1993) otherwise; both exact. */
export function binomial(uniform: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(uniform, n, 1 - p);
  if (n * p < 10) return binomialByInversion(uniform, n, p);
  return binomialBtrd(uniform, n, p);
}

/** log(k!) minus its Stirling approximation, the correction term BTRD needs. */
function stirlingCorrection(k: number): number {
  if (k < 10) return logFactorial(k) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
  const x = k + 1;
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - 1 / 1260 / x2) / x2) / x;
}

/** Transformed rejection with decomposition (Hormann 1993, algorithm BTRD), for n p >= 10 and p <= 0.5. */
function binomialBtrd(uniform: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;
  const npq = n * p * q;
  const rootNpq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * rootNpq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * rootNpq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    let v = uniform();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = uniform() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const distance = Math.abs(k - mode);
    if (distance <= 15) {
      // f(k) / f(mode) by the recurrence of binomial probabilities.
      let f = 1;
      if (mode < k) for (let i = mode + 1; i <= k; i++) f *= nr / i - r;
      else if (mode > k) for (let i = k + 1; i <= mode; i++) v *= nr / i - r;
      if (v <= f) return k;
      continue;
    }
    v = Math.log(v);
    const rho = (distance / npq) * (((distance / 3 + 0.625) * distance + 1 / 6) / npq + 0.5);
    const t = (-distance * distance) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const nm = n - mode + 1;
    const h = (mode + 0.5) * Math.log((mode + 1) / (r * nm)) + stirlingCorrection(mode) + stirlingCorrection(n - mode);
    const nk = n - k + 1;
    if (v <= h + (n + 1) * Math.log(nm / nk) + (k + 0.5) * Math.log((nk * r) / (k + 1)) - stirlingCorrection(k) - stirlingCorrection(n - k)) return k;
  }
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
