/** The offline market: a linear inverse demand through the farm-gate price, with a floor below which the rest goes unsold. */
import { describe, expect, it } from 'vitest';
import { OfflineMarket } from '../../src/model/supply/offline-market.js';

const spec = { demandElasticity: 0.8, marketShare: 0.5, diversion: 0, floorShare: 0.25, unsold: 'wasted' as const, referenceQuantity: undefined };

describe('the offline market', () => {
  it('pays the farm-gate price for the reference quantity (by default the whole harvest)', () => {
    const market = new OfflineMarket(spec, 1600, 10_000);
    expect(market.clear(10_000)).toEqual({ price: 1600, soldShare: 1 });
  });

  it('responds to the county’s own quantity with elasticity demandElasticity / marketShare at the reference point', () => {
    const market = new OfflineMarket(spec, 1600, 10_000);
    const lower = market.clear(9_990).price;
    const higher = market.clear(10_010).price;
    const elasticity = -((20 / 10_000) / ((higher - lower) / 1600));
    expect(elasticity).toBeCloseTo(0.8 / 0.5, 6);
  });

  it('stays finite when little comes to market', () => {
    const market = new OfflineMarket(spec, 1600, 10_000);
    expect(market.clear(0).price).toBeCloseTo(1600 * (1 + 0.5 / 0.8), 6);
  });

  it('takes no more than it will at the floor price; the rest goes unsold', () => {
    const market = new OfflineMarket(spec, 1600, 10_000);
    // Q_max = Q_ref (1 + ε (1 − floorShare)) = 10,000 × (1 + 1.6 × 0.75) = 22,000.
    expect(market.clear(22_000).price).toBeCloseTo(400, 6);
    const glut = market.clear(44_000);
    expect(glut.price).toBe(400);
    expect(glut.soldShare).toBeCloseTo(0.5, 9);
  });
});

describe('online buyers diverted from the offline market', () => {
  it('take their demand with them: with all of it diverted, selling online leaves the offline price where it was', () => {
    const market = new OfflineMarket({ ...spec, diversion: 1 }, 1600, 10_000);
    expect(market.clear(9_000, 1_000).price).toBeCloseTo(1600, 6);
    const none = new OfflineMarket(spec, 1600, 10_000);
    expect(none.clear(9_000, 1_000).price).toBeGreaterThan(1600);
  });
});
