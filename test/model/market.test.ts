/** One market for farm products per platform: its stores and anchors share a pool of visits. */
import { describe, expect, it } from 'vitest';
import { simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }] };
const market = (people: number) => ({ shoppers: [{ date: '2020-01-01', people }], visitsPerShopper: 0.01 });

function platformWith(stores: Record<string, unknown>[], people: number | undefined, anchorTraffic = 0) {
  return tinyScenario({
    ...plenty,
    start: '2020-01-01',
    end: '2020-03-01',
    fidelity: 'cohort',
    platforms: [{ id: 'taobao', ...(people === undefined ? {} : { market: market(people) }) }],
    anchors: [{ id: 'mei', followers: 0, recommendedTraffic: anchorTraffic, broadcasts: [{ id: 'nightly', schedule: { kind: 'cadence', every: '1d', at: '20:00' } }] }],
    stores: stores.map((store) => ({ platform: 'taobao', products: [{ product: 'apple' }], conversion: 0.02, ...store })),
  });
}

/** Store visits of the run by store id. */
async function visitsOf(value: unknown): Promise<Record<string, number>> {
  const { result } = await simulate(value, { seed: 6 });
  return Object.fromEntries(result.world.stores.map((store) => [store.id, store.visits]));
}

describe("a platform's shared market", () => {
  const days = 60;
  const first = { id: 'first', visitorsPerDay: 1000 };
  const rival = { id: 'rival', visitorsPerDay: 3000 };

  it('gives each store about its pull while the pool is large', async () => {
    const visits = await visitsOf(platformWith([first], 10_000_000));
    // Pool 100,000 visits a day against a pull of 1,000: crowding 0.99.
    expect(visits.first! / (1000 * days)).toBeCloseTo(100_000 / 101_000, 1);
  });

  it('lets a rival class take visits from a store: sales depend on the other sellers', async () => {
    const alone = await visitsOf(platformWith([first], 400_000));
    const withRival = await visitsOf(platformWith([first, rival], 400_000));
    // Pool 4,000 a day: alone the store gets 4,000/5,000 of its pull, with the rival 4,000/8,000.
    expect(alone.first! / (1000 * days)).toBeCloseTo(0.8, 1);
    expect(withRival.first! / (1000 * days)).toBeCloseTo(0.5, 1);
    // Together they never draw more than the pool.
    expect((withRival.first! + withRival.rival!) / days).toBeLessThan(4000);
  });

  it('gives visits back as the shoppers grow', async () => {
    const few = await visitsOf(platformWith([first, rival], 200_000));
    const many = await visitsOf(platformWith([first, rival], 800_000));
    expect(many.first! / few.first!).toBeGreaterThan(1.5);
  });

  it('shares the pool with broadcasts: a crowded platform sends anchors less feed traffic', async () => {
    const views = async (people: number | undefined) => (await simulate(platformWith([rival], people, 2000), { seed: 6 })).summary.metrics.views;
    const uncrowded = await views(undefined);
    const crowded = await views(100_000);
    // Pool 1,000 a day against a pull of 3,000 store visits + 2,000 feed views: about a fifth.
    expect(crowded / uncrowded).toBeGreaterThan(0.12);
    expect(crowded / uncrowded).toBeLessThan(0.3);
  });

  it('follows the shoppers series between its dates', async () => {
    const { PlatformMarket } = await import('../../src/model/demand/market.js');
    const day = 1440;
    const growing = new PlatformMarket({ shoppers: [{ minute: 0, people: 100 }, { minute: 10 * day, people: 200 }], visitsPerShopper: 1, visitsGrowthPerYear: 0 });
    expect(growing.shoppersAt(5 * day)).toBeCloseTo(150, 9);
    expect(growing.shoppersAt(150 * day)).toBe(200);
  });

  it("grows each shopper's visits to farm products by the scenario's yearly rate", async () => {
    const { PlatformMarket } = await import('../../src/model/demand/market.js');
    const year = 365 * 1440;
    const market = new PlatformMarket({ shoppers: [{ minute: 0, people: 1000 }], visitsPerShopper: 0.5, visitsGrowthPerYear: 0.1 });
    expect(market.poolAt(0)).toBeCloseTo(500, 9);
    expect(market.poolAt(2 * year)).toBeCloseTo(500 * 1.21, 9);
  });

  it('exists on every platform: one that declares none gets the default pool, never an unbounded one', async () => {
    // A class of 2,000 stores each pulling a million visitors a day: far beyond any pool.
    const everyone = { id: 'everyone', visitorsPerDay: 1_000_000, population: { initial: 2000, potential: 2000 } };
    const visits = await visitsOf(platformWith([everyone], undefined));
    // The default pool: China's online shoppers (~680 M in early 2020) paying half a visit a day.
    const perDay = visits.everyone! / days;
    expect(perDay).toBeLessThan(400_000_000);
    expect(perDay).toBeGreaterThan(250_000_000);
  });

  it('lets a rival anchor take feed views from the incumbent', async () => {
    const viewsOfMei = async (rivalTraffic: number) => {
      const value = platformWith([], 200_000, 2000);
      const anchors = (value.anchors as Record<string, unknown>[]).concat(
        rivalTraffic > 0 ? [{ ...(value.anchors as Record<string, unknown>[])[0], id: 'rival', recommendedTraffic: rivalTraffic }] : [],
      );
      const { result } = await simulate({ ...value, anchors }, { seed: 6 });
      return result.world.anchors.find((anchor) => anchor.id === 'mei')!.flows.views;
    };
    const alone = await viewsOfMei(0);
    const rivalled = await viewsOfMei(2000);
    // Pool 2,000 a day: alone mei's 2,000 feed views get 2,000/4,000 of the pool's share, with an equal rival 2,000/6,000.
    expect(rivalled / alone).toBeGreaterThan(0.55);
    expect(rivalled / alone).toBeLessThan(0.8);
  });
});

describe('farm-product visits whose growth slows', () => {
  it('compound at a constant rate without a half-life, and halve their rate every half-life with one', async () => {
    const { visitsGrowthFactor } = await import('../../src/model/demand/market.js');
    expect(visitsGrowthFactor(0.2, undefined, 2)).toBeCloseTo(1.44, 12);
    // With a half-life of 2 years, the second year grows more slowly than the first.
    const first = visitsGrowthFactor(0.3, 2, 1);
    const second = visitsGrowthFactor(0.3, 2, 2) / first;
    expect(first).toBeLessThan(1.3);
    expect(second).toBeLessThan(first);
    // Far out it levels off at (1 + g)^(H / ln 2).
    expect(visitsGrowthFactor(0.3, 2, 1000)).toBeCloseTo(Math.pow(1.3, 2 / Math.LN2), 6);
  });
});
