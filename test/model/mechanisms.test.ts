/**
 * Each mechanism the model claims, shown by changing one parameter and watching the outcome move.
 * Paired runs share their seed, so with common random numbers differences come from the change.
 */
import { describe, expect, it } from 'vitest';
import { ArrivalCurve } from '../../src/model/demand/audience.js';
import { simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000 }] }] };

async function metricsWith(overrides: string[], base: Record<string, unknown> = tinyScenario(plenty), seed = 11) {
  return (await simulate(base, { seed, overrides })).summary;
}

/** Mean orders over several seeds, for effects smaller than one run's noise. */
async function meanOrders(overrides: string[], seeds = 20): Promise<number> {
  let orders = 0;
  for (let seed = 1; seed <= seeds; seed++) orders += (await metricsWith(overrides, tinyScenario(plenty), seed)).metrics.orders;
  return orders / seeds;
}

describe('platform', () => {
  it('waives its fee on public-welfare broadcasts but still charges the payment fee', async () => {
    const waived = await metricsWith(['anchors.mei.broadcasts.nightly.welfare=true']);
    const charged = await metricsWith(['anchors.mei.broadcasts.nightly.welfare=true', 'platforms.taobao.welfare.feeWaiver=false']);
    const settled = (summary: typeof waived) => summary.ledger.gmv - summary.ledger.parts.refunds - summary.ledger.parts.spoilage;
    expect(waived.ledger.parts.platformFees).toBeCloseTo(settled(waived) * 0.006, 0);
    expect(charged.ledger.parts.platformFees).toBeCloseTo(settled(charged) * 0.026, 0);
  });

  it('boosts recommended traffic for welfare broadcasts', async () => {
    const base = tinyScenario({ ...plenty, anchors: [{ id: 'mei', followers: 0, recommendedTraffic: 1000 }] });
    const ordinary = await metricsWith([], base);
    const boosted = await metricsWith(['anchors.mei.broadcasts.nightly.welfare=true', 'platforms.taobao.welfare.trafficBoost=3'], base);
    expect(boosted.metrics.views / ordinary.metrics.views).toBeGreaterThan(2.5);
    expect(boosted.metrics.views / ordinary.metrics.views).toBeLessThan(3.5);
  });
});

describe('anchors', () => {
  it('take their commercial commission, or the welfare rate on welfare broadcasts, plus slot fees', async () => {
    const commercial = await metricsWith(['anchors.mei.commission.slotFee=0']);
    const settled = commercial.ledger.gmv - commercial.ledger.parts.refunds - commercial.ledger.parts.spoilage;
    expect(commercial.ledger.parts.anchorCommission).toBeCloseTo(settled * 0.1, 0);
    const withSlotFee = await metricsWith(['anchors.mei.commission.slotFee=500']);
    expect(withSlotFee.ledger.parts.anchorCommission - commercial.ledger.parts.anchorCommission).toBeCloseTo(3 * 500, 2);
    // The slot fee comes out of the seller's margin; the households are still paid their price.
    expect(commercial.ledger.parts.intermediaryMargin - withSlotFee.ledger.parts.intermediaryMargin).toBeCloseTo(3 * 500, 2);
    expect(withSlotFee.ledger.parts.farmerRevenue).toBe(commercial.ledger.parts.farmerRevenue);
    const welfare = await metricsWith(['anchors.mei.broadcasts.nightly.welfare=true']);
    const welfareSettled = welfare.ledger.gmv - welfare.ledger.parts.refunds - welfare.ledger.parts.spoilage;
    expect(welfare.ledger.parts.anchorCommission).toBeCloseTo(welfareSettled * 0.02, 0);
  });

  it('sell more with more skill', async () => {
    const typical = await metricsWith([]);
    const skilled = await metricsWith(['anchors.mei.skill=2']);
    expect(skilled.metrics.views).toBe(typical.metrics.views);
    // Twice the hazard: close to twice the orders (a little less: viewers buy once at most per chance).
    const ratio = (await meanOrders(['anchors.mei.skill=2'])) / (await meanOrders([]));
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.1);
  });

  it('gain followers from feed viewers, who then come back', async () => {
    const base = tinyScenario({ ...plenty, end: '2020-03-12', anchors: [{ id: 'mei', followers: 100, tuneInShare: 0.5, recommendedTraffic: 2000 }] });
    const none = await metricsWith(['anchors.mei.followGain=0'], base);
    const many = await metricsWith(['anchors.mei.followGain=0.2'], base);
    expect(none.metrics.followersGained).toBe(0);
    expect(many.metrics.followersGained).toBeGreaterThan(1000);
    expect(many.metrics.followers).toBe(100 + many.metrics.followersGained);
    expect(many.metrics.views).toBeGreaterThan(none.metrics.views * 1.2);
  });
});

