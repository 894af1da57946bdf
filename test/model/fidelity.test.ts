import { describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../src/model/summary.js';
import { simulate, tinyScenario } from '../helpers.js';

const REPLICATES = 40;
const METRICS = ['views', 'orders', 'units', 'gmv', 'farmerRevenue'] as const satisfies readonly (keyof RunMetrics)[];

/** Plenty of stock, so that agent and cohort differ only in how the audience is drawn. */
function agreementScenario(dwell: Record<string, unknown>) {
  return tinyScenario({
    end: '2020-03-09',
    behaviour: { dwell },
    farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 5000 }] }],
  });
}

async function replicate(value: unknown, fidelity: 'agent' | 'cohort') {
  const samples: Record<string, number[]> = Object.fromEntries(METRICS.map((metric) => [metric, []]));
  for (let replicate = 0; replicate < REPLICATES; replicate++) {
    const { summary } = await simulate(value, { seed: 1000 + replicate, overrides: [`fidelity=${fidelity}`] });
    for (const metric of METRICS) samples[metric]!.push(summary.metrics[metric]);
  }
  return samples;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: number[]) => {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
};

describe.each([
  ['exponential dwell', { kind: 'exponential', mean: '6m' }],
  ['lognormal dwell', { kind: 'lognormal', median: '3m', sigma: 1.1 }],
])('agent and cohort fidelity with %s', (_label, dwell) => {
  it('agree in distribution: means within statistical error, similar spread', async () => {
    const value = agreementScenario(dwell);
    const agent = await replicate(value, 'agent');
    const cohort = await replicate(value, 'cohort');
    for (const metric of METRICS) {
      const a = agent[metric]!;
      const c = cohort[metric]!;
      const standardError = Math.sqrt(variance(a) / a.length + variance(c) / c.length);
      // Fixed seeds make this deterministic; 3.5 standard errors is a two-sided 99.95% band.
      expect(Math.abs(mean(a) - mean(c)), `${metric}: agent ${mean(a)} vs cohort ${mean(c)}`).toBeLessThan(3.5 * standardError);
      const ratio = variance(a) / variance(c);
      expect(ratio, `${metric} variance ratio`).toBeGreaterThan(0.4);
      expect(ratio, `${metric} variance ratio`).toBeLessThan(2.5);
    }
  });
});
