/** Shocks on a timeline: traffic, demand, logistics, supply and promotion days, each pinned on a small scenario. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { loadValue, simulate, storeCounty } from '../helpers.js';

/** Twenty days of nightly broadcasts and a store, with stock to spare; shocks on 10-14 March. */
const county = (shocks: Record<string, unknown>[]) => storeCounty({ shocks });

const during = (day: string) => day >= '2020-03-10' && day <= '2020-03-14';

/** Sums of day flows inside and outside the shock's days. */
async function flowsOf(shocks: Record<string, unknown>[]) {
  const { result } = await simulate(county(shocks), { seed: 11 });
  const sum = (inside: boolean, read: (flows: (typeof result.metrics.days)[number]['flows']) => number) =>
    result.metrics.days.filter((row) => during(row.day) === inside).reduce((total, row) => total + read(row.flows), 0);
  return { sum, days: result.metrics.days };
}

const dates = { from: '2020-03-10', to: '2020-03-14' };

describe('shocks on a timeline', () => {
  it('traffic: multiplies broadcast views and store visits on the platform during the shock, not after', async () => {
    const base = await flowsOf([]);
    const shocked = await flowsOf([{ id: 'surge', kind: 'traffic', ...dates, multiplier: 2 }]);
    const views = (run: typeof base, inside: boolean) => run.sum(inside, (flows) => flows.views);
    const visits = (run: typeof base, inside: boolean) => run.sum(inside, (flows) => flows.storeVisits);
    expect(views(shocked, true) / views(base, true)).toBeGreaterThan(1.7);
    expect(visits(shocked, true) / visits(base, true)).toBeCloseTo(2, 0);
    expect(visits(shocked, false) / visits(base, false)).toBeCloseTo(1, 1);
  });

  it('demand: multiplies purchases of the products in scope, the audience unchanged', async () => {
    const base = await flowsOf([]);
    const shocked = await flowsOf([{ id: 'hoarding', kind: 'demand', ...dates, categories: ['other'], multiplier: 1.5 }]);
    expect(shocked.sum(true, (flows) => flows.views)).toBe(base.sum(true, (flows) => flows.views));
    expect(shocked.sum(true, (flows) => flows.orders) / base.sum(true, (flows) => flows.orders)).toBeGreaterThan(1.3);
  });

  it('logistics: ships a share of the orders (the rest lost demand), dearer parcels, more spoiled in transit', async () => {
    const base = await flowsOf([]);
    const shocked = await flowsOf([{ id: 'lockdown', kind: 'logistics', ...dates, capacity: 0.4, costMultiplier: 2, spoilage: 0.2 }]);
    const inside = (run: typeof base, read: (flows: Parameters<Parameters<typeof base.sum>[1]>[0]) => number) => run.sum(true, read);
    const shipped = inside(shocked, (flows) => flows.orders) / inside(base, (flows) => flows.orders);
    expect(shipped).toBeGreaterThan(0.3);
    expect(shipped).toBeLessThan(0.5);
    expect(inside(shocked, (flows) => flows.lostOrders)).toBeGreaterThan(inside(shocked, (flows) => flows.orders));
    const parcel = (run: typeof base) => inside(run, (flows) => flows.logistics) / inside(run, (flows) => flows.orders);
    expect(parcel(shocked) / parcel(base)).toBeCloseTo(2, 2);
    const spoiledShare = (run: typeof base) => inside(run, (flows) => flows.spoiledUnits) / inside(run, (flows) => flows.units);
    expect(spoiledShare(shocked)).toBeGreaterThan(0.18);
    expect(spoiledShare(base)).toBeLessThan(0.06);
  });

  it('keeps the books: every fen of GMV in one part under every kind of shock at once', async () => {
    const { ledgerPartsInFen } = await import('../helpers.js');
    const all = [
      { id: 'surge', kind: 'traffic', ...dates, multiplier: 1.5 },
      { id: 'hoarding', kind: 'demand', ...dates, multiplier: 1.3 },
      { id: 'lockdown', kind: 'logistics', ...dates, capacity: 0.5, costMultiplier: 1.7, spoilage: 0.1 },
      { id: 'roads-closed', kind: 'supply', ...dates, loss: 0.3 },
      { id: 'festival', kind: 'promotion', on: ['03-17'], traffic: 2, demand: 1.2 },
    ];
    const { summary } = await simulate(county(all), { seed: 11 });
    expect(ledgerPartsInFen(summary.ledger.parts)).toBe(Math.round(summary.ledger.gmv * 100));
  });

  it('supply: loses a share of the online stock on its first day', async () => {
    const stockOn = (run: { days: { day: string; levels: { stockAvailable: number } }[] }, day: string) => run.days.find((row) => row.day === day)!.levels.stockAvailable;
    const base = await flowsOf([]);
    const shocked = await flowsOf([{ id: 'roads-closed', kind: 'supply', ...dates, loss: 0.5 }]);
    expect(stockOn(shocked, '2020-03-09')).toBe(stockOn(base, '2020-03-09'));
    expect(stockOn(shocked, '2020-03-10') / stockOn(base, '2020-03-10')).toBeCloseTo(0.5, 1);
  });

  it('promotion: on its days every year, traffic and demand up; the days around it untouched', async () => {
    const base = await flowsOf([]);
    const shocked = await flowsOf([{ id: 'festival', kind: 'promotion', on: ['03-12'], traffic: 3, demand: 1.2 }]);
    const onDay = (run: typeof base, day: string) => run.days.find((row) => row.day === day)!.flows;
    expect(onDay(shocked, '2020-03-12').storeVisits / onDay(base, '2020-03-12').storeVisits).toBeCloseTo(3, 0);
    expect(onDay(shocked, '2020-03-11').storeVisits).toBe(onDay(base, '2020-03-11').storeVisits);
  });

  it('broadcasts: multiplies how often a class of anchors goes live', async () => {
    const classOfAnchors = (shocks: Record<string, unknown>[]) => ({
        ...county(shocks),
        anchors: [
          {
            id: 'villagers',
            kind: 'peasant',
            platform: 'taobao',
            followers: 100,
            tuneInShare: 0.2,
            recommendedTraffic: 100,
            population: { initial: 200, potential: 200 },
            broadcasts: [{ id: 'evenings', schedule: { kind: 'rate', perDay: 0.5 }, duration: '1h', lineup: [{ product: 'apple', slot: '30m' }] }],
          },
        ],
      });
    const broadcastsInside = async (shocks: Record<string, unknown>[]) =>
      (await simulate(classOfAnchors(shocks), { seed: 11 })).result.metrics.days.filter((row) => during(row.day)).reduce((sum, row) => sum + row.flows.broadcasts, 0);
    const base = await broadcastsInside([]);
    const doubled = await broadcastsInside([{ id: 'go-live', kind: 'broadcasts', ...dates, multiplier: 2 }]);
    // 200 anchors at 0.5 a day over 5 days: about 500, then about 1,000.
    expect(base).toBeGreaterThan(400);
    expect(doubled / base).toBeGreaterThan(1.75);
    expect(doubled / base).toBeLessThan(2.25);
  });

  it.each([
    ['overlapping shocks of one kind', [{ id: 'a', kind: 'traffic', ...dates, multiplier: 2 }, { id: 'b', kind: 'traffic', from: '2020-03-14', to: '2020-03-16', multiplier: 2 }], 'shocks.1', /overlaps shock `a`/],
    ['a shock that ends after the run', [{ id: 'late', kind: 'demand', from: '2020-03-19', to: '2020-04-02', multiplier: 2 }], 'shocks.0.to', /after the run/],
    ['a shock wholly outside the run', [{ id: 'later', kind: 'demand', from: '2020-05-01', to: '2020-05-02', multiplier: 2 }], 'shocks.0', /lies outside the run/],
    ['an unknown product', [{ id: 'x', kind: 'supply', ...dates, products: ['aple'], loss: 0.2 }], 'shocks.0.products.0', /unknown product `aple`/],
    ['a broadcasts shock on a single anchor', [{ id: 'x', kind: 'broadcasts', ...dates, anchors: ['mei'], multiplier: 2 }], 'shocks.0.anchors.0', /single anchor/],
    ['an absurd multiplier', [{ id: 'x', kind: 'traffic', ...dates, multiplier: 1e9 }], 'shocks.0.multiplier', /too large/],
  ])('refuses %s, at its path', (_label, shocks, path, message) => {
    try {
      loadValue(county(shocks as Record<string, unknown>[]));
      expect.unreachable('the scenario loaded');
    } catch (error) {
      const problem = (error as ScenarioError).problems.find((candidate) => candidate.path === path);
      expect(problem, JSON.stringify((error as ScenarioError).problems)).toBeDefined();
      expect(problem!.message).toMatch(message);
    }
  });

  it('lets shocks of different kinds meet: a traffic shock and a logistics shock on the same days', () => {
    expect(() => loadValue(county([{ id: 'a', kind: 'traffic', ...dates, multiplier: 2 }, { id: 'b', kind: 'logistics', ...dates, capacity: 0.5 }]))).not.toThrow();
  });
});
