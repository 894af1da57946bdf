/** Populations that grow: classes of anchors and stores, supplier networks, shop staff. */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { ScenarioError } from '../../src/errors.js';
import { Population } from '../../src/model/demand/population.js';
import { timeseriesTable } from '../../src/experiment/run/timeseries.js';
import { loadValue, simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 100_000 }] }] };

describe('Bass adoption', () => {
  function adoptedAfter(days: number, spec: { initial: number; innovation: number; imitation: number; churnPerYear?: number }, potential = 100_000) {
    const population = new Population(spec, potential, new RandomStreams(1).stream('bass'));
    for (let day = 0; day < days; day++) population.advanceDay();
    return population;
  }

  it('by innovation alone follows 1 - exp(-p t)', () => {
    const population = adoptedAfter(365, { initial: 0, innovation: 0.02, imitation: 0 });
    expect(population.appeared / 100_000).toBeCloseTo(1 - Math.exp(-0.02), 2);
  });

  it('with imitation follows the Bass curve F(t) = (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t)', () => {
    const [p, q, years] = [0.01, 0.45, 3];
    const population = adoptedAfter(365 * years, { initial: 0, innovation: p, imitation: q });
    const decay = Math.exp(-(p + q) * years);
    const bass = (1 - decay) / (1 + (q / p) * decay);
    expect(population.appeared / 100_000).toBeGreaterThan(bass * 0.93);
    expect(population.appeared / 100_000).toBeLessThan(bass * 1.07);
  });

  it('loses members to churn, but counts everyone who ever started', () => {
    const population = adoptedAfter(730, { initial: 5000, innovation: 0, imitation: 0, churnPerYear: 0.5 });
    expect(population.appeared).toBe(5000);
    expect(population.active / 5000).toBeCloseTo(Math.exp(-1), 1);
  });
});

describe('a class of anchors', () => {
  const peasants = (population: Record<string, unknown>, schedule: Record<string, unknown>) =>
    tinyScenario({
      ...plenty,
      end: '2020-06-01',
      fidelity: 'cohort',
      anchors: [{ id: 'mei', followers: 50, tuneInShare: 0.2, recommendedTraffic: 80, followGain: 0.02, population, broadcasts: [{ id: 'nightly', welfare: true, schedule }] }],
    });

  it('grows by adoption and broadcasts per active anchor, in batches', async () => {
    const value = peasants({ initial: 100, potential: 20_000, innovation: 0.02, imitation: 0.5, batches: 3 }, { kind: 'rate', perDay: 0.5, between: ['18:00', '22:00'] });
    const { summary, result } = await simulate(value, { seed: 4 });
    const months = timeseriesTable(result, 'month').rows;
    expect(months[0]!.values.anchorsActive).toBeLessThan(months.at(-1)!.values.anchorsActive!);
    expect(summary.metrics.anchorsAppeared).toBe(summary.metrics.anchorsActive);
    // Broadcasts each day: about half of the active anchors.
    const days = result.metrics.days;
    const expected = days.reduce((sum, _day, index) => sum + 0.5 * (index === 0 ? 100 : days[index - 1]!.levels.anchorsActive), 0);
    expect(summary.metrics.welfareBroadcasts / expected).toBeGreaterThan(0.95);
    expect(summary.metrics.welfareBroadcasts / expected).toBeLessThan(1.05);
    // ... simulated as at most 3 batches a day, each standing for many broadcasts.
    expect(result.metrics.broadcasts.length).toBeLessThanOrEqual(3 * days.length);
    expect(result.metrics.broadcasts.reduce((sum, row) => sum + row.count, 0)).toBe(summary.metrics.broadcasts);
  });

  it('sells like the same number of separate anchors (batching keeps the mechanics)', async () => {
    const schedule = { kind: 'cadence', every: '1d', at: '20:00' };
    const asClass = peasants({ initial: 6, potential: 6 }, schedule);
    const separate = tinyScenario({ ...plenty, end: '2020-06-01', fidelity: 'cohort' });
    separate.anchors = Array.from({ length: 6 }, (_, index) => ({
        id: `mei-${index}`,
        kind: 'peasant',
        platform: 'taobao',
        followers: 50,
        tuneInShare: 0.2,
        recommendedTraffic: 80,
        followGain: 0.02,
        commission: { rate: 0.1, slotFee: 50, welfareRate: 0.02 },
        broadcasts: [{ id: 'nightly', welfare: true, schedule, duration: '90m', lineup: [{ product: 'apple', slot: '30m' }], audience: { rampUp: '10m', halfLife: '60m', variability: 0.2 } }],
      }));
    const mean = async (value: unknown, metric: 'views' | 'orders') => {
      let total = 0;
      for (let seed = 1; seed <= 8; seed++) total += (await simulate(value, { seed })).summary.metrics[metric];
      return total / 8;
    };
    for (const metric of ['views', 'orders'] as const) {
      const ratio = (await mean(asClass, metric)) / (await mean(separate, metric));
      expect(ratio, metric).toBeGreaterThan(0.95);
      expect(ratio, metric).toBeLessThan(1.05);
    }
  });
});

