import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../src/experiment/run/single-run.js';
import { LEDGER_PARTS } from '../../src/model/money/flows.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';
import { ledgerPartsInFen, simulate, tinyScenario } from '../helpers.js';

/** A county whose stock runs out: heavy traffic, little supply, a shop, processing, fees, slot fees. */
const scarce = tinyScenario({
  anchors: [{ id: 'mei', recommendedTraffic: 6000, skill: 2, commission: { rate: 0.2, slotFee: 800 } }],
  products: [{ id: 'apple', processingCost: 3, seller: 'coop-shop' }],
  shops: [{ id: 'coop-shop', contractPrices: { apple: 21 } }],
  farmers: [{ id: 'village', households: 12, produces: [{ product: 'apple', capacity: { median: 20, sigma: 0.6 } }] }],
});

describe('the ledger', () => {
  // A preset's first year at most: the books balance sale by sale, so a longer run shows nothing more.
  it.each(presetNames())('gives every fen of GMV to exactly one part, and every fen of the farmers’ gain to its sources, in preset %s', async (name) => {
    const { start, end } = loadScenario(name).scenario;
    const yearLater = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`;
    // The first year, without shocks that would then lie outside the run.
    const loaded = loadScenario(name, { overrides: [`end=${yearLater < end ? yearLater : end}`, ...(yearLater < end ? ['shocks=[]'] : [])] });
    const { summary } = await new ScenarioRun(loaded, 1).run();
    expect(ledgerPartsInFen(summary.ledger.parts)).toBe(Math.round(summary.ledger.gmv * 100));
    expect(Object.keys(summary.ledger.parts).sort()).toEqual([...LEDGER_PARTS].sort());
    const m = summary.metrics;
    const fen = (yuan: number) => Math.round(yuan * 100);
    expect(fen(m.gain)).toBe(fen(m.farmerRevenue) + fen(m.offlineRevenue) + fen(m.wages) - fen(m.farmSalesWithout));
    expect(fen(m.gain)).toBe(fen(m.gainPremium) + fen(m.gainVolume) + fen(m.gainSpillover) + fen(m.wages));
  });

  it('balances when stock runs out, slot fees are charged and a shop keeps a margin', async () => {
    const { summary, result } = await simulate(scarce);
    expect(summary.metrics.stockOuts).toBeGreaterThan(0);
    expect(summary.ledger.parts.intermediaryMargin).not.toBe(0);
    expect(summary.ledger.parts.anchorCommission).toBeGreaterThan(0);
    expect(ledgerPartsInFen(summary.ledger.parts)).toBe(Math.round(summary.ledger.gmv * 100));
    // The same holds day by day.
    for (const day of result.metrics.days) {
      const parts = LEDGER_PARTS.reduce((sum, part) => sum + day.flows[part], 0);
      expect(parts).toBe(day.flows.gmv);
    }
  });

  it('pays farmers exactly what the ledger says they earned', async () => {
    const { summary, result } = await simulate(scarce);
    const paid = result.world.households.revenue.reduce((sum, fen) => sum + fen, 0);
    expect(paid / 100).toBeCloseTo(summary.ledger.parts.farmerRevenue, 2);
  });
});

describe('supply', () => {
  it('never sells more than farmers can supply, never goes below zero stock, and counts lost demand', async () => {
    const { summary, result } = await simulate(scarce);
    const product = result.world.products[0]!;
    expect(product.available).toBeGreaterThanOrEqual(0);
    const households = result.world.households;
    const capacity = product.capacities.reduce((sum, units) => sum + units, 0);
    expect(summary.metrics.units).toBeLessThanOrEqual(capacity);
    expect(summary.metrics.units + product.available).toBe(capacity);
    expect(summary.metrics.lostOrders).toBeGreaterThan(0);
    const unitsAllocated = households.unitsSold.reduce((sum, units) => sum + units, 0);
    expect(unitsAllocated).toBe(summary.metrics.units);
    product.households.forEach((household, supplier) => expect(households.unitsSold[household]).toBeLessThanOrEqual(product.capacities[supplier]!));
  });
});
