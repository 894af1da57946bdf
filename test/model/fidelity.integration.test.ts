import { describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../src/model/observation/summary.js';
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

describe('the money a sale leaves the farmers', () => {
  // The co-op's profit share is settled on the month's net margin, so a loss-making sale (a claim,
  // spoilage) offsets the others whether sales come one order at a time (agent) or in batches
  // (cohort). Paid per sale on positive margins, agent used to pay 12.5% more.
  it('is the same in agent and cohort fidelity on demo-county: within 2%, paired over 10 replicates', async () => {
    const { runWithSeeds } = await import('../../src/experiment/batch/batch-sides.js');
    const { comparePaired } = await import('../../src/experiment/analysis/compare.js');
    const { replicateSeeds } = await import('../../src/experiment/batch/replicates.js');
    const { loadScenario } = await import('../../src/scenario/load.js');
    const agent = loadScenario('demo-county');
    const cohort = loadScenario('demo-county', { overrides: ['fidelity=cohort'] });
    const { rows } = await runWithSeeds([agent, cohort], replicateSeeds(agent.scenario.seed, 10), { jobs: 2 });
    const income = comparePaired(rows[0]!, rows[1]!, ['householdNetIncome']).metrics[0]!;
    expect(Math.abs(income.relative!.mean), JSON.stringify(income.relative)).toBeLessThan(0.02);
    expect(income.relative!.ci95[0]).toBeGreaterThan(-0.03);
    expect(income.relative!.ci95[1]).toBeLessThan(0.03);
  }, 60_000);
});
