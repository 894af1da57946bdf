/** Demand that meets no stock is lost demand, counted; an anchor with nothing to sell stays off air. */
import { describe, expect, it } from 'vitest';
import { simulate, tinyScenario } from '../helpers.js';

/** A village whose whole year's stock is a few hundred boxes, against a busy nightly broadcast. */
const scarce = tinyScenario({
  start: '2020-03-01',
  end: '2020-04-15',
  fidelity: 'cohort',
  anchors: [{ id: 'mei', recommendedTraffic: 20_000 }],
  farmers: [{ id: 'village', households: 10, produces: [{ product: 'apple', capacity: 40 }] }],
});

describe('when stock runs out', () => {
  it('orders that meet no stock are lost demand, counted in orders and in yuan', async () => {
    const { summary } = await simulate(scarce, { seed: 2 });
    expect(summary.metrics.units).toBe(400);
    expect(summary.metrics.lostOrders).toBeGreaterThan(0);
    // Lost yuan: the lost units at the price the buyers would have paid.
    expect(summary.metrics.lostGmv).toBeCloseTo(summary.metrics.lostUnits * 40, 2);
  });

  it('the anchor stops going on air, and the broadcast count says so', async () => {
    const { summary, result } = await simulate(scarce, { seed: 2 });
    expect(summary.metrics.broadcastsSkipped).toBeGreaterThan(20);
    expect(summary.metrics.broadcasts + summary.metrics.broadcastsSkipped).toBe(45);
    // No day has an audience without either orders or lost orders.
    const watched = result.metrics.days.filter((day) => day.flows.views > 0);
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.filter((day) => day.flows.orders + day.flows.lostOrders === 0).map((day) => day.day)).toEqual([]);
  });

  it('a product sold out mid-broadcast keeps its slot: its buyers are counted as lost', async () => {
    const twoProducts = tinyScenario({
      start: '2020-03-01',
      end: '2020-03-02',
      fidelity: 'cohort',
      anchors: [{ id: 'mei', recommendedTraffic: 20_000, broadcasts: [{ id: 'nightly', schedule: { kind: 'dates', dates: ['2020-03-01T20:00'] }, lineup: [{ product: 'apple', slot: '10m' }, { product: 'pear', slot: '10m' }] }] }],
      products: [{ id: 'pear', price: 40, referencePrice: 40, farmGatePrice: 16, processingCost: 2 }],
      farmers: [{ id: 'village', households: 10, produces: [{ product: 'apple', capacity: 2 }, { product: 'pear', capacity: 100_000 }] }],
    });
    const { result } = await simulate(twoProducts, { seed: 2 });
    const apple = result.world.products.find((product) => product.id === 'apple')!.flows;
    expect(apple.units).toBe(20);
    expect(apple.lostOrders).toBeGreaterThan(5);
    expect(result.world.products.find((product) => product.id === 'pear')!.flows.units).toBeGreaterThan(100);
  });
});
