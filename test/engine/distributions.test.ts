import { describe, expect, it } from 'vitest';
import { beta, binomial, exponential, gamma, logFactorial, lognormal, poisson, standardNormal } from '../../src/engine/distributions.js';
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

  it.each([0.3, 1, 2.5, 40])('gamma(%s) has mean and variance equal to its shape', (shape) => {
    const uniform = stream(`gamma/${shape}`);
    expectMoments(() => gamma(uniform, shape), shape, shape);
  });

  it('beta(a, b) has mean a / (a + b)', () => {
    const uniform = stream('beta');
    expectMoments(() => beta(uniform, 2, 5), 2 / 7, (2 * 5) / (49 * 8));
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
