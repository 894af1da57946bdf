/**
 * Night-to-night variation of audience size: a lognormal factor with mean 1. For a batch of K
 * identical broadcasts the audiences add up, so the batch needs the mean of K such factors: drawn
 * exactly for small K, by its normal limit (mean 1, variance (e^σ² - 1) / K) for large K.
 */
import { lognormal, standardNormal } from '../engine/distributions.js';
import type { Uniform } from '../engine/random.js';

const EXACT_UP_TO = 64;

export function nightFactor(uniform: Uniform, sigma: number, count = 1): number {
  if (sigma <= 0 || count <= 0) return 1;
  const median = Math.exp((-sigma * sigma) / 2);
  if (count <= EXACT_UP_TO) {
    let sum = 0;
    for (let index = 0; index < count; index++) sum += lognormal(uniform, median, sigma);
    return sum / count;
  }
  const spread = Math.sqrt((Math.exp(sigma * sigma) - 1) / count);
  return Math.max(0.01, 1 + spread * standardNormal(uniform));
}
