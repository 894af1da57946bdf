/**
 * The metrics reducers add every number a sale carries, wherever the sale counts; the hot path's
 * adds are spelled out by hand, so this holds them to the metric catalogue.
 */
import { describe, expect, it } from 'vitest';
import type { SalesChannel } from '../../src/model/money/channel.js';
import { Flows } from '../../src/model/money/flows.js';
import { COUNTER_NAMES, LEDGER_PARTS, type CounterName } from '../../src/model/observation/metric-catalogue.js';
import { Metrics } from '../../src/model/observation/metrics.js';
import type { ProductState } from '../../src/model/supply/products.js';
import { Sale } from '../../src/model/money/sales.js';

/** A sale's numbers, each distinct, and the channel it happened on. */
function filledSale(channel: SalesChannel, product: ProductState): { sale: Sale; numbers: [CounterName, number][] } {
  const sale = new Sale();
  sale.channel = channel;
  sale.product = product;
  const numbers = Object.keys(sale)
    .filter((key) => typeof sale[key as keyof Sale] === 'number')
    .map((key, index) => [key as CounterName, 100 * (index + 1)] as [CounterName, number]);
  for (const [key, value] of numbers) (sale as unknown as Record<string, number>)[key] = value;
  return { sale, numbers };
}

describe('a recorded sale', () => {
  it('carries only numbers the catalogue knows as counters', () => {
    const { numbers } = filledSale({} as SalesChannel, {} as ProductState);
    for (const [key] of numbers) expect(COUNTER_NAMES, key).toContain(key);
    for (const part of LEDGER_PARTS) expect(numbers.map(([key]) => key)).toContain(part);
  });

  it('adds every one of them to the day, the product and each group it counts toward', () => {
    const group = new Flows();
    const product = { flows: new Flows(), shop: undefined } as unknown as ProductState;
    const channel = { anchor: undefined, groups: [group] } as unknown as SalesChannel;
    const { sale, numbers } = filledSale(channel, product);
    const metrics = new Metrics();
    metrics.recordSale(sale, 0);
    for (const flows of [metrics.today, product.flows, group]) {
      for (const [key, value] of numbers) expect(flows[key], key).toBe(value);
    }
  });
});

describe('flows', () => {
  it('have exactly the catalogue’s counters, all starting at 0', () => {
    const flows = new Flows();
    expect(Object.keys(flows)).toEqual([...COUNTER_NAMES]);
    for (const name of COUNTER_NAMES) expect(flows[name]).toBe(0);
  });
});