describe('viewers', () => {
  it('buy more when recent sales are shown (social proof)', async () => {
    const without = await meanOrders(['behaviour.socialProof.strength=0']);
    const strong = await meanOrders(['behaviour.socialProof.strength=1', 'behaviour.socialProof.halfSaturation=2']);
    // About 1.5 recent orders on these small nights: a lift of 1.5 / (1.5 + 2), some +40%.
    expect(strong / without).toBeGreaterThan(1.25);
    expect(strong / without).toBeLessThan(1.6);
  });

  it('buy more at a welfare discount when demand is price-elastic', async () => {
    // Subsidised: at 30% off, the seller would otherwise keep less than the farm gate and stop selling.
    const welfare = ['anchors.mei.broadcasts.nightly.welfare=true', 'anchors.mei.broadcasts.nightly.subsidised=true', 'behaviour.priceElasticity=2'];
    const full = await metricsWith(welfare);
    const discounted = await metricsWith([...welfare, 'products.apple.welfareDiscount=0.3']);
    // (0.7)^-2 = 2.04 times the hazard.
    expect(discounted.metrics.orders / full.metrics.orders).toBeGreaterThan(1.6);
    expect(discounted.metrics.averageOrderValue).toBeLessThan(full.metrics.averageOrderValue);
  });

  it('buy the units per order the scenario says', async () => {
    const summary = await metricsWith(['behaviour.unitsPerOrder={kind: fixed, units: 3}']);
    expect(summary.metrics.units).toBe(3 * summary.metrics.orders);
  });

  it('arrive along the curve: ramp-up to a peak, then halving', () => {
    const curve = new ArrivalCurve({ rampUp: 10, halfLife: 30, variability: 0 });
    expect(curve.at(0)).toBeCloseTo(0.2);
    expect(curve.at(10)).toBeCloseTo(1);
    expect(curve.at(40)).toBeCloseTo(0.5);
    let numeric = 0;
    for (let t = 0; t < 120; t += 0.001) numeric += curve.at(t + 0.0005) * 0.001;
    expect(curve.integralTo(120)).toBeCloseTo(numeric, 3);
  });

  it('can be inverted: the time at which the curve has accumulated a given area', () => {
    for (const audience of [
      { rampUp: 10, halfLife: 30, variability: 0 },
      { rampUp: 0, halfLife: undefined, variability: 0 },
      { rampUp: 15, halfLife: undefined, variability: 0 },
    ]) {
      const curve = new ArrivalCurve(audience);
      for (const t of [0.5, 5, 10, 25, 90]) expect(curve.timeAtIntegral(curve.integralTo(t))).toBeCloseTo(t, 9);
    }
    // A decaying curve's area is finite: beyond it, no time.
    expect(new ArrivalCurve({ rampUp: 0, halfLife: 30, variability: 0 }).timeAtIntegral(1000)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('products', () => {
  it('lose a share of units to spoilage and of orders to claims, refunded to buyers', async () => {
    const clean = await metricsWith(['products.apple.spoilage=0', 'products.apple.claimRate=0']);
    expect(clean.ledger.parts.spoilage).toBe(0);
    expect(clean.ledger.parts.refunds).toBe(0);
    const perishable = await metricsWith(['products.apple.spoilage=0.3', 'products.apple.claimRate=0', 'anchors.mei.broadcasts.nightly.subsidised=true']);
    expect(perishable.metrics.spoiledUnits / perishable.metrics.units).toBeGreaterThan(0.2);
    expect(perishable.metrics.spoiledUnits / perishable.metrics.units).toBeLessThan(0.4);
    expect(perishable.ledger.parts.spoilage).toBeCloseTo(perishable.metrics.spoiledUnits * 40, 2);
  });

  it('cost more to ship by cold chain', async () => {
    const ambient = await metricsWith([]);
    const cold = await metricsWith(['products.apple.logistics.coldChain=true', 'products.apple.logistics.coldChainMarkup=0.5']);
    expect(cold.ledger.parts.logistics).toBeCloseTo(ambient.ledger.parts.logistics * 1.5, 2);
  });

  it('sell only inside their harvest window', async () => {
    const outOfSeason = await metricsWith(['products.apple.season={from: "09-01", to: "11-30"}']);
    expect(outOfSeason.metrics.orders).toBe(0);
    // With nothing in season to sell, the anchor does not go on air, and the outputs say so.
    expect(outOfSeason.metrics.broadcasts).toBe(0);
    expect(outOfSeason.metrics.views).toBe(0);
    expect(outOfSeason.metrics.broadcastsSkipped).toBe(3);
    const base = tinyScenario({ ...plenty, end: '2020-03-10', products: [{ id: 'apple', season: { from: '03-06', to: '06-30' } }] });
    const { result } = await simulate(base, { seed: 11 });
    const sales = result.metrics.days.map((day) => [day.day, day.flows.orders] as const);
    expect(sales.filter(([day]) => day < '2020-03-06').every(([, orders]) => orders === 0)).toBe(true);
    expect(sales.filter(([day]) => day >= '2020-03-06').some(([, orders]) => orders > 0)).toBe(true);
  });

  it('sold by a shop pay farmers the contract price and leave the shop the margin', async () => {
    const base = tinyScenario({ ...plenty, products: [{ id: 'apple', seller: 'shop' }], shops: [{ id: 'shop', contractPrices: { apple: 22 } }] });
    const { summary } = await simulate(base, { seed: 11 });
    expect(summary.ledger.parts.farmerRevenue).toBeCloseTo(summary.metrics.units * 22, 2);
    expect(summary.metrics.householdNetIncome).toBeCloseTo(summary.metrics.units * (22 - 16), 2);
  });
});

describe('households', () => {
  it('cross the poverty line when e-commerce earns them enough', async () => {
    const base = tinyScenario({
      end: '2020-03-20',
      anchors: [{ id: 'mei', recommendedTraffic: 20_000, skill: 3 }],
      // Their cooperative pays the farm-gate price and shares most of its margin with them.
      products: [{ id: 'apple', profitShare: 0.8 }],
      farmers: [{ id: 'village', households: 30, baselineIncome: { median: 3800, sigma: 0.1 }, produces: [{ product: 'apple', capacity: 2000 }] }],
    });
    const { summary } = await simulate(base, { seed: 11 });
    expect(summary.metrics.householdsAboveLine).toBeGreaterThan(summary.metrics.householdsAboveLineWithoutEcommerce);
    expect(summary.metrics.householdsLifted).toBe(summary.metrics.householdsAboveLine - summary.metrics.householdsAboveLineWithoutEcommerce);
  });
});

describe('broadcast schedules', () => {
  it('explicit dates: only those inside the run', async () => {
    const summary = await metricsWith(['anchors.mei.broadcasts.nightly.schedule={kind: dates, dates: ["2020-03-01T20:00", "2020-03-03T10:00", "2020-03-04T21:00"]}']);
    expect(summary.metrics.broadcasts).toBe(2);
  });

  it('a cadence: every so often from a time of day', async () => {
    const base = tinyScenario({ ...plenty, end: '2020-03-12' });
    const summary = await metricsWith(['anchors.mei.broadcasts.nightly.schedule={kind: cadence, every: 2d, at: "08:00"}'], base);
    expect(summary.metrics.broadcasts).toBe(5);
  });

  it('a rate: a Poisson number a day, within a window', async () => {
    const base = tinyScenario({ ...plenty, end: '2020-04-01' });
    const { result } = await simulate(base, { seed: 11, overrides: ['anchors.mei.broadcasts.nightly.schedule={kind: rate, perDay: 3, between: ["09:00", "12:00"]}'] });
    const rows = result.metrics.broadcasts;
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.length).toBeLessThan(120);
    for (const row of rows) expect(row.start.slice(11) >= '09:00' && row.start.slice(11) <= '12:00').toBe(true);
  });

  it('a broadcast still on air when the run ends is recorded as unfinished', async () => {
    const { result } = await simulate(tinyScenario(plenty), { seed: 11, overrides: ['end=2020-03-02T21:00'] });
    expect(result.metrics.broadcasts).toHaveLength(1);
    expect(result.metrics.broadcasts[0]).toMatchObject({ finished: false, minutes: 60 });
  });
});