describe('stores', () => {
  const withStore = (store: Record<string, unknown>) =>
    tinyScenario({
      ...plenty,
      start: '2020-01-01',
      end: '2021-01-01',
      anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', schedule: { kind: 'dates', dates: ['2020-01-01T20:00'] } }] }],
      stores: [{ id: 'shopfront', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 200, conversion: 0.02, tags: ['county'], ...store }],
    });

  it('sell to daily visitors at their conversion, from the day they open', async () => {
    const { summary, result } = await simulate(withStore({ opens: '2020-07-01' }), { seed: 3 });
    const days = result.metrics.days;
    expect(days.filter((day) => day.day < '2020-07-01').every((day) => day.flows.storeVisits === 0)).toBe(true);
    const openDays = days.filter((day) => day.day >= '2020-07-01').length;
    expect(summary.metrics.storeVisits / (200 * openDays)).toBeCloseTo(1, 1);
    const storeOrders = summary.metrics.orders - result.metrics.broadcasts[0]!.orders;
    expect(storeOrders / summary.metrics.storeVisits).toBeCloseTo(0.02, 2);
  });

  it('count toward their platform and their tags', async () => {
    const { summary, result } = await simulate(withStore({}), { seed: 3 });
    const total = timeseriesTable(result, 'month').rows.reduce(
      (sums, row) => ({ platform: sums.platform + row.values['gmv:taobao']!, tag: sums.tag + row.values['gmv:county']! }),
      { platform: 0, tag: 0 },
    );
    expect(total.platform).toBeCloseTo(summary.metrics.gmv, 1);
    expect(total.tag).toBeCloseTo(summary.metrics.gmv - result.metrics.broadcasts[0]!.gmv / 100, 1);
  });

  it('climb the platform’s ranking as they sell: a new store starts with its opening traffic and grows toward its full visitors', async () => {
    const ranked = withStore({ visitorsPerDay: 2000, ranking: { openingVisitors: 100, halfOrders: 2000 } });
    const { result } = await simulate(ranked, { seed: 3 });
    const months = timeseriesTable(result, 'month').rows;
    const visitsPerDay = (period: string) => {
      const row = months.find((candidate) => candidate.period === period)!;
      return row.values.storeVisits! / row.days;
    };
    expect(visitsPerDay('2020-01')).toBeLessThan(400);
    expect(visitsPerDay('2020-12')).toBeGreaterThan(2 * visitsPerDay('2020-01'));
    expect(visitsPerDay('2020-12')).toBeLessThan(2000);
    // Without a ranking the store has its full traffic from the first day.
    const { result: unranked } = await simulate(withStore({ visitorsPerDay: 2000 }), { seed: 3 });
    const january = timeseriesTable(unranked, 'month').rows[0]!;
    expect(january.values.storeVisits! / january.days).toBeCloseTo(2000, -2);
  });

  it('as a class, multiply by adoption', async () => {
    const { summary } = await simulate(withStore({ population: { initial: 10, potential: 2000, innovation: 0.1, imitation: 0.5 } }), { seed: 3 });
    expect(summary.metrics.storesOpened).toBeGreaterThan(100);
    expect(summary.metrics.storeVisits).toBeGreaterThan(200 * 365 * 50);
  });
});

