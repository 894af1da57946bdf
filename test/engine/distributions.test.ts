import { describe, expect, it } from 'vitest';
import { binomial, exponential, logFactorial, lognormal, poisson, standardNormal } from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';

function moments(sample: () => number, count = 40_000): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let index = 0; index < count; index++) {
    const value = sample();
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

/** Mean within 4 standard errors of the truth, variance within 5%. */
function expectMoments(sample: () => number, mean: number, variance: number, count = 40_000): void {
  const found = moments(sample, count);
  expect(Math.abs(found.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / count) + 1e-12);
  expect(Math.abs(found.variance - variance)).toBeLessThan(0.05 * variance + 1e-12);
}

const stream = (name: string) => new RandomStreams('distributions').stream(name);

describe('samplers', () => {
  it('exponential has the requested mean', () => {
    const uniform = stream('exp');
    expectMoments(() => exponential(uniform, 8), 8, 64);
  });

  it('standard normal has mean 0 and variance 1', () => {
    const uniform = stream('normal');
    expectMoments(() => standardNormal(uniform), 0, 1);
  });

  it('lognormal has the requested median', () => {
    const uniform = stream('lognormal');
    const values = Array.from({ length: 20_001 }, () => lognormal(uniform, 5, 0.8)).sort((a, b) => a - b);
    expect(values[10_000]).toBeGreaterThan(4.8);
    expect(values[10_000]).toBeLessThan(5.2);
  });

  it.each([0.05, 3, 9.9, 10, 55, 1e4, 2.5e6])('poisson(%s) has mean and variance equal to its mean', (mean) => {
    const uniform = stream(`poisson/${mean}`);
    expectMoments(() => poisson(uniform, mean), mean, mean);
  });

  it('poisson of zero or a negative mean is zero', () => {
    const uniform = stream('poisson/0');
    expect(poisson(uniform, 0)).toBe(0);
    expect(poisson(uniform, -1)).toBe(0);
  });

  it.each([
    [1, 0.3],
    [12, 0.5],
    [40, 0.1],
    [1000, 0.02],
    [1000, 0.7],
    [5_000_000, 0.013],
  ])('binomial(%s, %s) has mean np and variance np(1-p)', (n, p) => {
    const uniform = stream(`binomial/${n}/${p}`);
    expectMoments(() => binomial(uniform, n, p), n * p, n * p * (1 - p));
  });

  it('binomial stays within 0..n and handles the edges', () => {
    const uniform = stream('binomial/edges');
    expect(binomial(uniform, 0, 0.5)).toBe(0);
    expect(binomial(uniform, 10, 0)).toBe(0);
    expect(binomial(uniform, 10, 1)).toBe(10);
    for (let index = 0; index < 2000; index++) {
      const value = binomial(uniform, 25, 0.9);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(25);
      expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('logFactorial is exact for small k and accurate for large k', () => {
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let exact = 0;
    for (let k = 1; k <= 300; k++) exact += Math.log(k);
    expect(logFactorial(300)).toBeCloseTo(exact, 8);
  });
});

describe('binomial against its exact probabilities', () => {
  /** Pearson's chi-square of draws against the exact pmf, over bins with an expected count >= 20. */
  function chiSquare(n: number, p: number, draws: number): { statistic: number; bins: number } {
    const uniform = stream(`binomial/pmf/${n}/${p}`);
    const counts = new Map<number, number>();
    for (let index = 0; index < draws; index++) {
      const k = binomial(uniform, n, p);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const logPmf = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
    let statistic = 0;
    let bins = 0;
    let restExpected = draws;
    let restObserved = draws;
    for (let k = 0; k <= n; k++) {
      const expected = draws * Math.exp(logPmf(k));
      if (expected < 20) continue;
      const observed = counts.get(k) ?? 0;
      statistic += (observed - expected) ** 2 / expected;
      restExpected -= expected;
      restObserved -= observed;
      bins++;
    }
    statistic += restExpected > 1 ? (restObserved - restExpected) ** 2 / restExpected : 0;
    return { statistic, bins: bins + 1 };
  }

  it.each([
    [100, 0.3],
    [60, 0.5],
    [2000, 0.05],
    [300, 0.9],
  ])('binomial(%s, %s) passes a chi-square test against the exact pmf', (n, p) => {
    const { statistic, bins } = chiSquare(n, p, 100_000);
    // Chi-square with `bins - 1` degrees of freedom: mean bins - 1, sd sqrt(2 (bins - 1)); 4 sd is far out.
    expect(statistic).toBeLessThan(bins - 1 + 4 * Math.sqrt(2 * (bins - 1)));
  });
});
