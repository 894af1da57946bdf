/**
 * Broadcast-to-broadcast variation: a lognormal factor with mean 1 (audience size night to night,
 * how well a broadcast sells), and the rare breakout night that draws many times the usual
 * audience. For a batch of K identical broadcasts the audiences add up, so the batch needs the
 * mean of K factors: drawn exactly for small K, by its normal limit for large K.
 */
import { binomial, lognormal, standardNormal } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';
import type { SeriesParams } from '../params.js';

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

/**
 * The breakout factor of a batch of `count` broadcasts: each breaks out with `chance` and then
 * draws `multiplier` times its audience (a lognormal spread); the batch gets the mean over its
 * broadcasts. 1 without breakouts.
 */
export function breakoutFactor(uniform: Uniform, breakout: SeriesParams['audience']['breakout'], count = 1): number {
  if (!breakout || breakout.chance <= 0 || count <= 0) return 1;
  const out = binomial(uniform, count, breakout.chance);
  if (out === 0) return 1;
  const spread = breakout.multiplier;
  if (typeof spread === 'number') return (count - out + out * spread) / count;
  let sum = 0;
  if (out <= EXACT_UP_TO) {
    for (let index = 0; index < out; index++) sum += lognormal(uniform, spread.median, spread.sigma);
  } else {
    const mean = spread.median * Math.exp((spread.sigma * spread.sigma) / 2);
    const sd = mean * Math.sqrt(Math.exp(spread.sigma * spread.sigma) - 1);
    sum = Math.max(0, out * mean + Math.sqrt(out) * sd * standardNormal(uniform));
  }
  return (count - out + sum) / count;
}
