/** Morris elementary effects and one-at-a-time designs over chosen parameters, with common random numbers. */
import { describe, expect, it } from 'vitest';
import { morrisDesign, oatDesign, latinHypercube } from '../../src/experiment/analysis/designs.js';
import { chooseRanges, priorRanges } from '../../src/experiment/analysis/parameter-ranges.js';
import { replicateSeeds } from '../../src/experiment/batch/replicates.js';
import { morrisEffects, oatEffects, planDesign, runDesign } from '../../src/experiment/analysis/sensitivity.js';
import { UsageError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadValue, tinyScenario } from '../helpers.js';

const county = tinyScenario({ products: [{ id: 'apple', unitWeightJin: 5, category: 'apple' }] });
const load = (overrides: string[]) => loadValue(county, overrides);
const params = () => chooseRanges(load([]).scenario, ['products.apple.processingCost=1..3', 'products.apple.farmGatePrice=12..18', 'anchors.mei.skill=0.95..1.05']);
const seeds = replicateSeeds(5, 2);

describe('Morris elementary effects', () => {
  it('are exactly zero for a parameter that cannot move the metric, with common random numbers', async () => {
    const run = await runDesign(planDesign(params(), morrisDesign(3, 4, 5), load), seeds, { jobs: 1 });
    const orders = morrisEffects(run, ['orders'])[0]!;
    const processing = orders.effects.find((effect) => effect.param === 'products.apple.processingCost')!;
    const farmGate = orders.effects.find((effect) => effect.param === 'products.apple.farmGatePrice')!;
    expect(processing.muStar).toBe(0);
    expect(farmGate.muStar).toBe(0);
    // Skill moves orders, and is the only parameter that does.
    expect(orders.effects[0]!.param).toBe('anchors.mei.skill');
    expect(orders.effects[0]!.muStar).toBeGreaterThan(0);
  });

  it('rank first the parameter that scales the metric linearly: the farm-gate price, for what farmers are paid', async () => {
    const run = await runDesign(planDesign(params(), morrisDesign(3, 4, 5), load), seeds, { jobs: 1 });
    const revenue = morrisEffects(run, ['farmerRevenue'])[0]!;
    expect(revenue.effects[0]!.param).toBe('products.apple.farmGatePrice');
    expect(revenue.effects[0]!.mu).toBeGreaterThan(0);
  });

  it('are the same for the same seed, point by point', async () => {
    const first = await runDesign(planDesign(params(), morrisDesign(3, 3, 9), load), seeds, { jobs: 2 });
    const second = await runDesign(planDesign(params(), morrisDesign(3, 3, 9), load), seeds, { jobs: 1 });
    expect(JSON.stringify(morrisEffects(second, ['gmv', 'orders']))).toBe(JSON.stringify(morrisEffects(first, ['gmv', 'orders'])));
    expect(second.values).toEqual(first.values);
  });
});

describe('a design stopped part way', () => {
  it('keeps the points it finished and says it is incomplete', async () => {
    const controller = new AbortController();
    const run = await runDesign(planDesign(params(), oatDesign(3), load), seeds, {
      jobs: 1,
      signal: controller.signal,
      onProgress: (done) => done >= 5 && controller.abort(),
    });
    expect(run.complete).toBe(false);
    const finished = run.rows.reduce((sum, rows) => sum + rows.length, 0);
    expect(finished).toBeGreaterThanOrEqual(5);
    expect(finished).toBeLessThan(7 * seeds.length);
  });
});

describe('one at a time', () => {
  it('moves each parameter from its low to its high end around the base', async () => {
    const run = await runDesign(planDesign(params(), oatDesign(3), load), seeds, { jobs: 1 });
    expect(run.points).toHaveLength(7);
    const revenue = oatEffects(run, ['farmerRevenue'])[0]!;
    const farmGate = revenue.effects.find((effect) => effect.param === 'products.apple.farmGatePrice')!;
    expect(farmGate.mu).toBeGreaterThan(0);
    expect(farmGate.sigma).toBe(0);
  });
});

describe('designs', () => {
  it('Morris: each step moves one parameter by 2/3 and stays inside [0, 1]', () => {
    const points = morrisDesign(4, 5, 1);
    expect(points).toHaveLength(5 * 5);
    for (const point of points) for (const value of point.unit) expect(value >= 0 && value <= 1).toBe(true);
    for (let index = 1; index < points.length; index++) {
      const point = points[index]!;
      if (!point.moved) continue;
      const changed = point.unit.map((value, p) => value - points[index - 1]!.unit[p]!).filter((delta) => delta !== 0);
      expect(changed).toHaveLength(1);
      expect(changed[0]).toBeCloseTo(2 / 3, 12);
    }
  });

  it('a Latin hypercube uses every stratum of every parameter once', () => {
    const points = latinHypercube(3, 8, 2);
    for (let parameter = 0; parameter < 3; parameter++) {
      const strata = points.map((point) => Math.floor(point.unit[parameter]! * 8)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
  });
});

describe('parameters', () => {
  it('default to every parameter with a prior or a calibration.free entry, over its range', () => {
    const ranges = priorRanges(loadScenario('weiya-welfare').scenario);
    expect(ranges[0]).toMatchObject({ path: 'behaviour.purchaseRate', low: 0.0005, high: 0.0037, source: 'calibration.free' });
    expect(ranges.find((range) => range.path === 'products.zigui-orange.farmGatePrice')).toMatchObject({ low: 14, high: 15 });
  });

  it('refuse an unknown path, a parameter without a prior and without a range, and a backwards range', () => {
    const scenario = load([]).scenario;
    expect(() => chooseRanges(scenario, ['anchors.nobody.skill'])).toThrow(UsageError);
    expect(() => chooseRanges(scenario, ['anchors.mei.skill'])).toThrow(/no prior/);
    expect(() => chooseRanges(scenario, ['anchors.mei.skill=2..1'])).toThrow(/lower to a higher/);
  });
});
