/**
 * Who keeps what: sellers buy from households at the farm-gate or contract price and keep their
 * margin; households get that price plus any stated profit share; sellers refuse products that
 * do not pay, and deals that leave them at a loss show as such.
 */
import { describe, expect, it } from 'vitest';
import { ledgerPartsInFen, simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 100_000 }] }] };

describe("the farmers' cooperative", () => {
  it('pays its members the farm-gate price and keeps the margin', async () => {
    const { summary } = await simulate(tinyScenario(plenty), { seed: 4 });
    expect(summary.ledger.parts.farmerRevenue).toBeCloseTo(summary.metrics.units * 16, 2);
    expect(summary.ledger.parts.intermediaryMargin).toBeGreaterThan(0);
    // Nothing beyond the farm-gate value reaches the households.
    expect(summary.metrics.householdNetIncome).toBeCloseTo(0, 2);
    expect(ledgerPartsInFen(summary.ledger.parts)).toBe(Math.round(summary.ledger.gmv * 100));
  });

  it('pays back its stated profit share of the margin', async () => {
    // No slot fee: every sale leaves a positive margin to share.
    const noSlotFee = { ...plenty, anchors: [{ id: 'mei', commission: { slotFee: 0 } }] };
    const base = await simulate(tinyScenario(noSlotFee), { seed: 4 });
    const sharing = await simulate(tinyScenario({ ...noSlotFee, products: [{ id: 'apple', profitShare: 0.5 }] }), { seed: 4 });
    const margin = base.summary.ledger.parts.intermediaryMargin;
    expect(sharing.summary.ledger.parts.farmerRevenue - base.summary.ledger.parts.farmerRevenue).toBeCloseTo(margin / 2, -1);
    expect(sharing.summary.metrics.householdNetIncome).toBeCloseTo(margin / 2, -1);
  });

  it('keeps the farm-gate share of the retail price: what reaches the farmers follows the farm gate, not the seller margin', async () => {
    const { summary } = await simulate(tinyScenario(plenty), { seed: 4 });
    const share = summary.ledger.parts.farmerRevenue / summary.ledger.gmv;
    expect(share).toBeGreaterThan(0.38);
    expect(share).toBeLessThan(0.42);
  });
});

describe('a seller', () => {
  it('does not offer a product that would leave it less than the farm-gate price per unit', async () => {
    // 25 yuan a box: after 10% commission and 11 yuan shipping for 1.4 boxes, under the 16 yuan farm gate.
    const cheap = tinyScenario({ ...plenty, products: [{ id: 'apple', price: 25 }] });
    const { summary } = await simulate(cheap, { seed: 4 });
    expect(summary.metrics.orders).toBe(0);
    expect(summary.metrics.broadcasts).toBe(0);
    expect(summary.sellers.dropped).toEqual([{ channel: 'nightly', product: 'apple', netPerUnit: expect.any(Number), farmGatePrice: 16 }]);
    expect(summary.sellers.dropped[0]!.netPerUnit).toBeLessThan(16);
  });

  it('sells it anyway in a subsidised welfare sale, and the loss is visible', async () => {
    const subsidised = tinyScenario({
      ...plenty,
      products: [{ id: 'apple', price: 25 }],
      anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', welfare: true, subsidised: true }] }],
    });
    const { summary } = await simulate(subsidised, { seed: 4 });
    expect(summary.metrics.orders).toBeGreaterThan(0);
    expect(summary.sellers.dropped).toEqual([]);
    expect(summary.ledger.parts.intermediaryMargin).toBeLessThan(0);
    // The households are still paid the farm gate: the seller, not the farmer, carries the loss.
    expect(summary.ledger.parts.farmerRevenue).toBeCloseTo(summary.metrics.units * 16, 2);
  });

  it('shows a commercial deal whose slot fee outweighs the margin as broadcasts at a loss', async () => {
    const { summary } = await simulate(tinyScenario({ ...plenty, anchors: [{ id: 'mei', commission: { slotFee: 100_000 } }] }), { seed: 4 });
    expect(summary.sellers.broadcastsAtALoss).toBe(3);
    expect(summary.sellers.lossFromBroadcasts).toBeGreaterThan(250_000);
    expect(summary.ledger.parts.farmerRevenue).toBeCloseTo(summary.metrics.units * 16, 2);
  });
});
