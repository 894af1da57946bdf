import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { runWithSeeds } from '../../src/experiment/batch/batch-sides.js';
import { comparePaired } from '../../src/experiment/analysis/compare.js';
import { replicateSeeds } from '../../src/experiment/batch/replicates.js';
import { estimate } from '../../src/experiment/batch/statistics.js';
import { standardNormal } from '../../src/engine/distributions.js';
import { loadValue, tinyScenario } from '../helpers.js';

const seeds = replicateSeeds(21, 6);

async function compare(overridesB: string[], overridesA: string[] = []) {
  const a = loadValue(tinyScenario(), overridesA);
  const b = loadValue(tinyScenario(), overridesB);
  const { rows } = await runWithSeeds([a, b], seeds, { jobs: 2 });
  return comparePaired(rows[0]!, rows[1]!);
}

describe('paired comparison with common random numbers', () => {
  it('of a scenario with itself gives exactly zero difference, never significant', async () => {
    const comparison = await compare([]);
    expect(comparison.replicates).toBe(6);
    for (const metric of comparison.metrics) {
      expect(metric.delta.mean, metric.name).toBe(0);
      expect(metric.delta.ci95, metric.name).toEqual([0, 0]);
      expect(metric.significant, metric.name).toBe(false);
    }
  });

  it('calls nothing significant from one pair: one difference has no spread to measure', () => {
    const row = (seed: number, gmv: number) => ({ keys: { seed }, order: seed, metrics: { gmv } });
    const one = comparePaired([row(1, 100)], [row(1, 150)]);
    expect(one.metrics[0]).toMatchObject({ name: 'gmv', significant: false });
    expect(one.metrics[0]!.delta.mean).toBe(50);
    const two = comparePaired([row(1, 100), row(2, 102)], [row(1, 150), row(2, 151)]);
    expect(two.metrics[0]!.significant).toBe(true);
  });

  it('finds a known change, in the right direction, with an interval that excludes zero', async () => {
    const comparison = await compare(['behaviour.purchaseRate=0.008']);
    const orders = comparison.metrics.find((metric) => metric.name === 'orders')!;
    expect(orders.significant).toBe(true);
    expect(orders.delta.ci95[0]).toBeGreaterThan(0);
    expect(orders.relative!.mean).toBeGreaterThan(0.5);
    // Significant changes come first.
    expect(comparison.metrics[0]!.significant).toBe(true);
  });

  it('isolates a change that moves money but not demand: orders identical, farmers paid more', async () => {
    // Through a cooperative that shares its margin: what the anchor and platform no longer take reaches the households in part.
    const comparison = await compare(['anchors.mei.commission.rate=0', 'platforms.taobao.feeRate=0', 'products.apple.profitShare=0.5'], ['products.apple.profitShare=0.5']);
    const byName = Object.fromEntries(comparison.metrics.map((metric) => [metric.name, metric]));
    expect(byName.orders!.delta.sd).toBe(0);
    expect(byName.orders!.delta.mean).toBe(0);
    expect(byName.farmerRevenue!.significant).toBe(true);
    expect(byName.farmerRevenue!.delta.ci95[0]).toBeGreaterThan(0);
  });

  it('pairs audiences too: with more feed traffic, every replicate has at least as many views', async () => {
    const a = loadValue(tinyScenario());
    const b = loadValue(tinyScenario(), ['anchors.mei.recommendedTraffic=400']);
    const { rows } = await runWithSeeds([a, b], seeds, { jobs: 2 });
    rows[0]!.forEach((rowA, index) => expect(rows[1]![index]!.metrics.views).toBeGreaterThanOrEqual(rowA.metrics.views!));
    const views = comparePaired(rows[0]!, rows[1]!, ['views']).metrics[0]!;
    expect(views.significant).toBe(true);
    // The k-th viewer arrives on the same number in both: the difference is almost all signal.
    expect(views.delta.sd / views.delta.mean).toBeLessThan(0.2);
  });

  it('gives no relative change from a zero base or across a sign, and never calls a change that rounds to 0.0% significant', () => {
    const row = (seed: number, metrics: Record<string, number>) => ({ keys: { seed }, order: seed, metrics });
    const a = [row(1, { zero: 0, sign: -10, tiny: 1000 }), row(2, { zero: 0, sign: -12, tiny: 1000 }), row(3, { zero: 0, sign: -11, tiny: 1000 })];
    const b = [row(1, { zero: 5, sign: 10, tiny: 1000.1 }), row(2, { zero: 6, sign: 12, tiny: 1000.1 }), row(3, { zero: 5, sign: 11, tiny: 1000.1 })];
    const byName = Object.fromEntries(comparePaired(a, b).metrics.map((metric) => [metric.name, metric]));
    expect(byName.zero!.relative).toBeNull();
    expect(byName.sign!.relative).toBeNull();
    expect(byName.zero!.significant).toBe(true);
    // +0.01%, with no spread at all: real, but it prints as +0.0%.
    expect(byName.tiny!.delta.ci95[0]).toBeGreaterThan(0);
    expect(byName.tiny!.significant).toBe(false);
  });

  it('pairs rows by seed, and compares nothing when none share one', () => {
    const row = (seed: number, value: number) => ({ keys: { seed }, order: seed, metrics: { x: value } });
    const comparison = comparePaired([row(1, 10), row(2, 20), row(3, 30)], [row(3, 33), row(1, 11)]);
    expect(comparison.replicates).toBe(2);
    expect(comparison.metrics[0]!.delta.mean).toBe(2);
    // Nothing to pair (batches of other seeds, or stopped before a replicate): nothing compared, for the command to say so.
    expect(comparePaired([row(1, 1)], [row(2, 2)])).toEqual({ replicates: 0, seeds: [], metrics: [] });
  });
});

describe('95% t-intervals', () => {
  it('cover the true mean about 95% of the time', () => {
    const uniform = seedrandom.alea('coverage');
    const trueMean = 5;
    let covered = 0;
    const repetitions = 4000;
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const sample = Array.from({ length: 8 }, () => trueMean + 2 * standardNormal(uniform));
      const { ci95 } = estimate(sample);
      if (ci95[0] <= trueMean && trueMean <= ci95[1]) covered++;
    }
    // Binomial(4000, 0.95) has a standard deviation of 0.34 percentage points.
    expect(covered / repetitions).toBeGreaterThan(0.935);
    expect(covered / repetitions).toBeLessThan(0.965);
  });
});