describe('supplier networks', () => {
  it('let households join over time; only members supply', async () => {
    const value = tinyScenario({
      start: '2020-01-01',
      end: '2022-01-01',
      anchors: [{ id: 'mei', recommendedTraffic: 3000 }],
      farmers: [{ id: 'village', households: 400, joining: { initial: 10, innovation: 0.05, imitation: 3 }, produces: [{ product: 'apple', capacity: 30 }] }],
    });
    const { summary, result } = await simulate(value, { seed: 2 });
    const months = timeseriesTable(result, 'month').rows;
    expect(months[0]!.values.householdsJoined).toBeLessThan(40);
    expect(summary.metrics.householdsJoined).toBeGreaterThan(300);
    expect(summary.metrics.householdsSupplying).toBeLessThanOrEqual(summary.metrics.householdsJoined);
    // Early on, ten households' stock runs out: lost demand.
    expect(months[0]!.values.lostOrders).toBeGreaterThan(0);
  });
});

describe('supply that follows demand', () => {
  const county = (visitorsPerDay: number) =>
    tinyScenario({
      start: '2020-01-01',
      end: '2021-01-01',
      fidelity: 'cohort',
      anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', schedule: { kind: 'dates', dates: ['2020-01-01T20:00'] } }] }],
      stores: [{ id: 'shopfront', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay, conversion: 0.02 }],
      farmers: [{ id: 'village', households: 400, joinsOnDemand: { initial: 2 }, produces: [{ product: 'apple', capacity: 60 }] }],
    });

  it('brings in growers as the orders outrun their stock, until the lost demand is filled', async () => {
    // About 2,000 visits a day order ~40 a day, ~20,000 apples a year: a few hundred growers' worth.
    const { summary, result } = await simulate(county(2000), { seed: 5 });
    const months = timeseriesTable(result, 'month').rows;
    expect(months[0]!.values.householdsJoined).toBe(2);
    expect(summary.metrics.householdsJoined).toBeGreaterThan(100);
    expect(summary.metrics.householdsJoined).toBeLessThan(400);
    // Lost demand early, little once the network has grown to it.
    const lost = (period: string) => months.find((row) => row.period === period)!.values.lostOrders!;
    expect(lost('2020-01')).toBeGreaterThan(10 * lost('2020-12'));
  });

  it('leaves the network as it is while its stock meets the orders', async () => {
    const { summary } = await simulate(county(2), { seed: 5 });
    expect(summary.metrics.lostOrders).toBe(0);
    expect(summary.metrics.householdsJoined).toBe(2);
  });

  it('is one way of joining: a group cannot also diffuse or follow anchors, and a product has one such group', () => {
    const problemsOf = (value: unknown) => {
      try {
        loadValue(value);
        return '';
      } catch (error) {
        return error instanceof ScenarioError ? error.problems.map((problem) => problem.message).join('\n') : String(error);
      }
    };
    const value = county(10) as { farmers: Record<string, unknown>[] };
    expect(problemsOf({ ...value, farmers: [{ ...value.farmers[0], joining: { initial: 2 } }] })).toMatch(/joins the selling network one way, not by `joining` and `joinsOnDemand`/);
    expect(problemsOf({ ...value, farmers: [value.farmers[0], { ...value.farmers[0], id: 'hamlet' }] })).toMatch(/`apple` already has a group that joins on demand \(`village`\)/);
  });
});

describe('supply that follows anchors', () => {
  it('grows as a class of anchors appears: each anchor brings its villages\' households', async () => {
    const value = tinyScenario({
      start: '2020-01-01',
      end: '2021-01-01',
      fidelity: 'cohort',
      anchors: [{ id: 'mei', followers: 50, tuneInShare: 0.2, recommendedTraffic: 80, population: { initial: 10, potential: 2000, innovation: 0.05, imitation: 0.5, batches: 2 }, broadcasts: [{ id: 'nightly', schedule: { kind: 'rate', perDay: 0.5, between: ['18:00', '22:00'] } }] }],
      farmers: [{ id: 'village', households: 1000, represents: 10, followsAnchors: { anchor: 'mei', householdsPerAnchor: 20 }, produces: [{ product: 'apple', capacity: 100 }] }],
    });
    const { result } = await simulate(value, { seed: 3 });
    const months = timeseriesTable(result, 'month').rows;
    // 10 anchors x 20 households at the start; 20 households for every anchor who appears later.
    expect(months[0]!.values.householdsJoined! / months[0]!.values.anchorsAppeared!).toBeCloseTo(20, -1);
    const last = months.at(-1)!.values;
    expect(last.anchorsAppeared).toBeGreaterThan(100);
    expect(last.householdsJoined).toBe(Math.min(10_000, Math.ceil((last.anchorsAppeared! * 20) / 10) * 10));
  });
});

