/** Repeat customers: recruited from first-time buyers only, bounded by the store's market. */
import { describe, expect, it } from 'vitest';
import { timeseriesTable } from '../../src/experiment/run/timeseries.js';
import { simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 10_000_000 }] }] };

function storeWith(loyalty: Record<string, unknown>, years = 6) {
  return tinyScenario({
    ...plenty,
    start: '2020-01-01',
    end: `${2020 + years}-01-01`,
    anchors: [{ id: 'mei', broadcasts: [{ id: 'nightly', schedule: { kind: 'dates', dates: ['2020-01-01T20:00'] } }] }],
    stores: [{ id: 'shopfront', platform: 'taobao', products: [{ product: 'apple' }], visitorsPerDay: 2000, conversion: 0.02, loyalty }],
  });
}

/** Store orders per visit in each calendar year. */
async function ordersPerVisitByYear(value: unknown, seed = 3): Promise<number[]> {
  const { result } = await simulate(value, { seed });
  const liveOrders = result.metrics.broadcasts.reduce((sum, row) => sum + row.orders, 0);
  const years = new Map<string, { visits: number; orders: number }>();
  timeseriesTable(result, 'month').rows.forEach((row, index) => {
    const year = years.get(row.period.slice(0, 4)) ?? { visits: 0, orders: 0 };
    year.visits += row.values.storeVisits!;
    year.orders += row.values.orders! - (index === 0 ? liveOrders : 0);
    years.set(row.period.slice(0, 4), year);
  });
  return [...years.values()].map((year) => year.orders / year.visits);
}

describe('repeat customers of a store', () => {
  it('raise orders per visit at first, then settle: with steady visitors there is no runaway growth', async () => {
    const rates = await ordersPerVisitByYear(storeWith({ retention: 0.5, repeatOrdersPerYear: 6, churnPerYear: 1 }));
    expect(rates[1]! / rates[0]!).toBeGreaterThan(1.3);
    // The last years agree within 5%: the customer base has reached its balance.
    expect(Math.abs(rates.at(-1)! / rates.at(-2)! - 1)).toBeLessThan(0.05);
    // ... and that balance is where as many repeat customers churn as first-time buyers are kept:
    // 0.02 first orders a visit, half of them kept, each ordering 6 times a year for a year on
    // average: 0.02 x (1 + 0.5 x 6 / 1) = 0.08 orders a visit, a little less as the market fills.
    expect(rates.at(-1)!).toBeLessThan(0.08);
    expect(rates.at(-1)!).toBeGreaterThan(0.08 * 0.95);
  });

  it('come only from first-time buyers: a tiny market caps repeat orders however well they are kept', async () => {
    const small = await ordersPerVisitByYear(storeWith({ retention: 1, repeatOrdersPerYear: 12, churnPerYear: 0, market: 500 }, 3));
    // 500 customers x 12 orders a year over 2000 x 365 visits: about 0.008 extra orders per visit.
    expect(small.at(-1)!).toBeGreaterThan(0.02 + 0.006);
    expect(small.at(-1)!).toBeLessThan(0.02 + 0.0095);
  });

  it('leave a store without loyalty at its conversion', async () => {
    const rates = await ordersPerVisitByYear(storeWith({}, 2));
    for (const rate of rates) expect(rate).toBeCloseTo(0.02, 2);
  });
});
