/**
 * The counterfactual in every run: the same harvest sold offline only. The gain from live
 * commerce is income with it less income without it, and comes through three channels: a price
 * premium on units sold online, volume that would otherwise have gone unsold, and a spillover
 * (a higher offline price for every grower, online sales having taken supply off the market).
 */
import { describe, expect, it } from 'vitest';
import { simulate, tinyScenario } from '../helpers.js';

const fen = (yuan: number) => Math.round(yuan * 100);

/** A county whose apple growers sell online to a shop paying more than the farm gate. */
function county(options: { harvest: number; offline?: Record<string, unknown>; bystanders?: boolean; contract?: number }) {
  const growers = { id: 'village', households: 30, persons: 3.5, baselineIncome: 4200, produces: [{ product: 'apple', capacity: 60, harvest: options.harvest }] };
  // Growers of the same apples who never join the selling network: they sell offline only.
  const bystanders = { id: 'next-valley', households: 30, persons: 3.5, baselineIncome: 4200, joining: { initial: 0 }, produces: [{ product: 'apple', capacity: 60, harvest: options.harvest }] };
  return tinyScenario({
    products: [{ id: 'apple', seller: 'co-op-shop', offline: options.offline ?? {} }],
    shops: [{ id: 'co-op-shop', contractPrices: { apple: options.contract ?? 20 } }],
    farmers: options.bystanders ? [growers, bystanders] : [growers],
  });
}

describe('the gain from live commerce', () => {
  it('is income with it less income without it, to the fen: online pay + offline sales + wages − the counterfactual', async () => {
    const { summary } = await simulate(county({ harvest: 400, bystanders: true }));
    const m = summary.metrics;
    expect(m.units).toBeGreaterThan(0);
    expect(fen(m.gain)).toBe(fen(m.farmerRevenue) + fen(m.offlineRevenue) + fen(m.wages) - fen(m.farmSalesWithout));
    expect(fen(m.gain)).toBe(fen(m.gainPremium) + fen(m.gainVolume) + fen(m.gainSpillover) + fen(m.wages));
    const groups = summary.farmers.groups;
    expect(groups.reduce((sum, group) => sum + fen(group.gain), 0)).toBe(fen(m.gain));
  });

  it('pays a premium: a shop paying above the offline price, in a market the county cannot move, gives the premium and nothing else', async () => {
    // A price taker: the county is 0.1% of the market's supply.
    const { summary } = await simulate(county({ harvest: 400, offline: { marketShare: 0.001 } }));
    const m = summary.metrics;
    // Without a glut the counterfactual price is the farm gate: the premium is the contract price's margin over it.
    expect(m.gainPremium).toBeCloseTo((20 - 16) * m.units, 2);
    expect(m.gainVolume).toBe(0);
    expect(Math.abs(m.gainSpillover)).toBeLessThan(0.01 * m.gainPremium);
  });

  it('rescues volume: in a glut at the floor price, units sold online would otherwise have gone unsold', async () => {
    // The market takes 1,000 apples at the farm gate and at most 1,800 at the floor (8 yuan); the county brings 12,000.
    const { summary } = await simulate(county({ harvest: 400, offline: { referenceQuantity: 1000, floorShare: 0.5, demandElasticity: 0.8, marketShare: 0.5 } }));
    const m = summary.metrics;
    expect(m.unitsUnsoldWithout).toBe(12_000 - 1_800);
    // Each unit sold online would have sold offline only with the counterfactual's share, at the floor price.
    const soldShare = 1_800 / 12_000;
    expect(m.gainVolume).toBeCloseTo(8 * (1 - soldShare) * m.units, 0);
    expect(m.gainPremium).toBeCloseTo((20 - 8) * m.units, 0);
    // Offline, the market still takes its 1,800 at the floor: every unit sold online is a unit more sold, and
    // the whole online pay is gain (the rest of the harvest sells a larger share: the spillover, in quantity).
    expect(m.unitsOffline).toBe(1_800);
    expect(m.gainSpillover).toBeGreaterThan(0);
    expect(m.gain).toBeCloseTo(m.farmerRevenue, 0);
  });

  it('spills over: growers who never sell online gain too, from the higher offline price', async () => {
    const { summary } = await simulate(county({ harvest: 400, bystanders: true }));
    const [village, valley] = summary.farmers.groups;
    expect(village!.premium).toBeGreaterThan(0);
    expect(valley!.premium).toBe(0);
    expect(valley!.volume).toBe(0);
    expect(valley!.spillover).toBeGreaterThan(0);
    expect(valley!.gain).toBe(valley!.spillover);
  });

  it('is measured against a counterfactual that online demand does not move (same harvest, same draws)', async () => {
    const base = county({ harvest: 400, bystanders: true });
    const { summary: low } = await simulate(base);
    const { summary: high } = await simulate(base, { overrides: ['behaviour.purchaseRate=0.012'] });
    expect(high.metrics.units).toBeGreaterThan(low.metrics.units);
    const withoutLow = low.metrics.farmSalesWithout;
    expect(high.metrics.farmSalesWithout).toBeCloseTo(withoutLow, 0);
    expect(withoutLow).toBeCloseTo(16 * 60 * 400, 0);
  });
});

describe('what neither channel takes', () => {
  const glut = (unsold: 'wasted' | 'carried') =>
    county({ harvest: 400, offline: { referenceQuantity: 1000, floorShare: 0.5, demandElasticity: 0.8, marketShare: 0.5, unsold } });

  it('is wasted for perishables, and carried into the next season for dry goods (with and without live commerce)', async () => {
    // Two years: the apples (no harvest window) renew on 1 January.
    const span = ['start=2020-12-29', 'end=2021-01-03'];
    const { summary: wasted } = await simulate(glut('wasted'), { overrides: span });
    const { summary: carried } = await simulate(glut('carried'), { overrides: span });
    // Each year the market alone takes 1,800 of 12,000: wasted, 2 × 10,200 go unsold; carried, the second year brings 22,200.
    expect(wasted.metrics.unitsUnsoldWithout).toBe(2 * 10_200);
    expect(carried.metrics.unitsUnsoldWithout).toBe(10_200 + 22_200 - 1_800);
    const m = carried.metrics;
    expect(fen(m.gain)).toBe(fen(m.farmerRevenue) + fen(m.offlineRevenue) + fen(m.wages) - fen(m.farmSalesWithout));
  });
});
