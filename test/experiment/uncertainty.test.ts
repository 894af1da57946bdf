/** Uncertainty across the priors: a Latin hypercube of parameter sets, bands per metric, targets still met. */
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/experiment/analysis/designs.js';
import { chooseRanges } from '../../src/experiment/analysis/parameter-ranges.js';
import { replicateSeeds } from '../../src/experiment/batch/replicates.js';
import { bands, planUncertainty, runUncertainty, targetShares } from '../../src/experiment/analysis/uncertainty.js';
import { loadValue, tinyScenario } from '../helpers.js';

const county = tinyScenario({ targets: [{ id: 'orders', metric: 'orders', aggregate: 'sum', range: [1, 1_000_000], source: 'always met' }] });
const load = (overrides: string[]) => loadValue(county, overrides);
const base = load([]);
const params = chooseRanges(base.scenario, ['products.apple.farmGatePrice=12..18', 'anchors.mei.skill=0.5..1.5']);
const seeds = replicateSeeds(3, 2);

describe('uncertainty across the priors', () => {
  it('gives each metric its value as fitted, a median and a 5-95% band that holds it within a tenth of its ends', async () => {
    const run = await runUncertainty(planUncertainty(params, latinHypercube(2, 8, 3), base, load), seeds, { jobs: 1 });
    expect(run.samples).toHaveLength(8);
    const [revenue] = bands(run, ['farmerRevenue']);
    // Farm gate ±20% and skill ±50% spread what farmers are paid well beyond a few percent.
    expect(revenue!.high / revenue!.low).toBeGreaterThan(1.2);
    expect(revenue!.base).toBeGreaterThan(revenue!.low * 0.9);
    expect(revenue!.base).toBeLessThan(revenue!.high * 1.1);
    expect(targetShares(run, base.scenario.targets)).toEqual([{ target: 'orders', share: 1, base: true }]);
  });

  it('is the same for the same seed, whatever the number of jobs', async () => {
    const first = await runUncertainty(planUncertainty(params, latinHypercube(2, 4, 7), base, load), seeds, { jobs: 2 });
    const second = await runUncertainty(planUncertainty(params, latinHypercube(2, 4, 7), base, load), seeds, { jobs: 1 });
    expect(JSON.stringify(second.samples)).toBe(JSON.stringify(first.samples));
  });
});