describe('shop staff', () => {
  const shopWith = (wagePerMonth: number) =>
    tinyScenario({
      ...plenty,
      start: '2020-01-01',
      end: '2021-01-01',
      anchors: [{ id: 'mei', recommendedTraffic: 5000 }],
      products: [{ id: 'apple', seller: 'magic-bean' }],
      farmers: [
        { id: 'village', households: 30, produces: [{ product: 'apple', capacity: 100_000 }] },
        { id: 'neighbours', households: 200, baselineIncome: 2500, produces: [{ product: 'apple', capacity: 0 }] },
      ],
      shops: [
        {
          id: 'magic-bean',
          contractPrices: { apple: 20 },
          staff: { workersFrom: 'neighbours', ordersPerWorkerMonth: 100, wagePerMonth, spinOffs: { perWorkerYear: 0.5, store: 'spin-offs' } },
        },
      ],
      stores: [{ id: 'spin-offs', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 30, conversion: 0.02, population: { initial: 0, potential: 0 } }],
    });

  it('are hired as orders require, paid into their households, and some open shops of their own', async () => {
    // A wage the shop's margin (about 3.5 yuan an order) easily pays.
    const { summary, result } = await simulate(shopWith(150), { seed: 8 });
    const months = timeseriesTable(result, 'month').rows;
    // December's workforce matches November's orders handled by the shop.
    const november = months.find((row) => row.period === '2020-11')!;
    expect(months.find((row) => row.period === '2020-12')!.values.workers).toBe(Math.ceil(november.values.orders! / 100));
    expect(summary.metrics.wages).toBeGreaterThan(0);
    const paid = result.world.households.wages.reduce((sum, fen) => sum + fen, 0) / 100;
    expect(paid).toBeCloseTo(summary.metrics.wages, 2);
    expect(summary.sellers.shops[0]!.monthsShortOfCash).toBe(0);
    expect(summary.metrics.spinOffs).toBeGreaterThan(0);
    expect(summary.metrics.storesOpened).toBe(summary.metrics.spinOffs);
  });

  it('are paid after the owner takes her share of the margin: a larger share, fewer workers', async () => {
    const owned = (ownerShare: number) => {
      const value = shopWith(150) as { shops: { staff: Record<string, unknown> }[] };
      return { ...value, shops: [{ ...value.shops[0]!, staff: { ...value.shops[0]!.staff, ownerShare } }] };
    };
    const { summary: none } = await simulate(owned(0), { seed: 8 });
    const { summary: half } = await simulate(owned(0.9), { seed: 8 });
    const [shop] = half.sellers.shops;
    expect(none.sellers.shops[0]!.ownerIncome).toBe(0);
    expect(shop!.ownerIncome).toBeGreaterThan(0.8 * shop!.margin);
    expect(shop!.ownerIncome + shop!.wages).toBeLessThanOrEqual(shop!.margin);
    expect(half.metrics.wages).toBeLessThan(none.metrics.wages);
  });

  it('are hired only as far as the margin can pay them: wages never exceed what the shop kept', async () => {
    const { summary, result } = await simulate(shopWith(1500), { seed: 8 });
    const [shop] = summary.sellers.shops;
    expect(shop!.wages).toBeGreaterThan(0);
    expect(shop!.wages).toBeLessThanOrEqual(shop!.margin);
    expect(shop!.monthsShortOfCash).toBeGreaterThan(0);
    // Fewer workers than the orders alone would call for.
    const months = timeseriesTable(result, 'month').rows;
    const november = months.find((row) => row.period === '2020-11')!;
    expect(months.find((row) => row.period === '2020-12')!.values.workers).toBeLessThan(Math.ceil(november.values.orders! / 100));
  });
});

describe('households standing for many', () => {
  it('weigh counts by how many real households they represent', async () => {
    const value = tinyScenario({ ...plenty, farmers: [{ id: 'village', households: 30, represents: 100, produces: [{ product: 'apple', capacity: 100_000 }] }] });
    const { summary } = await simulate(value, { seed: 1 });
    expect(summary.metrics.households).toBe(3000);
    expect(summary.metrics.householdsSupplying % 100).toBe(0);
  });
});
