/** Demand responds to the price paid against the market reference price, in broadcasts and stores. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { loadValue, simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }] };

async function meanOver(value: unknown, overrides: string[]): Promise<{ units: number; gmv: number }> {
  let units = 0;
  let gmv = 0;
  for (let seed = 1; seed <= 4; seed++) {
    const { summary } = await simulate(value, { seed, overrides });
    units += summary.metrics.units / 4;
    gmv += summary.metrics.gmv / 4;
  }
  return { units, gmv };
}

describe('a higher price', () => {
  const broadcasts = tinyScenario({ ...plenty, fidelity: 'cohort', end: '2020-03-20', anchors: [{ id: 'mei', recommendedTraffic: 20_000 }] });
  const stores = tinyScenario({
    ...plenty,
    end: '2020-06-01',
    anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', schedule: { kind: 'dates', dates: ['2020-03-02T20:00'] } }] }],
    stores: [{ id: 'shopfront', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 5000, conversion: 0.02 }],
  });

  for (const [channel, value] of [['broadcasts', broadcasts], ['store listings', stores]] as const) {
    it(`sells fewer units in ${channel}, and with elasticity above 1 less GMV`, async () => {
      const base = await meanOver(value, ['behaviour.priceElasticity=1.5']);
      const dearer = await meanOver(value, ['behaviour.priceElasticity=1.5', 'products.apple.price=52']);
      // 30% dearer: units fall to about 1.3^-1.5 = 0.67 of the base, GMV to 0.88.
      expect(dearer.units / base.units).toBeGreaterThan(0.6);
      expect(dearer.units / base.units).toBeLessThan(0.75);
      expect(dearer.gmv / base.gmv).toBeLessThan(0.95);
    });
  }

  it('raises GMV when demand is inelastic', async () => {
    const base = await meanOver(stores, ['behaviour.priceElasticity=0.5']);
    const dearer = await meanOver(stores, ['behaviour.priceElasticity=0.5', 'products.apple.price=52']);
    expect(dearer.units).toBeLessThan(base.units);
    expect(dearer.gmv).toBeGreaterThan(base.gmv);
  });
});

describe('the market reference price', () => {
  it('must be stated for every product: a price compared with itself would hide the price response', () => {
    const value = tinyScenario() as { products: Record<string, unknown>[] };
    delete value.products[0]!.referencePrice;
    expect(() => loadValue(value)).toThrow(ScenarioError);
    try {
      loadValue(value);
    } catch (error) {
      expect((error as ScenarioError).problems[0]!.path).toBe('products.0.referencePrice');
    }
  });
});

describe('prices that pass costs on', () => {
  // Selling an apple on mei's channel costs the seller about 33.30: 16 at the farm gate, 2 of
  // packing, 11 a parcel of 1.4 units, and 18.6% of the price in claims, spoilage, fees and commission.
  const costPlus = { kind: 'cost-plus', passThrough: 0.6, referenceCost: 33.3 };
  const county = (pricing: Record<string, unknown>) =>
    tinyScenario({ ...plenty, fidelity: 'cohort', end: '2020-03-12', anchors: [{ id: 'mei', recommendedTraffic: 20_000 }], products: [{ id: 'apple', pricing }] });
  const waived = ['platforms.taobao.feeRate=0', 'platforms.taobao.paymentFeeRate=0'];
  const pricePerUnit = (metrics: { gmv: number; units: number }) => metrics.gmv / metrics.units;

  it('keep the stated price on the channel whose costs they were set at', async () => {
    const { summary: fixed } = await simulate(county({ kind: 'fixed' }));
    const { summary: plus } = await simulate(county(costPlus));
    expect(pricePerUnit(plus.metrics)).toBeCloseTo(pricePerUnit(fixed.metrics), 1);
  });

  it('under cost-plus, a fee waived lowers the price, sells more and pays the farmers more', async () => {
    const { summary: before } = await simulate(county(costPlus));
    const { summary: after } = await simulate(county(costPlus), { overrides: waived });
    expect(pricePerUnit(after.metrics)).toBeLessThan(pricePerUnit(before.metrics) - 0.3);
    expect(after.metrics.units).toBeGreaterThan(before.metrics.units);
    expect(after.metrics.farmerRevenue).toBeGreaterThan(before.metrics.farmerRevenue);
  });

  it('under a fixed price, a fee waived only leaves the seller more', async () => {
    const { summary: before } = await simulate(county({ kind: 'fixed' }));
    const { summary: after } = await simulate(county({ kind: 'fixed' }), { overrides: waived });
    expect(after.metrics.units).toBe(before.metrics.units);
    expect(after.metrics.farmerRevenue).toBe(before.metrics.farmerRevenue);
    expect(after.ledger.parts.intermediaryMargin).toBeGreaterThan(before.ledger.parts.intermediaryMargin);
  });

  it('pass logistics and spoilage on too, and keep the welfare discount explicit on top', async () => {
    const { summary: base } = await simulate(county(costPlus));
    const { summary: dearer } = await simulate(county(costPlus), { overrides: ['products.apple.logistics.perParcel=16', 'products.apple.spoilage=0.1'] });
    expect(pricePerUnit(dearer.metrics)).toBeGreaterThan(pricePerUnit(base.metrics) + 1);
    const { summary: welfare } = await simulate(county(costPlus), { overrides: ['anchors.mei.broadcasts.nightly.welfare=true', 'products.apple.welfareDiscount=0.2'] });
    // Welfare: no platform fee, 2% commission (cheaper to sell, so a lower price), then 20% off.
    expect(pricePerUnit(welfare.metrics)).toBeLessThan(0.8 * pricePerUnit(base.metrics));
  });
});
