/** Variability that matches the world: breakout nights, broadcasts that sell better or worse, noisy days and years. */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { breakoutFactor } from '../../src/model/demand/night.js';
import { simulate, storeCounty } from '../helpers.js';

const spreadOf = (values: readonly number[]) => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)) / mean;
};

describe('breakout nights', () => {
  it('multiply a broadcast that breaks out, and a batch by the mean over its broadcasts', () => {
    const uniform = new RandomStreams(1).stream('test');
    expect(breakoutFactor(uniform, undefined)).toBe(1);
    expect(breakoutFactor(uniform, { chance: 1, multiplier: 5 })).toBe(5);
    expect(breakoutFactor(uniform, { chance: 0, multiplier: 5 }, 10)).toBe(1);
    // Half of 10,000 broadcasts at 5x: the batch draws 3x its usual audience.
    expect(breakoutFactor(uniform, { chance: 0.5, multiplier: 5 }, 10_000)).toBeCloseTo(3, 1);
  });
});

/** Two months of nightly broadcasts and a store, with stock to spare. */
const county = (overrides: Record<string, unknown>) => storeCounty({ end: '2020-05-01', ...overrides });

describe('broadcasts that sell better or worse per viewer', () => {
  it('spread GMV per view from broadcast to broadcast: no longer one straight line against views', async () => {
    const perView = async (salesVariability: number) => {
      const value = county({});
      const anchor = (value.anchors as Record<string, unknown>[])[0]!;
      const series = (anchor.broadcasts as Record<string, unknown>[])[0]!;
      const { result } = await simulate({ ...value, anchors: [{ ...anchor, broadcasts: [{ ...series, salesVariability }] }] }, { seed: 4 });
      return result.metrics.broadcasts.map((broadcast) => broadcast.gmv / Math.max(1, broadcast.views));
    };
    const flat = spreadOf(await perView(0));
    const spread = spreadOf(await perView(0.5));
    expect(spread).toBeGreaterThan(flat + 0.25);
  });
});

describe('common noise', () => {
  it("a platform's traffic varies from day to day", async () => {
    const visits = async (trafficNoise: number) =>
      (await simulate(county({ platforms: [{ id: 'taobao', trafficNoise }] }), { seed: 4 })).result.metrics.days.map((row) => row.flows.storeVisits);
    expect(spreadOf(await visits(0))).toBeLessThan(0.05);
    expect(spreadOf(await visits(0.3))).toBeGreaterThan(0.2);
  });

  it('demand varies from year to year, one draw for each calendar year', async () => {
    const years = county({ start: '2018-01-01', end: '2021-01-01', behaviour: { yearlyDemandNoise: 0.3 } });
    const ordersByYear = async (seed: number) => {
      const { result } = await simulate(years, { seed });
      const byYear = new Map<string, number>();
      for (const row of result.metrics.days) byYear.set(row.day.slice(0, 4), (byYear.get(row.day.slice(0, 4)) ?? 0) + row.flows.orders);
      return [...byYear.values()];
    };
    const [first, second, third] = await ordersByYear(4);
    // Visits are the same every year; a 0.3 spread in demand moves the years' orders apart by far more than Poisson noise.
    expect(spreadOf([first!, second!, third!])).toBeGreaterThan(0.05);
  });
});

describe("Wei Ya's nights", () => {
  it('a ¥100 M+ welfare night happens, rarely: about one broadcast in 370 (0.27% over 100 runs; the Hubei special was one in 97)', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { ScenarioRun } = await import('../../src/experiment/run/single-run.js');
    const loaded = loadScenario('weiya-welfare');
    let nights = 0;
    let huge = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { result } = await new ScenarioRun(loaded, seed).run();
      nights += result.metrics.broadcasts.length;
      huge += result.metrics.broadcasts.filter((broadcast) => broadcast.gmv >= 100_000_000 * 100).length;
    }
    const rate = huge / nights;
    expect(huge).toBeGreaterThan(0);
    expect(rate).toBeLessThan(0.01);
  }, 60_000);
});
